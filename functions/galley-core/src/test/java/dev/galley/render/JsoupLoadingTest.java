package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jsoup is half a megabyte of classes: an upload that renders no feed, of an article without raw HTML, must not
 * pay for loading it.
 */
class JsoupLoadingTest {

    /** Runs inside a fresh class loader, so that every class it touches is loaded anew and recorded. */
    public static final class Scenario {

        private static final ArticleSummary ARTICLE = new ArticleSummary("a", "A", OffsetDateTime.parse("2026-01-01T00:00:00Z"), null,
                List.of("Go"), List.of("Summary."), "", List.of(), 1, null, false);

        public static void pagesSitemapAndSearchIndex() {
            SiteRenderer renderer = new SiteRenderer(SiteConfig.defaults());
            renderer.article(new Article(ARTICLE, "a.md", "<p><a href=\"x/\">x</a></p>", List.of(), false, Map.of()), dev.galley.site.SiteIndex.Neighbours.NONE);
            renderer.indexModels(List.of(ARTICLE)).values().stream()
                    .filter(page -> !(page instanceof IndexPage.Feed))
                    .forEach(page -> renderer.render(page, article -> ""));
            Sitemap.render(SiteConfig.defaults(), List.of(ARTICLE), List.of());
            Sitemap.robots(SiteConfig.defaults());
            SearchIndex.render(List.of(ARTICLE));
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

        public static void feed() {
            AtomFeed.render(SiteConfig.defaults(), List.of(new AtomFeed.Entry(ARTICLE, "<p><a href=\"x/\">x</a></p>")));
        }
    }

    private static final class RecordingLoader extends URLClassLoader {

        private final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }

        boolean loadedJsoup() {
            return requested.stream().anyMatch(name -> name.startsWith("org.jsoup."));
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(path -> {
                try {
                    return new File(path).toURI().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }

    @Test
    void mustLoadJsoupOnlyWhenAFeedIsRendered() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (RecordingLoader loader = new RecordingLoader()) {
            thread.setContextClassLoader(loader);
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            scenario.getMethod("pagesSitemapAndSearchIndex").invoke(null);
            assertTrue(loader.requested.contains(SiteRenderer.class.getName()), "the scenario ran in the recording loader");
            assertFalse(loader.loadedJsoup(), "jsoup loaded without a feed");
            scenario.getMethod("feed").invoke(null);
            assertTrue(loader.loadedJsoup(), "the feed uses jsoup");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void mustLoadJsoupForAnArticleOnlyWhenItHasRawHtml() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            scenario.getMethod("articleWithoutRawHtml").invoke(null);
            assertTrue(loader.requested.contains(ArticleParser.class.getName()), "the scenario ran in the recording loader");
            assertFalse(loader.loadedJsoup(), "jsoup loaded for an article without raw HTML");
            scenario.getMethod("articleWithRawHtml").invoke(null);
            assertTrue(loader.loadedJsoup(), "raw HTML is cleaned with jsoup");
        }
    }
}
