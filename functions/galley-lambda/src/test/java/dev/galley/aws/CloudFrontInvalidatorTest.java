package dev.galley.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.galley.aws.CloudFrontInvalidator.cachePaths;
import static dev.galley.aws.CloudFrontInvalidator.callerReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Which paths one invalidation names, and how it is told apart from others. */
class CloudFrontInvalidatorTest {

    @Test
    void pathsGetALeadingSlashAndPercentEncodingOnlyForNonAsciiAndUnsafeCharacters() {
        assertEquals(List.of("/articles/caf%C3%A9/a%20b%7Bc%7D.png", "/feed.xml", "/x/(1)+it's&more=ok@1,2;3!.png"),
                cachePaths(List.of("articles/café/a b{c}.png", "/feed.xml", "x/(1)+it's&more=ok@1,2;3!.png")));
        assertEquals(List.of("/100%25%7Creal%5E%7E%23%22%3C%3E%5B%5C%5D%60.svg"), cachePaths(List.of("100%|real^~#\"<>[\\]`.svg")));
    }

    @Test
    void aStarIsAWildcardOnlyAtTheEnd() {
        assertEquals(List.of("/a%2Ab/*"), cachePaths(List.of("a*b/*")));
    }

    @Test
    void aPageIsInvalidatedUnderTheUrisViewersAskForAndTheOneTheViewerFunctionMakes() {
        assertEquals(List.of("/articles/x", "/articles/x/", "/articles/x/index.html"), cachePaths(List.of("articles/x/index.html")));
        assertEquals(List.of("/", "/index.html"), cachePaths(List.of("index.html")));
    }

    @Test
    void duplicatesAreSentOnceAndEverythingTakesThePlaceOfTheRest() {
        assertEquals(List.of("/a.png", "/b.png"), cachePaths(List.of("b.png", "/a.png", "a.png", "b.png")));
        assertEquals(List.of("/*"), cachePaths(List.of("a.png", "/*", "b.png")));
        assertEquals(List.of(), cachePaths(List.of()));
    }

    @Test
    void moreThanTheCapBecomesOneWildcardWhichCloudFrontBillsAsOnePath() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < CloudFrontInvalidator.MAX_PATHS; i++) {
            many.add("img/" + i + ".png");
        }
        assertEquals(CloudFrontInvalidator.MAX_PATHS, cachePaths(many).size());
        many.add("img/one-more.png");
        assertEquals(List.of("/*"), cachePaths(many));
    }

    @Test
    void theCallerReferenceIsTheSameForTheSameWorkAndPathsAndDiffersOtherwise() {
        String first = callerReference("req-1", List.of("/*"));
        assertEquals(first, callerReference("req-1", List.of("/*")));
        assertEquals("req-1-", first.substring(0, 6));
        assertNotEquals(first, callerReference("req-2", List.of("/*")));
        assertNotEquals(first, callerReference("req-1", List.of("/a.png")));
    }
}
