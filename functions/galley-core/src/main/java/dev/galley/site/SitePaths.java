package dev.galley.site;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which paths an article may take on the site: none that Galley's own files use, and none a browser or the CDN
 * would read as something else. Paths are site paths, without the leading slash.
 */
public final class SitePaths {

    /** Folders of Galley's own files: internal state, the stylesheet, tag pages, images, the home page's pages, shared drafts. */
    private static final List<String> RESERVED_FOLDERS = List.of("_galley/", "assets/", "tags/", "media/", "page/", "drafts/");
    private static final Set<String> RESERVED_FILES = Set.of("index.html", "404.html", "feed.xml", "rss.xml", "index.xml",
            "sitemap.xml", "robots.txt", "search.json");
    /** Pages of Galley's own at a folder's path, such as the search page. */
    private static final Set<String> RESERVED_PAGES = Set.of("search/");

    private static final Pattern PATH_CHARACTERS = Pattern.compile("[A-Za-z0-9._~/-]+");
    /** The endings the CDN's viewer-request function (infrastructure/cloudfront/rewrite-index.js) serves as files. */
    private static final Pattern SERVED_AS_FILE = Pattern.compile("\\.(html|xml|json|txt|css|js|map|ico|png|jpe?g|gif|webp|svg|avif|woff2?)$",
            Pattern.CASE_INSENSITIVE);

    private SitePaths() {
    }

    /**
     * The object the CDN serves for a site path, as rewrite-index.js maps it: {@code x/} and {@code x} are
     * {@code x/index.html}, and a path whose last segment has a file's ending is that file.
     */
    public static String objectKeyServedFor(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            return path + "index.html";
        }
        return servedAsFile(path.substring(path.lastIndexOf('/') + 1)) ? path : path + "/index.html";
    }

    /** Whether the CDN serves a path ending in this segment as a file ({@code x.json}, {@code x.html}), not as a folder's page. */
    public static boolean servedAsFile(String lastSegment) {
        return SERVED_AS_FILE.matcher(lastSegment).find();
    }

    /** Whether this site path (no leading or trailing slash) is one of the files or pages Galley writes at the root, such as {@code feed.xml} or {@code search}. */
    public static boolean isOwnFile(String file) {
        return RESERVED_FILES.contains(file) || RESERVED_PAGES.contains(file + "/");
    }

    /** Whether a first path segment ({@code tags}) is a folder of Galley's own files. */
    public static boolean isOwnFolder(String segment) {
        return RESERVED_FOLDERS.contains(segment + "/");
    }

    /** Why an article may not live at this site path, or null when it may. */
    public static String refusal(String path) {
        if (path.isEmpty() || path.equals("index.html")) {
            return "/ is the home page";
        }
        for (String folder : RESERVED_FOLDERS) {
            if (path.startsWith(folder)) {
                return "/" + folder + " holds Galley's own files";
            }
        }
        if (RESERVED_PAGES.contains(path)) {
            return "/" + path + " is a page of the site";
        }
        String file = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (isOwnFile(file)) {
            return "/" + file + " is a file of the site";
        }
        return null;
    }

    /**
     * A path an author wrote for one article ({@code /blog/2023/x}, {@code /about.html}, Hugo's {@code about/}) as a
     * site path from the root: a trailing slash added unless it names an {@code .html} file, and a folder's
     * {@code index.html} named as the folder, so two spellings of one page are one path.
     *
     * @throws IllegalArgumentException with the reason when the path is not one an article can take
     */
    public static String ofAuthorPath(String written) {
        // Hugo reads url: with or without its leading slash as a path from the site root.
        String text = written.strip().startsWith("/") ? written.strip() : "/" + written.strip();
        if (text.contains("?") || text.contains("#")) {
            throw new IllegalArgumentException("must be a path only, without ? or #");
        }
        if (text.contains("//")) {
            throw new IllegalArgumentException("must not hold //");
        }
        for (String segment : text.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("must not hold . or .. segments");
            }
        }
        if (!PATH_CHARACTERS.matcher(text).matches()) {
            throw new IllegalArgumentException("may hold only letters a-z and A-Z, digits, / and - . _ ~");
        }
        String path = text.substring(1);
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("index.html") || lower.endsWith("/index.html")) {
            path = path.substring(0, path.length() - "index.html".length());  // the folder's page: /foo/index.html is /foo/
        } else if (!path.isEmpty() && !path.endsWith("/") && !lower.endsWith(".html")) {
            path += "/";
        }
        String refusal = refusal(path);
        if (refusal != null) {
            throw new IllegalArgumentException("cannot be used: " + refusal);
        }
        return path;
    }
}
