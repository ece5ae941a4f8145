package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.InterfaceText;
import dev.galley.site.ListingPage;
import dev.galley.site.Pagination;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import dev.galley.site.Theme;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Articles and article lists in, site files out. Templates are precompiled Java classes that escape every
 * value by default; only the article body, already made safe by the Markdown renderer, goes out unescaped.
 * Thread-safe; build one per site configuration.
 */
public final class SiteRenderer {

    /** Paths every site has, whatever its articles. */
    public static final String HOME = "index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String TAGS = "tags/index.html";

    /** The search page, which the search script fills in from {@link SearchIndex#PATH}. */
    public static final String SEARCH = "search/index.html";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final SiteFile STYLESHEET_FILE = Asset.load("style.css", ContentKind.CSS);
    private static final String STYLESHEET_PATH = STYLESHEET_FILE.path();
    private static final SiteFile SEARCH_SCRIPT_FILE = Asset.load("search.js", ContentKind.JAVASCRIPT);
    static final int RECENT_ON_404 = 5;

    private final SiteConfig site;
    private final Theme theme;
    private final InterfaceText text;
    /** Made at the first feed rendered, so that a renderer that renders none loads no jsoup. */
    private FeedContent feedContent;

    public SiteRenderer(SiteConfig site) {
        this(site, Theme.DEFAULT);
    }

    /** @param theme the owner's stylesheet, logo and favicon, on every page */
    public SiteRenderer(SiteConfig site, Theme theme) {
        this.site = site;
        this.theme = theme;
        this.text = site.text();
    }

    public SiteConfig site() {
        return site;
    }

    /** An article's page, or a standalone page's, which has no neighbours and no article metadata. */
    public SiteFile article(Article article, SiteIndex.Neighbours neighbours) {
        ArticleSummary a = article.summary();
        if (a.page()) {
            Page page = new Page(site, a.title(), a.metaDescription(), a.path(), "/" + STYLESHEET_PATH, null, article.canonicalElsewhere(), article.shareImage(),
                    theme);
            return html(a.pageFile(), "page.jte", Map.of("page", page, "article", article));
        }
        Page page = new Page(site, a.title(), a.metaDescription(), a.path(), "/" + STYLESHEET_PATH, a, article.canonicalElsewhere(), article.shareImage(), theme);
        return html(a.pageFile(), "article.jte", Map.of("page", page, "article", article, "nav", neighbours));
    }

    /**
     * A draft shared for review, at {@code folder} ({@code drafts/<token>/}): the article's (or page's) look with a
     * "Draft" banner, no neighbours, and a {@code noindex} robots tag.
     */
    public SiteFile draft(Article article, String folder) {
        ArticleSummary a = article.summary();
        Page page = new Page(site, a.title(), a.metaDescription(), folder, "/" + STYLESHEET_PATH, a.page() ? null : a, null, article.shareImage(), theme);
        String file = ArticleSummary.pageFileOf(folder);
        return a.page()
                ? html(file, "page.jte", Map.of("page", page, "article", article, "draft", true))
                : html(file, "article.jte", Map.of("page", page, "article", article, "nav", SiteIndex.Neighbours.NONE, "draft", true));
    }

    /**
     * The page left at an old URL: a refresh to {@code target} that any static host serves. Where the CDN or the
     * preview sees the object's redirect metadata, the reader gets a 301 instead and never sees it.
     *
     * @param objectKey where it goes, such as {@code blog/2023/x/index.html}
     * @param target    the page's path, percent-encoded, such as {@code /articles/x/}
     */
    public SiteFile redirect(String objectKey, String target) {
        return html(objectKey, "redirect.jte", Map.of("text", site.text(), "language", site.language(), "target", target,
                "canonical", site.absolute(target).toString()));
    }

    /**
     * Every page that lists articles, plus the 404 page, by file path: all a pure function of the article
     * list, so an upload re-renders them from the manifest without reading any article. Standalone pages among
     * the articles are in the sitemap only.
     */
    public Map<String, IndexPage> indexModels(Collection<ArticleSummary> articles) {
        return indexModels(articles, slug -> "");
    }

    /**
     * @param versions the version of each article's body by path (its source ETag), so that the feed, which
     *                 carries whole bodies, changes when a body does
     */
    public Map<String, IndexPage> indexModels(Collection<ArticleSummary> articles, Function<String, String> versions) {
        return indexModels(articles, versions, tagSlug -> true);
    }

