package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.site.SiteConfig;
import dev.galley.site.Theme;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The site configuration a publish renders with. A broken {@code site.yaml} never stops publishing: the
 * configuration of the last re-render that read a good one (kept in the site store) is used until the author
 * fixes it, and every file published meanwhile says so in a warning.
 *
 * @param config    what to render with
 * @param goodBytes the current {@code site.yaml}'s bytes when it is good and present, to keep as the last good one
 * @param broken    why the current {@code site.yaml} is ignored, when it is
 * @param etag      the current {@code site.yaml}'s ETag, "" when there is none
 * @param theme     the owner's look as the last re-render published it (see {@link ThemeFiles})
 */
record SiteSettings(SiteConfig config, Optional<byte[]> goodBytes, Optional<ArticleException> broken, String etag, Theme theme) {

    /** Where the last good {@code site.yaml} is kept; the CDN and the preview refuse everything under {@code _galley/}. */
    static final String LAST_GOOD_PATH = "_galley/site.yaml";
    private static final String DEFAULT_BASE_URL = SiteConfig.defaults().baseUrl().toString();
    /** The last good {@code site.yaml} parsed, and its configuration: a warm writer publishes batch after batch with one file. */
    private static volatile Parsed lastParsed = new Parsed(null, null);

    private record Parsed(byte[] bytes, SiteConfig config) {
    }

    static SiteSettings load(ContentStore content, SiteStore site) {
        return load(content.read(SiteConfig.FILE_NAME), site);
    }

    /** @param file the content's {@code site.yaml} as read, empty when there is none */
    static SiteSettings load(Optional<ContentStore.SourceFile> file, SiteStore site) {
        Theme theme = ThemeFiles.load(site);
        if (file.isEmpty()) {
            return new SiteSettings(SiteConfig.defaults(), Optional.empty(), Optional.empty(), "", theme);
        }
        String etag = file.get().etag();
        byte[] bytes = file.get().bytes();
        try {
            Parsed parsed = lastParsed;
            if (!Arrays.equals(parsed.bytes(), bytes)) {
                parsed = new Parsed(bytes, SiteConfig.parse(SiteConfig.FILE_NAME, bytes));
                lastParsed = parsed;
            }
            return new SiteSettings(parsed.config(), Optional.of(bytes), Optional.empty(), etag, theme);
        } catch (ArticleException e) {
            return new SiteSettings(lastGood(site), Optional.empty(), Optional.of(e), etag, theme);
        }
    }

    private static SiteConfig lastGood(SiteStore site) {
        return site.read(LAST_GOOD_PATH).map(stored -> {
            try {
                return SiteConfig.parse(SiteConfig.FILE_NAME, stored.bytes());
            } catch (ArticleException e) {
                return SiteConfig.defaults();  // only good files are kept; a newer Galley may read them differently
            }
        }).orElseGet(SiteConfig::defaults);
    }

    /**
     * Where a reader finds a path of the site: absolute from {@code baseUrl} when {@code site.yaml} sets one, so the
     * author can open it; the path itself under the default {@code http://localhost/}, which is nobody's site.
     */
    String publicUrl(String path) {
        String base = config.baseUrl().toString();
        return base.equals(DEFAULT_BASE_URL) ? path : base + path.substring(1);
    }

    /** The warning every file published with an ignored {@code site.yaml} carries; none when it is not ignored. */
    List<String> warnings() {
        return broken.map(e -> List.of("site.yaml is ignored until it is fixed, so the site uses its last good configuration: "
                + e.reason())).orElse(List.of());
    }
}
