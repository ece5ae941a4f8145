package dev.galley.site;

/**
 * One link of the site's menu, from {@code site.yaml}'s {@code menu:}.
 *
 * @param title what the link says
 * @param url   a path on the site ({@code /about/}, {@code /tags/rust/}, {@code /feed.xml}) or an absolute http(s) URL
 */
public record MenuItem(String title, String url) {

    /** Whether this link leads to the page at this site path ({@code about/}, {@code ""} for the home page). */
    public boolean leadsTo(String path) {
        String own = url.endsWith("index.html") ? url.substring(0, url.length() - "index.html".length()) : url;
        return own.equals("/" + path);
    }
}
