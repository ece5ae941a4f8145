package dev.galley.article;

import dev.galley.RecordingClassLoader;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template-tag pass parses a body a second time, with source positions, to find its code: an article
 * without tags (most of them) must not pay for loading that parser or the pass's reader.
 */
class TemplateTagsLoadingTest {

    private static final String TAG_PASS = "dev.galley.article.internal.templates.CodeRegions";
    private static final String SPAN_PARSER = "dev.galley.article.internal.Markdown$SpanParser";

    /** Runs inside a fresh class loader, so that every class it touches is loaded anew and recorded. */
    public static final class Scenario {

        public static void parse(String body) throws ArticleException {
            new ArticleParser(SiteConfig.defaults()).parse("a.md",
                    ("---\ntitle: T\ndate: 2026-01-01\n---\n" + body).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anArticleWithoutTagsLoadsNeitherTheTagPassNorItsParser() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            thread.setContextClassLoader(loader);
            var parse = loader.loadClass(Scenario.class.getName()).getMethod("parse", String.class);
            parse.invoke(null, "Plain Markdown with `code`, {braces} and a [link](https://example.com).\n");
            assertTrue(loader.requested().contains(ArticleParser.class.getName()), "the scenario ran in the recording loader");
            assertFalse(loader.requested().contains(TAG_PASS), "the tag pass loaded for an article without tags");
            assertFalse(loader.requested().contains(SPAN_PARSER), "the span parser loaded for an article without tags");
            parse.invoke(null, "Welcome to {{ site.title }}.\n");
            assertTrue(loader.requested().contains(TAG_PASS), "an article with a tag uses the pass");
            assertTrue(loader.requested().contains(SPAN_PARSER), "an article with a tag uses the span parser");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
