package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.galley.render.SiteRendererTest.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search page and its script, as rendered; the browser tests (galley-local) check them at work. */
class SearchPageTest {

    private final SiteRenderer renderer = new SiteRenderer(SiteConfig.defaults());
    private final List<SiteFile> files = renderer.indexPages(List.of(
            summary("zero", "Zero-downtime migrations", 2026, 3, true, "PostgreSQL"),
            summary("dashboards", "Designing dashboards", 2026, 2, false, "DevOps")));

    private SiteFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no " + path));
    }

    private Document searchPage() {
        return Jsoup.parse(new String(file(SiteRenderer.SEARCH).bytes(), StandardCharsets.UTF_8));
    }

    private SiteFile script() {
        List<SiteFile> scripts = files.stream().filter(f -> f.kind() == ContentKind.JAVASCRIPT).toList();
        assertEquals(1, scripts.size(), files.toString());
        return scripts.get(0);
    }

    @Test
    void searchPageIsWrittenWithTheIndexPagesAtSearchSlash() {
        assertEquals("search/index.html", SiteRenderer.SEARCH);
        assertEquals(ContentKind.HTML, file(SiteRenderer.SEARCH).kind());
        assertEquals("Search · " + SiteConfig.defaults().title(), searchPage().title());
        assertEquals(SiteConfig.defaults().absolute("search/").toString(), searchPage().selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void searchScriptIsFingerprintedCachedForAYearAndLoadedDeferredFromItsOwnFile() {
        SiteFile script = script();
        assertTrue(script.path().matches("assets/search\\.[0-9a-f]{10}\\.js"), script.path());
        assertEquals("application/javascript; charset=utf-8", script.kind().contentType());
        assertEquals("public, max-age=31536000, immutable", script.kind().cacheControl());
        List<Element> scripts = searchPage().select("script");
        assertEquals(1, scripts.size(), scripts.toString());
        assertEquals("/" + script.path(), scripts.get(0).attr("src"));
        assertTrue(scripts.get(0).hasAttr("defer"));
        assertEquals("", scripts.get(0).html(), "no inline script: the CSP allows script-src 'self' only");
    }

    @Test
    void searchScriptWritesNoMarkupFromDataAndIsPlainAscii() {
        String source = new String(script().bytes(), StandardCharsets.UTF_8);
        for (String markupSink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertFalse(source.contains(markupSink), "search.js must build results with DOM APIs, not " + markupSink);
        }
        assertTrue(source.contains("textContent"));
        assertTrue(source.chars().allMatch(c -> c < 128), "non-ASCII in search.js would depend on the charset it is served with");
    }

    @Test
    void searchInputHasAVisibleLabelAndTheFormWorksAsAGetFormOfQ() {
        Document page = searchPage();
        Element form = page.selectFirst("main form[role=search]");
        assertNotNull(form);
        assertEquals("/search/", form.attr("action"));
        assertEquals("get", form.attr("method"));
        Element input = form.selectFirst("input#search-query");
        assertNotNull(input);
        assertEquals("q", input.attr("name"));
        assertEquals("search", input.attr("type"));
        Element label = form.selectFirst("label[for=search-query]");
        assertNotNull(label, "the input needs a label of its own");
        assertFalse(label.text().isBlank());
        assertFalse(label.hasClass("visually-hidden"), "the label is visible");
        assertNotNull(form.selectFirst("button[type=submit]"));
    }

    @Test
    void resultCountIsAnnouncedInAPoliteLiveRegionOutsideTheResultsList() {
        Document page = searchPage();
        Element status = page.selectFirst("main [aria-live=polite]");
        assertNotNull(status);
        assertEquals("search-status", status.id());
        assertNotNull(page.selectFirst("main ol#search-results"));
        assertTrue(page.select("#search-results [aria-live]").isEmpty());
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksToTheTags() {
        Element message = searchPage().selectFirst("main #search-no-script");
        assertNotNull(message, "the message the script removes when it runs");
        assertTrue(message.text().contains("JavaScript"), message.text());
        assertNotNull(message.selectFirst("a[href=/tags/]"), message.outerHtml());
    }

    @Test
    void everyPageLinksTheSearchPageFromItsHeaderAndFooterAndOnlyTheSearchPageLoadsTheScript() {
        for (SiteFile page : files) {
            if (page.kind() != ContentKind.HTML) {
                continue;
            }
            Document html = Jsoup.parse(new String(page.bytes(), StandardCharsets.UTF_8));
            assertNotNull(html.selectFirst("header.site-header a[href=/search/]"), page.path());
            assertNotNull(html.selectFirst("footer nav a[href=/search/]"), page.path());
            boolean loadsScript = !html.select("script[src]").isEmpty();
            assertEquals(page.path().equals(SiteRenderer.SEARCH), loadsScript, page.path());
        }
    }

    @Test
    void searchPageIsTheSameModelWhateverTheArticlesSoAnUploadNeverRewritesIt() {
        Map<String, IndexPage> none = renderer.indexModels(List.<ArticleSummary>of());
        Map<String, IndexPage> some = renderer.indexModels(List.of(summary("a", "A", 2026, 1, false, "Go")));
        assertEquals(none.get(SiteRenderer.SEARCH), some.get(SiteRenderer.SEARCH));
        assertEquals(none.get(script().path()), some.get(script().path()));
        assertTrue(some.get(script().path()) instanceof IndexPage.Fixed);
    }
}