    /**
     * The same, with the pages of only some tags' listings: a tag's listing depends on nothing but that tag's
     * articles, so comparing the pages before and after a change needs only the changed articles' tags.
     *
     * @param withListing whether to include the listing pages of the tag with this slug
     */
    public Map<String, IndexPage> indexModels(Collection<ArticleSummary> articles, Function<String, String> versions,
                                              Predicate<String> withListing) {
        Map<String, IndexPage> pages = new LinkedHashMap<>();
        List<ArticleSummary> byDate = new ArrayList<>(articles.size());
        List<ArticleSummary> standalone = new ArrayList<>();
        for (ArticleSummary article : articles) {
            (article.page() ? standalone : byDate).add(article);
        }
        // Sorted once here: the tags and the feed sort again, but a sorted list costs them a single pass.
        byDate.sort(SiteIndex.NEWEST_FIRST);
        // The pages that list every article first: they take longest to render, and whoever writes the pages in
        // parallel then starts them while the many small pages fill the other threads, not after them.
        List<ArticleSummary> listed = List.copyOf(byDate);
        Map<String, List<Sitemap.Page>> sitemaps = Sitemap.sitemaps(listed, standalone);
        pages.put(Sitemap.PATH, new IndexPage.SitemapIndex(Sitemap.indexEntries(sitemaps)));
        sitemaps.forEach((file, urls) -> pages.put(file, new IndexPage.SitemapXml(file, urls)));
        Map<String, List<ArticleSummary>> searchChunks = SearchIndex.chunks(listed);
        pages.put(SearchIndex.PATH, new IndexPage.SearchChunks(List.copyOf(searchChunks.keySet())));
        searchChunks.forEach((file, chunk) -> pages.put(file, new IndexPage.SearchJson(file, chunk)));
        List<IndexPage.FeedEntry> feed = siteFeedEntries(byDate, versions);
        pages.put(AtomFeed.PATH, new IndexPage.Feed(AtomFeed.PATH, ContentKind.ATOM, "", feed));
        pages.put(RssFeed.PATH, new IndexPage.Feed(RssFeed.PATH, ContentKind.RSS, "", feed));
        pages.put(RssFeed.HUGO_PATH, new IndexPage.Feed(RssFeed.HUGO_PATH, ContentKind.RSS, "", feed));
        List<ArticleSummary> home = SiteIndex.featuredFirst(byDate);
        for (ListingPage listing : Pagination.paginate("", home, site.pageSize())) {
            pages.put(listing.file(), new IndexPage.Home(listing));
        }
        List<SiteIndex.Tag> tags = SiteIndex.tags(byDate);
        List<IndexPage.TagCount> counts = new ArrayList<>(tags.size());
        for (SiteIndex.Tag tag : tags) {
            counts.add(new IndexPage.TagCount(tag.name(), tag.slug(), tag.articles().size()));
            if (!withListing.test(tag.slug())) {
                continue;
            }
            for (ListingPage listing : Pagination.paginate("tags/" + tag.slug() + "/", tag.articles(), site.pageSize())) {
                pages.put(listing.file(), new IndexPage.Tag(tag.name(), listing));
            }
            String tagFeed = AtomFeed.tagPath(tag.slug());
            pages.put(tagFeed, new IndexPage.Feed(tagFeed, ContentKind.ATOM, tag.name(), feedEntries(tag.articles(), path -> "")));
        }
        pages.put(TAGS, new IndexPage.TagCloud(counts));
        List<ArticleSummary> recent = List.copyOf(byDate.subList(0, Math.min(RECENT_ON_404, byDate.size())));
        pages.put(NOT_FOUND, new IndexPage.NotFound(recent));
        pages.put(SEARCH, new IndexPage.Search());
        for (SiteFile file : List.of(STYLESHEET_FILE, SEARCH_SCRIPT_FILE, Sitemap.robots(site))) {
            pages.put(file.path(), new IndexPage.Fixed(file));
        }
        return pages;
    }

    /**
     * The site's feeds' entries: as many as {@code site.yaml} says, each with its body's version when the feeds carry
     * bodies (so that an edit of a body rewrites them), and none when they carry summaries.
     */
    private List<IndexPage.FeedEntry> siteFeedEntries(List<ArticleSummary> newestFirst, Function<String, String> versions) {
        boolean bodies = site.feed().fullContent();
        return AtomFeed.newest(newestFirst, site.feed().entries()).stream()
                .map(a -> new IndexPage.FeedEntry(a, bodies ? versions.apply(a.path()) : "")).toList();
    }

    private static List<IndexPage.FeedEntry> feedEntries(List<ArticleSummary> articles, Function<String, String> versions) {
        return AtomFeed.articles(articles).stream().map(a -> new IndexPage.FeedEntry(a, versions.apply(a.path()))).toList();
    }

