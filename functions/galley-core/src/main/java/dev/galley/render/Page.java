package dev.galley.render;

import dev.galley.site.SiteConfig;

/**
 * What the layout of every page needs.
 *
 * @param title         the page's own title, or "" for the home page
 * @param description   the meta description
 * @param path          the page's path from the site root, e.g. {@code articles/x/}, for the canonical URL
 * @param stylesheet    root-relative URL of the fingerprinted stylesheet
 */
public record Page(SiteConfig site, String title, String description, String path, String stylesheet) {

    /** The text of the {@code <title>} element. */
    public String documentTitle() {
        return title.isEmpty() ? site.title() : title + " · " + site.title();
    }

    public String canonicalUrl() {
        return site.absolute(path).toString();
    }
}
