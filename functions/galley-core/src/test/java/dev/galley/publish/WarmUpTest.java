package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpTest {

    /** The warm-up swallows failures (only time is at stake), so a sample that stopped parsing would go unnoticed. */
    @Test
    void warmUpSampleIsAPublishableArticleWithWhatProseHolds() throws Exception {
        Article article = new ArticleParser(SiteConfig.defaults()).parse("warm-up.md", WarmUp.sample());

        assertEquals("Warming up: what most articles hold", article.summary().title());
        assertTrue(article.warnings().isEmpty(), () -> "warnings: " + article.warnings());
        String body = article.bodyHtml();
        for (String element : new String[] {"<h2", "<a href=", "<code>", "<pre", "<ul>", "<ol>", "<blockquote>", "“"}) {
            assertTrue(body.contains(element), () -> "the sample's body has no " + element + ": " + body);
        }
    }

    @Test
    void warmUpEndsOnItsOwnAndLeavesNothingRunning() throws InterruptedException {
        Thread thread = WarmUp.start();

        assertTrue(thread.isDaemon(), "a warm-up never holds a build's exit");
        thread.join(60_000);
        assertTrue(!thread.isAlive(), "the warm-up ended within a minute");
    }
}
