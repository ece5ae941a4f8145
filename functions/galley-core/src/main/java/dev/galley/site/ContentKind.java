package dev.galley.site;

/**
 * The kinds of objects Galley writes, each with its media type and its caching rule.
 * HTML pages, the feeds, the sitemap, robots.txt and the search index live at stable URLs and are cached
 * 60 seconds, so a reader sees a change within a minute without paying for CDN invalidations; fingerprinted
 * assets (the stylesheet, the search page's script, the owner's theme files) never change and are cached for a year; internal state is never cached.
 */
public enum ContentKind {
    HTML("text/html; charset=utf-8", "public, max-age=60"),
    ATOM("application/atom+xml; charset=utf-8", "public, max-age=60"),
    RSS("application/rss+xml; charset=utf-8", "public, max-age=60"),
    XML("application/xml; charset=utf-8", "public, max-age=60"),
    TEXT("text/plain; charset=utf-8", "public, max-age=60"),
    JSON("application/json", "public, max-age=60"),
    CSS("text/css; charset=utf-8", "public, max-age=31536000, immutable"),
    JAVASCRIPT("application/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
    INTERNAL_JSON("application/json", "no-store"),
    INTERNAL_YAML("application/yaml", "no-store"),
    INTERNAL_TEXT("text/plain; charset=utf-8", "no-store"),
    // Images keep their author's name, so they can be replaced: cached a week, and invalidated on change.
    PNG("image/png", ContentKind.MEDIA_CACHE),
    JPEG("image/jpeg", ContentKind.MEDIA_CACHE),
    GIF("image/gif", ContentKind.MEDIA_CACHE),
    WEBP("image/webp", ContentKind.MEDIA_CACHE),
    AVIF("image/avif", ContentKind.MEDIA_CACHE),
    // The CDN and the preview serve it with a sandboxing policy, so script in it never runs on the site's origin.
    SVG("image/svg+xml", ContentKind.MEDIA_CACHE),
    // The owner's logo and favicon (theme/): fingerprinted like the stylesheet, so cached for a year.
    THEME_PNG("image/png", ContentKind.IMMUTABLE),
    THEME_JPEG("image/jpeg", ContentKind.IMMUTABLE),
    THEME_GIF("image/gif", ContentKind.IMMUTABLE),
    THEME_WEBP("image/webp", ContentKind.IMMUTABLE),
    THEME_ICO("image/x-icon", ContentKind.IMMUTABLE);

    private static final String MEDIA_CACHE = "public, max-age=604800";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String contentType;
    private final String cacheControl;

    ContentKind(String contentType, String cacheControl) {
        this.contentType = contentType;
        this.cacheControl = cacheControl;
    }

    public String contentType() {
        return contentType;
    }

    public String cacheControl() {
        return cacheControl;
    }
}
