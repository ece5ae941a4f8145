package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    private static final SiteConfig SITE = new SiteConfig("Field Notes", "Notes from the field", "", URI.create("https://example.com/"),
            "Ada Lovelace", "en", ZoneOffset.UTC, 220, 10);

    static ArticleSummary article(String slug, String title, String date, String updated, String author, String... tags) {
        return new ArticleSummary(slug, title, OffsetDateTime.parse(date), updated == null ? null : OffsetDateTime.parse(updated),
                List.of(tags), List.of("First paragraph of " + title + ".", "Second paragraph."), "", Author.listFrom(author), 4, null, false);
    }

    private static Document parse(SiteFile feed) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.bytes()));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        assertNotNull(e, parent.getLocalName() + " lacks atom:" + name);
        return e.getTextContent();
    }

    private static void assertDate(String value) {
        assertTrue(RFC_3339.matcher(value).matches(), value + " is not an RFC 3339 date-time");
        OffsetDateTime.parse(value);
    }

    @Test
    void mustWriteEveryElementAtomRequiresWithRfc3339DatesAndTheNewestArticleDateAsUpdated() throws Exception {
        List<AtomFeed.Entry> entries = List.of(
                new AtomFeed.Entry(article("older", "Older", "2026-01-05T10:00:00+01:00", "2026-04-02T12:30:00+02:00", "", "Go"), "<p>old</p>"),
                new AtomFeed.Entry(article("newer", "Newer", "2026-03-10T00:00:00Z", null, "", "Rust"), "<p>new</p>"));
        SiteFile file = AtomFeed.render(SITE, entries);
        assertEquals(AtomFeed.PATH, file.path());
        assertEquals(ContentKind.ATOM, file.kind());

        Element feed = parse(file).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("https://example.com/", text(feed, "id"));
        assertEquals("Field Notes", text(feed, "title"));
        assertEquals("Notes from the field", text(feed, "subtitle"));
        assertEquals("Ada Lovelace", text(child(feed, "author"), "name"));
        // the newest change is the older article's revision, not the newer article's date and not the clock
        assertEquals("2026-04-02T10:30:00Z", text(feed, "updated"));
        List<String> links = children(feed, "link").stream().map(l -> l.getAttribute("rel") + " " + l.getAttribute("href")).toList();
        assertEquals(List.of("alternate https://example.com/", "self https://example.com/feed.xml"), links);

        List<Element> items = children(feed, "entry");
        assertEquals(List.of("https://example.com/articles/newer/", "https://example.com/articles/older/"),
                items.stream().map(e -> text(e, "id")).toList(), "newest first");
        for (Element entry : items) {
            assertFalse(text(entry, "title").isEmpty());
            assertDate(text(entry, "updated"));
            assertDate(text(entry, "published"));
            assertEquals(text(entry, "id"), child(entry, "link").getAttribute("href"));
            assertEquals("html", child(entry, "content").getAttribute("type"));
        }
        assertDate(text(feed, "updated"));
        assertEquals("2026-01-05T09:00:00Z", text(items.get(1), "published"));
        assertEquals("2026-04-02T10:30:00Z", text(items.get(1), "updated"));
        assertEquals("2026-03-10T00:00:00Z", text(items.get(0), "updated"));
        assertEquals("First paragraph of Newer.\n\nSecond paragraph.", text(items.get(0), "summary"));
    }

    @Test
    void mustCarryTheFullBodyWithEveryRelativeUrlMadeAbsoluteAgainstTheArticle() throws Exception {
        String body = """
                <h2 id="setup">Setup &amp; &lt;/content&gt; ]]&gt;</h2>
                <p>See <a href="diagram.png">the diagram</a>, <a href="/tags/go/">Go</a>, <a href="../other/">another</a>,\
                 a note<sup><a href="#fn-1">1</a></sup>, <a href="https://elsewhere.org/x">elsewhere</a> and <a href="mailto:a@b.org">mail</a>.</p>
                <p><img src="images/a.png" srcset="images/a.png 1x, images/a@2x.png 2x" alt="A &quot;diagram&quot;" /></p>
                <pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>
                """;
        SiteFile file = AtomFeed.render(SITE, List.of(new AtomFeed.Entry(article("zero", "Zero", "2026-03-10T00:00:00Z", null, ""), body)));
        String content = text(child(parse(file).getDocumentElement(), "entry"), "content");

        org.jsoup.nodes.Document expected = Jsoup.parseBodyFragment(body
                .replace("\"diagram.png\"", "\"https://example.com/articles/zero/diagram.png\"")
                .replace("\"/tags/go/\"", "\"https://example.com/tags/go/\"")
                .replace("\"../other/\"", "\"https://example.com/articles/other/\"")
                .replace("\"#fn-1\"", "\"https://example.com/articles/zero/#fn-1\"")
                .replace("src=\"images/a.png\"", "src=\"https://example.com/articles/zero/images/a.png\"")
                .replace("srcset=\"images/a.png 1x, images/a@2x.png 2x\"",
                        "srcset=\"https://example.com/articles/zero/images/a.png 1x, https://example.com/articles/zero/images/a@2x.png 2x\""));
        org.jsoup.nodes.Document actual = Jsoup.parseBodyFragment(content);
        assertEquals(expected.body().outerHtml(), actual.body().outerHtml());
        assertTrue(actual.select("script").isEmpty(), "escaped markup in the body must stay text");
        assertEquals("<script>alert(1)</script>", actual.selectFirst("code").text());
    }

    @Test
    void mustRenderTheSameArticlesToTheSameBytesWhateverTheirOrder() {
        AtomFeed.Entry a = new AtomFeed.Entry(article("a", "A", "2026-01-01T00:00:00Z", null, "", "X"), "<p>a</p>");
        AtomFeed.Entry b = new AtomFeed.Entry(article("b", "B", "2026-01-01T00:00:00Z", null, "", "Y"), "<p>b</p>");
        AtomFeed.Entry c = new AtomFeed.Entry(article("c", "C", "2026-02-01T00:00:00Z", null, ""), "<p>c</p>");
        byte[] first = AtomFeed.render(SITE, List.of(a, b, c)).bytes();
        assertArrayEquals(first, AtomFeed.render(SITE, List.of(c, b, a)).bytes());
        assertArrayEquals(first, AtomFeed.render(SITE, new ArrayList<>(List.of(b, a, c))).bytes());
    }

    @Test
    void mustGiveASiteWithoutArticlesAValidFeedUpdatedAtTheEpoch() throws Exception {
        Element feed = parse(AtomFeed.render(SITE, List.of())).getDocumentElement();
        assertEquals("1970-01-01T00:00:00Z", text(feed, "updated"));
        assertEquals("https://example.com/", text(feed, "id"));
        assertTrue(children(feed, "entry").isEmpty());
    }

    @Test
    void mustNameAnAuthorForEveryEntryEvenWhenTheSiteNamesNone() throws Exception {
        SiteConfig anonymous = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/"), "", "en", ZoneOffset.UTC, 220, 10);
        Element feed = parse(AtomFeed.render(anonymous, List.of(
                new AtomFeed.Entry(article("own", "Own", "2026-01-01T00:00:00Z", null, "Grace Hopper"), "<p>x</p>"),
                new AtomFeed.Entry(article("none", "None", "2026-01-02T00:00:00Z", null, ""), "<p>y</p>")))).getDocumentElement();
        assertEquals("Field Notes", text(child(feed, "author"), "name"));
        List<Element> entries = children(feed, "entry");
        assertNull(child(entries.get(0), "author"), "the feed's author stands for it");
        assertEquals("Grace Hopper", text(child(entries.get(1), "author"), "name"));
        assertNull(child(feed, "subtitle"), "no subtitle when the site has neither description nor tagline");
    }

    @Test
    void entryNamesEachOfItsAuthorsWithTheirPage() throws Exception {
        Element feed = parse(AtomFeed.render(SITE, List.of(new AtomFeed.Entry(
                article("pair", "Pair", "2026-01-01T00:00:00Z", null, "[Jane Doe](https://jane.dev), John Roe"), "<p>x</p>"))))
                .getDocumentElement();
        List<Element> authors = children(children(feed, "entry").get(0), "author");
        assertEquals(2, authors.size());
        assertEquals("Jane Doe", text(authors.get(0), "name"));
        assertEquals("https://jane.dev", text(authors.get(0), "uri"));
        assertEquals("John Roe", text(authors.get(1), "name"));
        assertNull(child(authors.get(1), "uri"));
    }

    @Test
    void mustListEachTagAsACategoryWithItsSlugAndItsName() throws Exception {
        Element feed = parse(AtomFeed.render(SITE, List.of(new AtomFeed.Entry(
                article("t", "T", "2026-01-01T00:00:00Z", null, "", "Release Engineering", "C\"++"), "<p>t</p>")))).getDocumentElement();
        List<String> categories = children(child(feed, "entry"), "category").stream()
                .map(c -> c.getAttribute("scheme") + c.getAttribute("term") + " = " + c.getAttribute("label")).toList();
        assertEquals(List.of("https://example.com/tags/release-engineering = Release Engineering", "https://example.com/tags/c-plus-plus = C\"++"), categories);
    }

    @Test
    void mustStayParseableWhenATitleHoldsCharactersXmlCannotCarry() throws Exception {
        String title = "Bell \u0007 and form feed \f </title> ]]> & 😀";
        Element feed = parse(AtomFeed.render(SITE, List.of(new AtomFeed.Entry(
                article("odd", title, "2026-01-01T00:00:00Z", null, ""), "<p>\u0001body</p>")))).getDocumentElement();
        Element entry = child(feed, "entry");
        assertEquals("Bell  and form feed  </title> ]]> & 😀", text(entry, "title"));
        assertEquals("<p>body</p>", text(entry, "content"));
    }

    @Test
    void mustOfferTheNewestTwentyArticles() {
        List<ArticleSummary> all = IntStream.rangeClosed(1, 25)
                .mapToObj(day -> article("day-" + day, "Day " + day, String.format("2026-01-%02dT00:00:00Z", day), null, "")).toList();
        List<ArticleSummary> chosen = AtomFeed.articles(all);
        assertEquals(AtomFeed.SIZE, chosen.size());
        assertEquals("day-25", chosen.get(0).slug());
        assertEquals("day-6", chosen.get(19).slug());
    }
}
