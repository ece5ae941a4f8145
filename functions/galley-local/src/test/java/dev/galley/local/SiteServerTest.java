package dev.galley.local;

import dev.galley.publish.Redirects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SiteServerTest {

    @Test
    void mustMapPathsToKeysTheWayCloudFrontWill() {
        assertEquals("index.html", SiteServer.keyFor("/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x"));
        assertEquals("feed.xml", SiteServer.keyFor("/feed.xml"));
        assertEquals("assets/style.abc.css", SiteServer.keyFor("/assets/style.abc.css"));
        assertEquals("media/posts/Photo.JPEG", SiteServer.keyFor("/media/posts/Photo.JPEG"));
        assertEquals("2010/01/old.html", SiteServer.keyFor("/2010/01/old.html"));
        // a dot alone does not make a file, as for CloudFront: old URLs like these are folders holding a redirect
        assertEquals("articles/v1.2-release/index.html", SiteServer.keyFor("/articles/v1.2-release"));
        assertEquals("old.php/index.html", SiteServer.keyFor("/old.php"));
    }

    @Test
    void mustRefuseInternalStateAndPathsThatClimbOut() {
        assertNull(SiteServer.keyFor("/_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/_galley"));
        assertNull(SiteServer.keyFor("/articles/../_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/a/./b"));
        assertNull(SiteServer.keyFor("relative"));
    }

    @ParameterizedTest(name = "{0} with query \"{1}\" -> {2}")
    @CsvSource(nullValues = "none", textBlock = """
            %2Farticles%2Fnew%2F,              none,            /articles/new/
            %2Farticles%2Fnew%2F,              utm_source=feed, /articles/new/?utm_source=feed
            %2Farticles%2Fcaf%25C3%25A9%2F,    none,            /articles/caf%C3%A9/
            %2F%2Fevil.example%2F,             none,            none
            https%3A%2F%2Fevil.example%2F,     none,            none
            %2Fa%2F%0D%0ASet-Cookie%3A+x%3D1,  none,            none
            %E0%A4%A,                          none,            none
            """)
    void aRedirectObjectAnswersWithItsTargetAsTheCdnFunctionDoes(String stored, String query, String location) {
        GetObjectResponse object = GetObjectResponse.builder().metadata(Map.of(Redirects.TARGET, stored)).build();
        assertEquals(location, SiteServer.redirectLocation(object, query));
    }

    @Test
    void anObjectWithoutRedirectMetadataIsServedAsItIs() {
        assertNull(SiteServer.redirectLocation(GetObjectResponse.builder().metadata(Map.of("galley-revision", "3")).build(), "a=b"));
    }
}
