package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleWarning;
import dev.galley.site.ContentKind;
import dev.galley.site.MenuItem;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.tree.JsonText;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The links and images of published articles that lead to nothing the site holds: after a full re-render has
 * written every file, a warning for each article and one report for the site's owner; after one article's
 * publish, warnings for that article, as the site stands then.
 */
final class BrokenLinks {

    /** The owner's report; the CDN and the preview refuse everything under {@code _galley/}. */
    static final String REPORT_PATH = "_galley/links.json";
    static final String KIND = "broken-link";
    /** Requests an upload may make to check its links: a file with thousands of them must not cost thousands of HEADs. */
    static final int MAX_ASKED_PER_UPLOAD = 100;


    private BrokenLinks() {
    }

    /** A link of a source file that leads nowhere. */
    record Broken(String file, String link) {
        ArticleWarning warning() {
            return new ArticleWarning(file, 0, KIND, "the link " + link + " leads to no page or image of this site; point it at "
                    + "the page's URL, which its galley-url status tag names, or upload what it shows");
        }
    }

    /** @param siteHas whether the site holds a path such as {@code articles/x/index.html} */
    static List<Broken> find(Collection<Article> articles, Predicate<String> siteHas) {
        Map<String, List<String>> linksByFile = new HashMap<>();
        articles.forEach(article -> linksByFile.put(article.sourceKey(), article.localLinks()));
        return find(linksByFile, siteHas);
    }

    /** @param linksByFile each source file's {@link Article#localLinks()} */
    static List<Broken> find(Map<String, List<String>> linksByFile, Predicate<String> siteHas) {
        List<Broken> broken = new ArrayList<>();
        linksByFile.forEach((file, links) -> {
            for (String link : links) {
                if (!leadsSomewhere(link, siteHas)) {
                    broken.add(new Broken(file, link));
                }
            }
        });
        broken.sort(Comparator.comparing(Broken::file).thenComparing(Broken::link));
        return broken;
    }

    /**
     * Checks just-published articles' links as the site stands after a commit: articles are looked up in the
     * manifest, redirects in what it asks for (both gathered once per commit), and anything else (an image, a tag
     * page) is asked of the site, at most {@value #MAX_ASKED_PER_UPLOAD} paths an article.
     */
    static final class AfterCommit {
        private final Manifest listed;
        private final SiteStore site;
        private Set<String> known;

        AfterCommit(Manifest listed, SiteStore site) {
            this.listed = listed;
            this.site = site;
        }

        /** Gathered at the first article with local links: most have none, and the set grows with the site. */
        private synchronized Set<String> known() {
            if (known == null) {
                known = new HashSet<>(Redirects.of(listed).byKey().keySet());
                listed.entries().values().forEach(entry -> known.add(entry.article().pageFile()));
            }
            return known;
        }

        /** The article's links that lead nowhere, as warnings, and one more counting those left unchecked. */
        List<ArticleWarning> warningsFor(Article article) {
            if (article.localLinks().isEmpty()) {
                return List.of();
            }
            Map<String, Boolean> asked = new HashMap<>();
            int[] unchecked = {0};
            List<ArticleWarning> warnings = new ArrayList<>(find(List.of(article), path -> {
                if (known().contains(path)) {
                    return true;
                }
                Boolean there = asked.get(path);
                if (there == null && asked.size() == MAX_ASKED_PER_UPLOAD) {
                    unchecked[0]++;
                    return true;
                }
                return there != null ? there : asked.computeIfAbsent(path, p -> site.head(p).isPresent());
            }).stream().map(Broken::warning).toList());
            if (unchecked[0] > 0) {
                warnings.add(new ArticleWarning(article.sourceKey(), 0, KIND, unchecked[0] + " more links to images and listing pages were not "
                        + "checked on upload (at most " + MAX_ASKED_PER_UPLOAD + " are); a full re-render checks them all"));
            }
            return warnings;
        }
    }

    /** The menu's links to paths of this site that lead nowhere, as links of {@code site.yaml}; other sites' are not checked. */
    static List<Broken> inMenu(List<MenuItem> menu, Predicate<String> siteHas) {
        List<Broken> broken = new ArrayList<>();
        for (MenuItem item : menu) {
            String path = item.url().replaceAll("[?#].*", "");
            if (path.startsWith("/") && !leadsSomewhere(path, siteHas)) {
                broken.add(new Broken(SiteConfig.FILE_NAME, item.url()));
            }
        }
        return broken;
    }

    /** A path leads somewhere when the site has the object the CDN serves for it: {@code /x/} and {@code /x} are x's page, {@code /x.json} a file. */
    static boolean leadsSomewhere(String link, Predicate<String> siteHas) {
        String path = URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8).substring(1);
        if (path.startsWith("/") || path.contains("//") || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            return false;  // the site serves no page at such a path (https://example.com//x/), and no store should be asked it
        }
        return siteHas.test(dev.galley.site.SitePaths.objectKeyServedFor(path));
    }

    /** {@code {"brokenLinks":[{"file":"posts/a.md","link":"/blog/x/"}]}}, sorted, so an unchanged site writes the same bytes. */
    static SiteFile report(List<Broken> broken) {
        List<Map<String, String>> links = new ArrayList<>();
        for (Broken link : broken) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("file", link.file());
            entry.put("link", link.link());
            links.add(entry);
        }
        return new SiteFile(REPORT_PATH, JsonText.bytes(Map.of("brokenLinks", links), true), ContentKind.INTERNAL_JSON);
    }
}
