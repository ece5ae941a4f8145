package dev.galley.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Tag;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status tags as the author commands read them. */
class TaggedStatusTest {

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void aStatusAboutOtherBytesIsNotTheUploadsOwn() {
        TaggedStatus status = TaggedStatus.of(List.of(tag("galley-status", "published"), tag("galley-etag", "5d41402abc4b2a76b9719d911017c592"),
                tag("galley-url", "https://notes.example.com/articles/hello/"))).orElseThrow();

        assertTrue(status.isAbout("5d41402abc4b2a76b9719d911017c592"));
        assertFalse(status.isAbout("7d793037a0760186574b0282f2f435e7"));
    }

    @Test
    void anObjectTheFunctionHasNotTaggedHasNoStatusAndTheAuthorsOwnTagsAreIgnored() {
        assertTrue(TaggedStatus.of(List.of(tag("team", "platform"))).isEmpty());
    }

    @Test
    void warningsFollowTheStatusOnALineOfTheirOwn() {
        TaggedStatus status = TaggedStatus.of(List.of(tag("team", "platform"), tag("galley-status", "published"),
                tag("galley-warnings", "2 warnings. line 14: the link /articles/old-post/ leads to no page"),
                tag("galley-url", "https://notes.example.com/articles/hello/"))).orElseThrow();

        assertEquals(List.of("published posts/hello.md -> https://notes.example.com/articles/hello/",
                "warning   posts/hello.md: 2 warnings. line 14: the link /articles/old-post/ leads to no page"), status.describe("posts/hello.md"));
    }

    @Test
    void aSharedDraftGivesItsLinkAndAnUnsharedOneSaysItIsNotPublished() {
        TaggedStatus shared = TaggedStatus.of(List.of(tag("galley-status", "draft"),
                tag("galley-url", "https://notes.example.com/drafts/q8Zx0sLk3vB1nM7pT4rW2yC6dF9gH5jA/"))).orElseThrow();
        assertEquals(List.of("draft     posts/budget.md -> https://notes.example.com/drafts/q8Zx0sLk3vB1nM7pT4rW2yC6dF9gH5jA/"
                + " (draft, share this link for review)"), shared.describe("posts/budget.md"));
        assertEquals(List.of("draft     posts/budget.md (not published)"),
                TaggedStatus.of(List.of(tag("galley-status", "draft"))).orElseThrow().describe("posts/budget.md"));
    }
}
