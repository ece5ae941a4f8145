package dev.galley.article.internal.templates;

import dev.galley.article.ArticleParser;
import dev.galley.article.Slugs;
import dev.galley.article.internal.MediaLinks;
import dev.galley.article.internal.PermalinkFields;
import dev.galley.site.Permalink;

import java.util.Locale;
import java.util.Set;

/**
 * Where {@code {% post_url %}}, {@code {% link %}} and {@code {{< ref >}}}/{@code {{< relref >}}} point. An
 * article's URL follows from its file name by the slug rule ({@link Slugs#fromSourceKey}); other files are
 * published under /media/ when they are images, and have no URL otherwise; a file under {@code pages/} is a page at
 * {@code /<slug>/}. An article's URL follows from its file name
 * and the site's permalink pattern; the rule cannot see a {@code slug:}, {@code permalink:} or a date set in the
 * target's front matter, so a date pattern gives no URL for a file whose name does not start with its day.
 */
final class LinkTargets {

    private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mkdown", "mkdn", "mkd");
    /** The images Galley publishes (publish.Media); any other file has no URL on the site. */
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg");

    private LinkTargets() {
    }

    /** {@code 2010-07-21-name} (Jekyll's post name: the file name without extension), or null. */
    static String postUrl(String name, Permalink permalink) {
        if (name.isBlank()) {
            return null;
        }
        return articleUrl(name + ".md", permalink);
    }

    private static String articleUrl(String sourceKey, Permalink permalink) {
        Permalink.Fields fields = PermalinkFields.ofLinkedFile(sourceKey);
        if (fields == null || fields.day() == null && permalink.needsDay()) {
            return null;
        }
        return "/" + permalink.expand(fields);
    }

    /**
     * A path from the content root ({@code _posts/2016-07-26-name.md}, {@code posts/x}, {@code /blog/x/}), a
     * {@code #anchor} kept; null when it names nothing.
     */
    static String path(String target, Permalink permalink) {
        int hash = target.indexOf('#');
        String anchor = hash < 0 ? "" : target.substring(hash);
        String path = stripSlashes(hash < 0 ? target : target.substring(0, hash));
        if (path.isEmpty()) {
            return anchor.length() > 1 ? anchor : null;
        }
        if (path.contains(":")) {
            return null;  // a URL, not a file of this site
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if ((extension.isEmpty() || MARKDOWN.contains(extension)) && path.startsWith(ArticleParser.PAGES_FOLDER)) {
            String slug = Slugs.fromSourceKey(extension.isEmpty() ? path + ".md" : path);
            return slug.isEmpty() ? null : "/" + slug + "/" + anchor;  // a page is at /<slug>/, whatever the pattern
        }
        if (extension.isEmpty() || MARKDOWN.contains(extension)) {
            String url = articleUrl(extension.isEmpty() ? path + ".md" : path, permalink);
            return url == null ? null : url + anchor;
        }
        String media = IMAGES.contains(extension) ? MediaLinks.resolve(path, "") : null;
        return media == null ? null : media + anchor;
    }

    private static String stripSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
