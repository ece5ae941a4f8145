package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The Atom 1.0 feeds (RFC 4287): the site's ({@code feed.xml}), with each article's full content, and each tag's
 * ({@code tags/<slug>/feed.xml}), with summaries and links only, so that writing it reads no article's source. A
 * pure function of the articles: every date comes from them, never from the clock, so an unchanged site gives
 * the same bytes and the upload handler has nothing to write.
 */
public final class AtomFeed {

    public static final String PATH = "feed.xml";
    /** How many articles the feed carries. */
    public static final int SIZE = 20;
    /** The {@code updated} of a feed without entries: Atom requires one, and the build time would change every build. */
    public static final OffsetDateTime EMPTY_UPDATED = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Newest first: the order both feeds list their entries in. */
    static final Comparator<Entry> ORDER = (a, b) -> SiteIndex.NEWEST_FIRST.compare(a.article(), b.article());

    /** One article of the feed: its summary and its body as the Markdown renderer made it. */
    public record Entry(ArticleSummary article, String bodyHtml) {
    }

    private AtomFeed() {
    }

    /** The articles the feed shows, newest first: the caller fetches their bodies and passes them to {@link #render}. */
    public static List<ArticleSummary> articles(Collection<ArticleSummary> all) {
        return articles(all, SIZE);
    }

    /** The newest {@code count} articles, newest first: what the site's feeds show, as {@code site.yaml}'s {@code feed:} says. */
    public static List<ArticleSummary> articles(Collection<ArticleSummary> all, int count) {
        return all.stream().sorted(SiteIndex.NEWEST_FIRST).limit(count).toList();
    }

    /** The first {@code count} of articles already newest first ({@link SiteIndex#NEWEST_FIRST}): no sort of the site. */
    public static List<ArticleSummary> newest(List<ArticleSummary> newestFirst, int count) {
        return List.copyOf(newestFirst.subList(0, Math.min(count, newestFirst.size())));
    }

    /** Where the feed of the tag with this slug lives, beside the tag's page. */
    public static String tagPath(String tagSlug) {
        return "tags/" + tagSlug + "/" + PATH;
    }

    /** The site's feed of the given entries, newest first whatever their order. */
    public static SiteFile render(SiteConfig site, Collection<Entry> entries) {
        return render(site, entries, new FeedContent());
    }

    static SiteFile render(SiteConfig site, Collection<Entry> entries, FeedContent content) {
        String subtitle = site.description().isEmpty() ? site.tagline() : site.description();
        String home = site.baseUrl().toString();
        return render(site, new Head(PATH, home, site.title(), subtitle, home), entries,
                entry -> content.absolute(Xml.text(entry.bodyHtml()), site.absolute(entry.article().path())));
    }

    /** The feed of one tag's articles, newest first whatever their order, without their bodies; its id is its own URL. */
    public static SiteFile renderTag(SiteConfig site, String tag, Collection<ArticleSummary> articles) {
        String slug = SiteIndex.tagSlug(tag);
        String path = tagPath(slug);
        String title = site.title().isEmpty() ? tag : site.title() + ": " + tag;
        return render(site, new Head(path, site.absolute(path).toString(), title, site.text().format("tagDescription", tag),
                site.absolute("tags/" + slug + "/").toString()), articles.stream().map(a -> new Entry(a, "")).toList(), entry -> "");
    }

    /** What tells one feed from another: where it lives, its id, its title and subtitle and the page it mirrors. */
    private record Head(String path, String id, String title, String subtitle, String alternate) {
    }

    /** @param contentOf an entry's content, HTML with absolute URLs, or "" to give none */
    private static SiteFile render(SiteConfig site, Head head, Collection<Entry> entries, Function<Entry, String> contentOf) {
        List<Entry> sorted = entries.stream().sorted(ORDER).toList();
        byte[] bytes = Xml.document(xml -> feed(xml, site, head, sorted, contentOf));
        return new SiteFile(head.path(), bytes, ContentKind.ATOM);
    }

    private static void feed(XMLStreamWriter xml, SiteConfig site, Head head, List<Entry> entries, Function<Entry, String> contentOf)
            throws XMLStreamException {
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        if (!site.language().isEmpty()) {
            xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", Xml.text(site.language()));
        }
        Xml.element(xml, "id", head.id());
        Xml.element(xml, "title", head.title());
        if (!head.subtitle().isEmpty()) {
            Xml.element(xml, "subtitle", head.subtitle());
        }
        link(xml, "alternate", "text/html", head.alternate());
        link(xml, "self", "application/atom+xml", site.absolute(head.path()).toString());
        OffsetDateTime updated = lastModified(entries);
        Xml.element(xml, "updated", Format.rfc3339(updated == null ? EMPTY_UPDATED : updated));
        List<Author> authors = feedAuthors(site);
        authors(xml, authors);
        Xml.element(xml, "generator", "Galley");
        for (Entry entry : entries) {
            entry(xml, site, authors, entry, contentOf.apply(entry));
        }
        xml.writeEndElement();
    }

    /** When the entries last changed: the latest of their modified times (the first of equal instants), or null for none. */
    static OffsetDateTime lastModified(List<Entry> entries) {
        OffsetDateTime latest = null;
        for (Entry entry : entries) {
            OffsetDateTime modified = Format.modified(entry.article());
            if (latest == null || modified.toInstant().isAfter(latest.toInstant())) {
                latest = modified;
            }
        }
        return latest;
    }

    private static void entry(XMLStreamWriter xml, SiteConfig site, List<Author> feedAuthors, Entry entry, String content)
            throws XMLStreamException {
        ArticleSummary a = entry.article();
        URI url = site.absolute(a.path());
        xml.writeStartElement("entry");
        Xml.element(xml, "id", url.toString());
        Xml.element(xml, "title", a.title());
        link(xml, "alternate", "text/html", url.toString());
        Xml.element(xml, "published", Format.rfc3339(a.date()));
        Xml.element(xml, "updated", Format.rfc3339(Format.modified(a)));
        if (!a.authors().isEmpty() && !a.authors().equals(feedAuthors)) {
            authors(xml, a.authors());
        }
        String tagScheme = site.absolute("tags/").toString();
        for (String tag : a.tags()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("scheme", tagScheme);
            xml.writeAttribute("term", SiteIndex.tagSlug(tag));
            xml.writeAttribute("label", Xml.text(tag));
        }
        if (!a.summary().isEmpty()) {
            Xml.element(xml, "summary", String.join("\n\n", a.summary()));
        }
        if (!content.isEmpty()) {  // without it, Atom asks for the alternate link, which every entry has
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(content);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Atom wants an author on the feed or on every entry: the site's authors, else the site's name, else its host. */
    private static List<Author> feedAuthors(SiteConfig site) {
        List<Author> authors = site.authors();
        if (!authors.isEmpty()) {
            return authors;
        }
        return List.of(new Author(site.title().isEmpty() ? site.baseUrl().getHost() : site.title(), null));
    }

    private static void authors(XMLStreamWriter xml, List<Author> authors) throws XMLStreamException {
        for (Author author : authors) {
            xml.writeStartElement("author");
            Xml.element(xml, "name", author.name());
            if (author.url() != null) {
                Xml.element(xml, "uri", author.url());
            }
            xml.writeEndElement();
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
