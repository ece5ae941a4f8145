package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.article.ImageSize;
import dev.galley.publish.PublishStatus.State;
import dev.galley.site.AssetPaths;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import dev.galley.site.Theme;
import dev.galley.tree.JsonText;
import dev.galley.tree.Tree;
import dev.galley.tree.TreeReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The owner's files under {@code theme/}: {@code custom.css}, a logo ({@code logo.png}, {@code .jpg}, {@code .jpeg},
 * {@code .webp} or {@code .gif}; no SVG, which can carry script) and a favicon ({@code favicon.png} or {@code .ico}).
 * Each good one is published fingerprinted under {@code assets/}, as Galley's own stylesheet is, and the theme the
 * pages show is kept at {@value #STATE_PATH}, so that a publish learns it with one read. A refused file leaves the
 * site with the copy it showed before, as a broken {@code site.yaml} leaves it with the last good configuration;
 * a deleted one takes the site back to Galley's default. Anything else under {@code theme/} is refused.
 */
final class ThemeFiles {

    static final String FOLDER = "theme/";
    /** Kept under {@code _galley/}, which the CDN and the preview never serve. */
    static final String STATE_PATH = "_galley/theme.json";
    static final int MAX_IMAGE_BYTES = 1024 * 1024;
    static final String SUPPORTED = "theme/ holds only custom.css, logo.png .jpg .jpeg .webp or .gif, and favicon.png or .ico";

    /** The copies this class publishes, and only those: Galley's own assets have other names. */
    private static final Pattern PUBLISHED_COPY = Pattern.compile("assets/(custom|logo|favicon)\\.[0-9a-f]{10}\\.[a-z]+");

    /** What a file under {@code theme/} is for, by its name. */
    private enum Role {
        STYLESHEET("custom", Map.of("css", ContentKind.CSS)),
        LOGO("logo", Map.of("png", ContentKind.THEME_PNG, "jpg", ContentKind.THEME_JPEG, "jpeg", ContentKind.THEME_JPEG,
                "webp", ContentKind.THEME_WEBP, "gif", ContentKind.THEME_GIF)),
        FAVICON("favicon", Map.of("png", ContentKind.THEME_PNG, "ico", ContentKind.THEME_ICO));

        final String name;
        final Map<String, ContentKind> kinds;

        Role(String name, Map<String, ContentKind> kinds) {
            this.name = name;
            this.kinds = kinds;
        }

        static Optional<Role> of(String key) {
            String file = key.substring(FOLDER.length()).toLowerCase(Locale.ROOT);
            int dot = file.lastIndexOf('.');
            for (Role role : values()) {
                if (dot > 0 && file.substring(0, dot).equals(role.name) && role.kinds.containsKey(file.substring(dot + 1))) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The theme a re-render shows, and what became of each file under {@code theme/}.
     *
     * @param etags the version each status is about
     */
    record Published(Theme theme, Map<String, PublishStatus> statuses, Map<String, String> etags, List<ArticleException> rejected,
                     int filesWritten) {
    }

    private final ContentStore content;
    private final SiteStore site;
    private final SiteWriter writer;

    ThemeFiles(ContentStore content, SiteStore site, SiteWriter writer) {
        this.content = content;
        this.site = site;
        this.writer = writer;
    }

    static boolean isTheme(String key) {
        return key.startsWith(FOLDER);
    }

    /** The theme the last re-render published; Galley's default before any. */
    static Theme load(SiteStore site) {
        return site.read(STATE_PATH).map(stored -> {
            try {
                return fromJson(TreeReader.readJson(stored.bytes()));
            } catch (IOException | RuntimeException e) {
                return Theme.DEFAULT;  // only this class writes it; a newer Galley may write it differently
            }
        }).orElse(Theme.DEFAULT);
    }

    /**
     * Checks every file under {@code theme/} among {@code keys} (the content's), publishes the good ones and keeps the
     * theme they make for the pages. The previous theme's copies stay until {@link #removeUnused}, after the pages.
     */
    Published publish(List<String> keys, SiteSettings settings) {
        Theme previous = load(site);
        Theme theme = Theme.DEFAULT;
        Map<String, PublishStatus> statuses = new HashMap<>();
        Map<String, String> etags = new HashMap<>();
        List<ArticleException> rejected = new ArrayList<>();
        Map<Role, String> taken = new EnumMap<>(Role.class);  // the file each role is published from
        int written = 0;
        for (String key : keys.stream().filter(ThemeFiles::isTheme).filter(key -> !key.endsWith("/")).sorted().toList()) {
            Optional<Role> role = Role.of(key);
            if (role.isEmpty() || taken.containsKey(role.get())) {
                ArticleException e = role.isEmpty()
                        ? new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE, SUPPORTED)
                        : new ArticleException(key, ArticleException.Problem.DUPLICATE_URL, taken.get(role.get()) + " is the site's "
                                + role.get().name + " already: keep one of the two and delete the other");
                rejected.add(e);
                statuses.put(key, new PublishStatus(State.REJECTED, e.reason(), ""));
                continue;
            }
            Optional<ContentStore.SourceFile> file = content.read(key);
            if (file.isEmpty()) {
                continue;  // deleted meanwhile
            }
            taken.put(role.get(), key);
            etags.put(key, file.get().etag());
            try {
                SiteFile copy = copy(role.get(), key, file.get().bytes());
                if (site.head(copy.path()).isEmpty()) {
                    site.write(copy, Map.of(SiteWriter.SOURCE, key), new SiteStore.Condition.None());
                    written++;
                }
                theme = with(theme, role.get(), shown(role.get(), copy));
                statuses.put(key, new PublishStatus(State.PUBLISHED, "", settings.publicUrl("/" + copy.path())));
            } catch (ArticleException e) {
                rejected.add(e);
                String url = urlOf(previous, role.get());
                boolean kept = url != null && site.head(url.substring(1)).isPresent();
                if (kept) {
                    theme = with(theme, role.get(), previous);
                }
                statuses.put(key, new PublishStatus(State.REJECTED, e.reason() + (kept ? " - the site keeps the last good one until it is fixed" : ""), ""));
            }
        }
        if (!theme.equals(Theme.DEFAULT) && writer.writeIfChanged(new SiteFile(STATE_PATH, toJson(theme), ContentKind.INTERNAL_JSON), Map.of())) {
            written++;
        } else if (theme.equals(Theme.DEFAULT) && site.head(STATE_PATH).isPresent()) {
            site.delete(STATE_PATH);  // Galley's default look needs no state: a site without theme/ reads a 404
            written++;
        }
        return new Published(theme, statuses, etags, rejected, written);
    }

    /** A theme showing only this copy. */
    private static Theme shown(Role role, SiteFile copy) {
        String url = "/" + copy.path();
        return switch (role) {
            case STYLESHEET -> new Theme(url, null, null);
            case LOGO -> new Theme(null, new Theme.Logo(url, ImageSize.of(copy.bytes()).orElseThrow()), null);
            case FAVICON -> new Theme(null, null, url);
        };
    }

    /** {@code theme} with {@code role}'s part taken from {@code from}. */
    private static Theme with(Theme theme, Role role, Theme from) {
        return switch (role) {
            case STYLESHEET -> new Theme(from.stylesheet(), theme.logo(), theme.favicon());
            case LOGO -> new Theme(theme.stylesheet(), from.logo(), theme.favicon());
            case FAVICON -> new Theme(theme.stylesheet(), theme.logo(), from.favicon());
        };
    }

    /** The URL of the copy a theme shows for a role, or null. */
    private static String urlOf(Theme theme, Role role) {
        return switch (role) {
            case STYLESHEET -> theme.stylesheet();
            case LOGO -> theme.logo() == null ? null : theme.logo().url();
            case FAVICON -> theme.favicon();
        };
    }

    /** The fingerprinted copy of a good theme file, or why it cannot be published. */
    private static SiteFile copy(Role role, String key, byte[] bytes) throws ArticleException {
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ContentKind kind = role.kinds.get(extension);
        if (role == Role.STYLESHEET) {
            CustomCss.check(key, bytes);
        } else if (bytes.length > MAX_IMAGE_BYTES) {
            throw new ArticleException(key, ArticleException.Problem.TOO_LARGE, "the image has more than 1 MiB and every page would load it: make it smaller");
        } else if (kind == ContentKind.THEME_ICO ? !isIcon(bytes) : ImageSize.of(bytes).isEmpty()) {
            throw new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE,
                    "the name says " + kind.contentType() + " but the bytes are not one that states its size; save it in that format or rename it");
        }
        // One ending per format, so the copy's URL says what it is: logo.jpeg is published as .jpg.
        String ending = extension.equals("jpeg") ? ".jpg" : "." + extension;
        return new SiteFile(AssetPaths.fingerprinted(role.name, ending, bytes), bytes, kind);
    }

    /** An ICO file's header: reserved 0, type 1 (icon), at least one image. */
    private static boolean isIcon(byte[] b) {
        return b.length >= 6 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0 && (b[4] != 0 || b[5] != 0);
    }

    /**
     * Deletes the copies of theme files that neither this theme nor the one last kept shows: after the pages that
     * showed them are rewritten, so no page links a missing file.
     *
     * @return how many it deleted
     */
    int removeUnused(Theme theme) {
        Theme latest = load(site);  // a re-render for a newer upload may have published its own since
        Set<String> used = new HashSet<>();
        for (Theme shown : List.of(theme, latest)) {
            for (Role role : Role.values()) {
                Optional.ofNullable(urlOf(shown, role)).ifPresent(url -> used.add(url.substring(1)));
            }
        }
        int removed = 0;
        for (String path : site.list(AssetPaths.FOLDER)) {
            if (PUBLISHED_COPY.matcher(path).matches() && !used.contains(path)) {
                site.delete(path);
                removed++;
            }
        }
        return removed;
    }

    private static byte[] toJson(Theme theme) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stylesheet", theme.stylesheet());
        if (theme.logo() != null) {
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("url", theme.logo().url());
            logo.put("size", theme.logo().size().toString());
            root.put("logo", logo);
        }
        root.put("favicon", theme.favicon());
        return JsonText.bytes(root, false);
    }

    private static Theme fromJson(Tree root) {
        Tree logo = root.path("logo");
        return new Theme(textOrNull(root.get("stylesheet")),
                logo.isObject() ? new Theme.Logo(logo.path("url").asText(), ImageSize.parse(logo.path("size").asText()).orElseThrow()) : null,
                textOrNull(root.get("favicon")));
    }

    private static String textOrNull(Tree node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
