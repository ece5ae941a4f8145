package dev.galley.local;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildWarmUpTest {

    /** The warm-up swallows failures (only time is at stake), so a sample that stopped parsing would go unnoticed. */
    @Test
    void warmUpSampleIsAPublishableArticleWithWhatProseHolds() throws Exception {
        byte[] sample;
        try (InputStream in = BuildWarmUp.class.getResourceAsStream("warm-up.md")) {
            assertNotNull(in, "warm-up.md is packaged beside BuildWarmUp");
            sample = in.readAllBytes();
        }

        Article article = new ArticleParser(SiteConfig.defaults()).parse("warm-up.md", sample);

        assertEquals("Warming up: what most articles hold", article.summary().title());
        assertTrue(article.warnings().isEmpty(), () -> "warnings: " + article.warnings());
        String body = article.bodyHtml();
        for (String element : new String[] {"<h2", "<a href=", "<code>", "<pre", "<ul>", "<ol>", "<blockquote>", "“"}) {
            assertTrue(body.contains(element), () -> "the sample's body has no " + element + ": " + body);
        }
    }

    @Test
    void warmUpEndsOnItsOwnAndLeavesNothingRunning() throws InterruptedException {
        Thread thread = BuildWarmUp.start();

        assertTrue(thread.isDaemon(), "a warm-up never holds the build's exit");
        thread.join(60_000);
        assertTrue(!thread.isAlive(), "the warm-up ended within a minute");
    }
}
