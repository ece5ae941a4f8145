package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.InterfaceText;
import dev.galley.site.MenuItem;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;
import dev.galley.site.Theme;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the layout of every page needs.
 *
 * @param title         the page's own title, or "" for the home page
 * @param description   the meta description
 * @param path          the page's path from the site root, e.g. {@code articles/x/}, for the canonical URL
 * @param stylesheet    root-relative URL of the fingerprinted stylesheet
 * @param article       the article an article page shows, for its metadata; null on every other page
 * @param canonicalElsewhere where an article first published on another site lives, or null
 * @param image         the absolute URL of the image link previews show ({@code og:image}), or null
 * @param theme         the owner's stylesheet, logo and favicon
 */
public record Page(SiteConfig site, String title, String description, String path, String stylesheet, ArticleSummary article,
                   URI canonicalElsewhere, URI image, Theme theme) {

    /** A page that is not an article. */
    public Page(SiteConfig site, String title, String description, String path, String stylesheet, Theme theme) {
        this(site, title, description, path, stylesheet, null, null, null, theme);
    }

    /** The favicon's URL: the owner's, or an empty one that stops browsers asking for {@code /favicon.ico}. */
    public String favicon() {
        return theme.favicon() == null ? "data:," : theme.favicon();
    }

    /** The words and dates of the interface, in the site's language. */
    public InterfaceText text() {
        return site.text();
    }

    /** The kind of card link previews on X (Twitter) show: a large image when the page has one. */
    public String twitterCard() {
        return image == null ? "summary" : "summary_large_image";
    }

    /** The text of the {@code <title>} element. */
    public String documentTitle() {
        return title.isEmpty() ? site.title() : title + " · " + site.title();
    }

    /** This page's URL, or for a cross-post the original's, so that search engines credit the original. */
    public String canonicalUrl() {
        return (canonicalElsewhere != null ? canonicalElsewhere : site.absolute(path)).toString();
    }

    /** The title for link previews (OpenGraph): the page's own title, the site's on the home page. */
    public String shareTitle() {
        return title.isEmpty() ? site.title() : title;
    }

    public String openGraphType() {
        return article == null ? "website" : "article";
    }

    public String feedUrl() {
        return site.absolute(AtomFeed.PATH).toString();
    }

    public String rssUrl() {
        return site.absolute(RssFeed.PATH).toString();
    }

    /** The Atom feed of one tag's articles. */
    public String tagFeedUrl(String tag) {
        return site.absolute(AtomFeed.tagPath(SiteIndex.tagSlug(tag))).toString();
    }

    public String publishedTime() {
        return Format.rfc3339(article.date());
    }

    public String modifiedTime() {
        return Format.rfc3339(Format.modified(article));
    }

    /** The header's links: Home, unless the owner's menu links the home page itself, then the owner's menu. */
    public List<MenuItem> menu() {
        List<MenuItem> items = new ArrayList<>(site.menu().size() + 1);
        if (site.menu().stream().noneMatch(item -> item.leadsTo(""))) {
            items.add(new MenuItem(text().get("home"), "/"));
        }
        items.addAll(site.menu());
        return items;
    }

    /** Whether a menu link leads to this very page, which the menu marks for screen readers. */
    public boolean isCurrent(MenuItem item) {
        return item.leadsTo(path);
    }

    /** Whom the footer credits: the site's authors, but not on article pages, whose header names their own. */
    public List<Author> footerAuthors() {
        return article == null ? site.authors() : List.of();
    }

    /** The article's schema.org {@code BlogPosting}, safe to place raw inside a script element. */
    public String jsonLd() {
        return JsonLd.blogPosting(site, article, canonicalUrl());
    }
}
