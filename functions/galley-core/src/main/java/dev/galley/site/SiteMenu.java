package dev.galley.site;

import dev.galley.article.ArticleWarning;
import dev.galley.tree.Tree;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code site.yaml}'s {@code menu:}: a list of {@code {title, url}}. An entry Galley cannot show is a warning
 * naming its line, and the others are still shown.
 */
final class SiteMenu {

    static final int MAX_TITLE_LENGTH = 60;
    static final String WARNING_KIND = "menu-entry-dropped";

    private SiteMenu() {
    }

    /**
     * @param lines the line of each item of the list in the file, as {@code Yaml.linesOfItems} finds them
     * @param line  the line of the {@code menu:} key
     */
    static List<MenuItem> read(String file, Tree menu, int line, List<Integer> lines, List<ArticleWarning> warnings) {
        List<MenuItem> items = new ArrayList<>();
        if (!menu.isArray()) {
            warnings.add(new ArticleWarning(file, line, WARNING_KIND, "menu must be a list of entries like "
                    + "- {title: About, url: /about/}; the site shows no menu of yours"));
            return items;
        }
        for (int i = 0; i < menu.size(); i++) {
            int at = i < lines.size() ? lines.get(i) : line;
            String problem = problem(menu.get(i));
            if (problem != null) {
                warnings.add(new ArticleWarning(file, at, WARNING_KIND, "menu entry " + (i + 1) + " is not shown: " + problem));
            } else {
                items.add(new MenuItem(menu.get(i).get("title").asText().strip(), menu.get(i).get("url").asText().strip()));
            }
        }
        return items;
    }

    /** Why an entry cannot be shown, or null. */
    private static String problem(Tree entry) {
        if (!entry.isObject()) {
            return "an entry is a title and a url, like {title: About, url: /about/}";
        }
        Tree title = entry.get("title");
        Tree url = entry.get("url");
        if (title == null || !title.isValueNode() || title.asText().isBlank()) {
            return "it has no title";
        }
        if (title.asText().strip().length() > MAX_TITLE_LENGTH) {
            return "its title is longer than " + MAX_TITLE_LENGTH + " characters";
        }
        if (url == null || !url.isValueNode() || url.asText().isBlank()) {
            return "it has no url";
        }
        String refusal = urlProblem(url.asText().strip());
        return refusal == null ? null : "url \"" + url.asText().strip() + "\" " + refusal;
    }

    /** A menu links to a path on the site or to another site over http(s); nothing else (no javascript:). */
    private static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        if (uri.isAbsolute()) {
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? null : "must be a path on the site such as /about/, or an https:// URL";
        }
        if (!url.startsWith("/") || url.startsWith("//")) {
            return "must start with / (a path on the site, such as /about/), or be an https:// URL";
        }
        return null;
    }
}