    /** Renders every index page with empty feed bodies: see {@link #indexModels}. */
    public List<SiteFile> indexPages(Collection<ArticleSummary> articles) {
        return indexModels(articles).values().stream().map(page -> render(page, article -> "")).toList();
    }

    /**
     * @param bodies each feed entry's body HTML with absolute URLs ({@code ArticleParser.parseWithAbsoluteUrls}, or
     *               {@link #withAbsoluteUrls}); asked only when {@code model} is one of the site's feeds
     */
    public SiteFile render(IndexPage model, Function<ArticleSummary, String> bodies) {
        if (model instanceof IndexPage.Feed feed && !feed.showsBodies()) {
            return AtomFeed.renderTag(site, feed.tag(), feed.articles());
        }
        if (model instanceof IndexPage.Feed feed) {
            boolean full = site.feed().fullContent();
            List<AtomFeed.Entry> entries = feed.entries().stream()
                    .map(e -> new AtomFeed.Entry(e.article(), full ? bodies.apply(e.article()) : "")).toList();
            FeedContent content = FeedContent.NONE;
            if (feed.kind() == ContentKind.RSS) {
                return RssFeed.render(site, feed.file(), entries, content, full);
            }
            return AtomFeed.render(site, entries, content);
        }
        if (model instanceof IndexPage.SitemapIndex index) {
            return Sitemap.index(site, index.sitemaps());
        }
        if (model instanceof IndexPage.SitemapXml sitemap) {
            return Sitemap.sitemap(site, sitemap.file(), sitemap.pages());
        }
        if (model instanceof IndexPage.SearchChunks index) {
            return SearchIndex.index(index.chunks());
        }
        if (model instanceof IndexPage.SearchJson search) {
            return SearchIndex.chunk(search.file(), search.articles());
        }
        if (model instanceof IndexPage.Fixed fixed) {
            return fixed.content();
        }
        if (model instanceof IndexPage.Home home) {
            ListingPage listing = home.listing();
            String title = listing.isFirst() ? "" : archiveTitle(listing, "archiveTitle");
            return html(model.file(), "home.jte", Map.of("page", page(title, site.description(), listing.path()), "listing", listing));
        }
        if (model instanceof IndexPage.Tag tag) {
            ListingPage listing = tag.listing();
            String title = listing.isFirst() ? text.format("tagTitle", tag.name()) : archiveTitle(listing, "tagArchiveTitle", tag.name());
            return html(model.file(), "tag.jte", Map.of("page", page(title, text.format("tagDescription", tag.name()), listing.path()), "tag", tag));
        }
        if (model instanceof IndexPage.TagCloud cloud) {
            return html(model.file(), "tags.jte", Map.of("page", page(text.get("tags"), text.format("tagsDescription", site.title()), "tags/"), "cloud", cloud));
        }
        if (model instanceof IndexPage.Search) {
            return html(model.file(), "search.jte", Map.of("page", page(text.get("search"), text.format("searchDescription", site.title()), "search/"),
                    "script", "/" + SEARCH_SCRIPT_FILE.path()));
        }
        IndexPage.NotFound notFound = (IndexPage.NotFound) model;
        return html(model.file(), "notfound.jte", Map.of("page", page(text.get("notFoundTitle"), "", "404.html"), "recent", notFound.recent()));
    }

    /** A body rendered for its page, as feeds need it: every URL absolute against the page's. Parses it with jsoup. */
    public String withAbsoluteUrls(ArticleSummary article, String bodyHtml) {
        return feedContent().absolute(bodyHtml, site.absolute(article.path()));
    }

    private synchronized FeedContent feedContent() {
        if (feedContent == null) {
            feedContent = new FeedContent();
        }
        return feedContent;
    }

    /**
     * An archive page's title by the months of its newest and oldest articles, "Articles from March 2026 back to
     * January 2025", or by its one month ({@code key + "OneMonth"}), after any {@code leading} arguments (the tag).
     */
    private String archiveTitle(ListingPage listing, String key, Object... leading) {
        List<ArticleSummary> articles = listing.articles();
        String newest = text.monthYear(articles.get(0).date());
        String oldest = text.monthYear(articles.get(articles.size() - 1).date());
        Object[] arguments = Arrays.copyOf(leading, leading.length + 2);
        arguments[leading.length] = newest;
        arguments[leading.length + 1] = oldest;
        return newest.equals(oldest) ? text.format(key + "OneMonth", arguments) : text.format(key, arguments);
    }

    private Page page(String title, String description, String path) {
        return new Page(site, title, description, path, "/" + STYLESHEET_PATH, theme);
    }

    private static SiteFile html(String path, String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        TEMPLATES.render(template, params, out);
        return new SiteFile(path, out.toByteArray(), ContentKind.HTML);
    }
}
