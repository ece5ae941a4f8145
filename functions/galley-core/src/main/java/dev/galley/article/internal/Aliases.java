package dev.galley.article.internal;

import dev.galley.article.ArticleWarning;
import dev.galley.site.SitePaths;
import dev.galley.tree.Tree;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Old URLs of an article, as Hugo's {@code aliases} and Jekyll's {@code redirect_from} list them, made into site
 * paths that redirect to the article: {@code /blog/2023/x/} is {@code blog/2023/x/}, {@code /2010/01/old.html}
 * stays a file, and any other path is a folder ({@code /old} is {@code old/}), as the CDN serves them. A path
 * Galley cannot or must not redirect is a warning naming the key's line, and is left out.
 */
public final class Aliases {

    public static final int MAX_ALIASES = 100;
    public static final String WARNING_KIND = "bad-alias";
    private static final int MAX_LENGTH = 300;

    private Aliases() {
    }

    /**
     * Adds the paths a front matter value names to {@code paths}, skipping those already there.
     *
     * @param value      a path or a list of paths
     * @param relativeTo the site folder a path without a leading slash is in: "" for Jekyll's {@code redirect_from},
     *                   and for Hugo's {@code aliases} the folder of the article's own URL, as Hugo resolves them
     *                   ({@code old} beside {@code /2020/x/} is {@code /2020/old/}); {@code ./} and {@code ../} may
     *                   climb within the site
     */
    public static void read(String file, String key, int line, Tree value, String relativeTo, List<String> paths,
                            List<ArticleWarning> warnings) {
        List<Tree> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        for (Tree item : items) {
            if (!item.isValueNode() || item.isNull()) {
                warnings.add(new ArticleWarning(file, line, WARNING_KIND, key + " lists something that is not a path; write each old URL as "
                        + "text, like /blog/2023/my-post/"));
                continue;
            }
            String written = item.asText().strip();
            if (written.isEmpty()) {
                continue;
            }
            String path = null;
            String problem = problemWith(written);
            if (problem == null) {
                path = sitePath(written, relativeTo);
                problem = path == null ? "has a broken %-escape" : problemWithPath(path);
            }
            if (problem != null) {
                warnings.add(new ArticleWarning(file, line, WARNING_KIND, key + " \"" + written + "\" " + problem + ", so it does not redirect here"));
            } else if (paths.size() >= MAX_ALIASES) {
                warnings.add(new ArticleWarning(file, line, WARNING_KIND, key + ": an article may have at most " + MAX_ALIASES
                        + " old URLs; \"" + written + "\" and the ones after it do not redirect here"));
                return;
            } else if (!paths.contains(served(path))) {
                paths.add(served(path));
            }
        }
    }

    private static String problemWith(String written) {
        if (written.contains("://") || written.startsWith("//")) {
            return "is not a path on this site (write it like /blog/2023/my-post/)";
        }
        if (written.contains("?") || written.contains("#")) {
            return "has a query or a fragment, which a redirect cannot tell apart; write the path alone";
        }
        if (written.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        return null;
    }

    /** The decoded path from the site root, without a leading slash; null when its percent-encoding is broken. */
    private static String sitePath(String written, String relativeTo) {
        String decoded;
        try {
            decoded = URLDecoder.decode(written.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return decoded.startsWith("/") ? decoded.substring(1) : resolved(relativeTo, decoded);
    }

    /** A relative path joined to its folder, its {@code .} and {@code ..} segments resolved; a climb above the root is kept, and refused. */
    private static String resolved(String folder, String relative) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : (folder + relative).split("/", -1)) {
            if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.removeLast();
            } else if (!segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String path = String.join("/", segments);
        return relative.endsWith("/.") || relative.endsWith("/..") || relative.equals(".") || relative.equals("..") ? path + "/" : path;
    }

    /** What keeps a path from being redirected, or null; {@code path} is from the site root, as written. */
    private static String problemWithPath(String path) {
        String withoutSlash = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (path.isEmpty() || SitePaths.isOwnFile(withoutSlash.toLowerCase(java.util.Locale.ROOT))) {
            return "is a page Galley makes itself";
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty() && i < segments.length - 1 || segments[i].equals(".") || segments[i].equals("..")) {
                return "has an empty, . or .. segment";
            }
        }
        if (SitePaths.isOwnFolder(segments[0])) {
            return "is under /" + segments[0] + "/, where Galley publishes its own files";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "has a control character or a backslash";
        }
        String last = segments[segments.length - 1];
        if (SitePaths.servedAsFile(last) && !last.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            return "names a file that is not a page (the CDN serves it as it is), and only pages redirect";
        }
        return null;
    }

    /** The path as the CDN serves it: a {@code .html} file stays a file, anything else is a folder ({@code old} is {@code old/}). */
    private static String served(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.endsWith("/") || last.toLowerCase(java.util.Locale.ROOT).endsWith(".html") ? path : path + "/";
    }

}
