package dev.galley.render;

import dev.galley.RecordingClassLoader;
import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jsoup is half a megabyte of classes: an upload of an article without raw HTML must not pay for loading it, even
 * when it renders the feeds (their bodies come from the parser with absolute URLs).
 */
class JsoupLoadingTest {

    /** Runs inside a fresh class loader, so that every class it touches is loaded anew and recorded. */
    public static final class Scenario {

        private static final ArticleSummary ARTICLE = new ArticleSummary("a", "A", OffsetDateTime.parse("2026-01-01T00:00:00Z"), null,
                List.of("Go"), List.of("Summary."), "", List.of(), 1, null, false);

        public static void pagesFeedsSitemapAndSearchIndex() throws Exception {
            SiteRenderer renderer = new SiteRenderer(SiteConfig.defaults());
            renderer.article(new Article(ARTICLE, "a.md", "<p><a href=\"x/\">x</a></p>", List.of(), false, Map.of()), dev.galley.site.SiteIndex.Neighbours.NONE);
            String feedBody = new ArticleParser(SiteConfig.defaults()).parseWithAbsoluteUrls("a.md",
                    "---\ntitle: A\ndate: 2026-01-01\n---\nSee [x](x/) and ![a](a.png).\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).bodyHtml();
            renderer.indexModels(List.of(ARTICLE)).values().forEach(page -> renderer.render(page, article -> feedBody));
            Sitemap.robots(SiteConfig.defaults());
        }

        public static void articleWithoutRawHtml() throws Exception {
            parse("## Plain\n\nText with `<b>code</b>` and ![a](a.png).\n\n```html\n<b>x</b>\n```\n");
        }

        public static void articleWithRawHtml() throws Exception {
            parse("Press <kbd>Ctrl</kbd>.\n");
        }

        private static void parse(String body) throws Exception {
            new ArticleParser(SiteConfig.defaults()).parse("a.md", ("---\ntitle: T\ndate: 2026-01-01\n---\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public static void feedOfBodiesRenderedForTheirPages() {
            AtomFeed.render(SiteConfig.defaults(), List.of(new AtomFeed.Entry(ARTICLE, "<p><a href=\"x/\">x</a></p>")));
        }
    }

    private static boolean loadedJsoup(RecordingClassLoader loader) {
        return loader.requested().stream().anyMatch(name -> name.startsWith("org.jsoup."));
    }

    @Test
    void mustLoadJsoupForAFeedOnlyWhenItsBodiesStillHoldRelativeUrls() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            thread.setContextClassLoader(loader);
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            scenario.getMethod("pagesFeedsSitemapAndSearchIndex").invoke(null);
            assertTrue(loader.requested().contains(AtomFeed.class.getName()), "the scenario ran in the recording loader and rendered a feed");
            assertFalse(loadedJsoup(loader), "jsoup loaded for a feed of bodies without raw HTML");
            scenario.getMethod("feedOfBodiesRenderedForTheirPages").invoke(null);
            assertTrue(loadedJsoup(loader), "bodies rendered for their pages are resolved with jsoup");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void mustLoadJsoupForAnArticleOnlyWhenItHasRawHtml() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            scenario.getMethod("articleWithoutRawHtml").invoke(null);
            assertTrue(loader.requested().contains(ArticleParser.class.getName()), "the scenario ran in the recording loader");
            assertFalse(loadedJsoup(loader), "jsoup loaded for an article without raw HTML");
            scenario.getMethod("articleWithRawHtml").invoke(null);
            assertTrue(loadedJsoup(loader), "raw HTML is cleaned with jsoup");
        }
    }
}
