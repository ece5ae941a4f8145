package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The RSS 2.0 feed, with the articles of the Atom feed: the summary as {@code description} and the full body as
 * {@code content:encoded}, dates from the articles only (RFC 822, in UTC), so an unchanged site gives the same bytes.
 * Written at {@link #PATH} and, for readers subscribed to a Hugo site, at Hugo's {@link #HUGO_PATH}.
 */
public final class RssFeed {

    public static final String PATH = "rss.xml";
    /** Where Hugo publishes its RSS feed: a moved Hugo blog keeps its subscribers. */
    public static final String HUGO_PATH = "index.xml";

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private RssFeed() {
    }

    /** The feed of the given entries at {@code path}, newest first whatever their order. */
    static SiteFile render(SiteConfig site, String path, Collection<AtomFeed.Entry> entries, FeedContent content) {
        return render(site, path, entries, content, true);
    }

    /** @param bodies whether each item carries its body as {@code content:encoded}, or its summary alone */
    static SiteFile render(SiteConfig site, String path, Collection<AtomFeed.Entry> entries, FeedContent content, boolean bodies) {
        List<AtomFeed.Entry> sorted = entries.stream().sorted(AtomFeed.ORDER).toList();
        byte[] bytes = Xml.document(xml -> channel(xml, site, path, sorted, content, bodies));
        return new SiteFile(path, bytes, ContentKind.RSS);
    }

    private static void channel(XMLStreamWriter xml, SiteConfig site, String path, List<AtomFeed.Entry> entries, FeedContent content,
                                boolean bodies) throws XMLStreamException {
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", ATOM);
        xml.writeNamespace("content", CONTENT);
        xml.writeNamespace("dc", DUBLIN_CORE);
        xml.writeStartElement("channel");
        String title = site.title().isEmpty() ? site.baseUrl().getHost() : site.title();
        Xml.element(xml, "title", title);
        Xml.element(xml, "link", site.baseUrl().toString());
        String description = !site.description().isEmpty() ? site.description() : !site.tagline().isEmpty() ? site.tagline() : title;
        Xml.element(xml, "description", description);
        if (!site.language().isEmpty()) {
            Xml.element(xml, "language", site.language());
        }
        OffsetDateTime newest = AtomFeed.lastModified(entries);
        if (newest != null) {
            Xml.element(xml, "lastBuildDate", Format.rfc822(newest));
        }
        Xml.element(xml, "generator", "Galley");
        // Readers and validators find the feed's own address here; RSS 2.0 has no element of its own for it.
        xml.writeEmptyElement("atom", "link", ATOM);
        xml.writeAttribute("href", site.absolute(path).toString());
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        for (AtomFeed.Entry entry : entries) {
            item(xml, site, entry, content, bodies);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void item(XMLStreamWriter xml, SiteConfig site, AtomFeed.Entry entry, FeedContent content, boolean bodies)
            throws XMLStreamException {
        ArticleSummary a = entry.article();
        URI url = site.absolute(a.path());
        xml.writeStartElement("item");
        Xml.element(xml, "title", a.title());
        Xml.element(xml, "link", url.toString());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "true");
        xml.writeCharacters(url.toString());
        xml.writeEndElement();
        Xml.element(xml, "pubDate", Format.rfc822(a.date()));
        // RSS's author element wants an e-mail address, which Galley does not have: Dublin Core's creator takes a name.
        for (Author author : Format.authors(site, a)) {
            xml.writeStartElement("dc", "creator", DUBLIN_CORE);
            xml.writeCharacters(Xml.text(author.name()));
            xml.writeEndElement();
        }
        String tagDomain = site.absolute("tags/").toString();
        for (String tag : a.tags()) {
            xml.writeStartElement("category");
            xml.writeAttribute("domain", tagDomain);
            xml.writeCharacters(Xml.text(tag));
            xml.writeEndElement();
        }
        String body = content.absolute(Xml.text(entry.bodyHtml()), url);
        Xml.element(xml, "description", a.summary().isEmpty() ? body : summaryHtml(a.summary()));
        if (bodies) {
            xml.writeStartElement("content", "encoded", CONTENT);
            xml.writeCharacters(body);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /**
     * The summary as HTML, which readers take a description to be: its text escaped, one paragraph each. Escaped
     * by jte, which every upload has loaded for the pages (jsoup's escaper would load jsoup and its entity tables).
     */
    private static String summaryHtml(List<String> paragraphs) {
        StringOutput html = new StringOutput();
        for (String paragraph : paragraphs) {
            html.writeContent("<p>");
            Escape.htmlContent(Xml.text(paragraph), html);
            html.writeContent("</p>");
        }
        return html.toString();
    }
}
