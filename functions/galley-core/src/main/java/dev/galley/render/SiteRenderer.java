package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Articles and article lists in, site files out. Templates are precompiled Java classes that escape every
 * value by default; only the article body, already made safe by the Markdown renderer, goes out unescaped.
 * Thread-safe; build one per site configuration.
 */
public final class SiteRenderer {

    /** Paths every site has, whatever its articles. */
    public static final String HOME = "index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String TAGS = "tags/index.html";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final byte[] STYLESHEET = readResource("style.css");
    private static final String STYLESHEET_PATH = "assets/style." + fingerprint(STYLESHEET) + ".css";
    private static final int RECENT_ON_404 = 5;

    private final SiteConfig site;

    public SiteRenderer(SiteConfig site) {
        this.site = site;
    }

    public SiteConfig site() {
        return site;
    }

    /** The path of an article's page, e.g. {@code articles/x/index.html}. */
    public static String articlePath(String slug) {
        return "articles/" + slug + "/index.html";
    }

    public SiteFile article(Article article) {
        ArticleSummary a = article.summary();
        Page page = new Page(site, a.title(), a.metaDescription(), a.path(), "/" + STYLESHEET_PATH, a);
        return html(articlePath(a.slug()), "article.jte", Map.of("page", page, "article", a, "body", article.bodyHtml()));
    }

    /**
     * Every page that lists articles, plus the 404 page: all a pure function of the article list, so an
     * upload re-renders them from the manifest without reading any article.
     */
    public List<SiteFile> indexPages(Collection<ArticleSummary> articles) {
        List<ArticleSummary> home = SiteIndex.homeOrder(articles);
        List<SiteIndex.Tag> tags = SiteIndex.tags(articles);
        List<SiteFile> files = new ArrayList<>();
        files.add(html(HOME, "home.jte", Map.of("page", page("", site.description(), ""), "articles", home)));
        files.add(html(TAGS, "tags.jte", Map.of("page", page("Tags", "All tags of " + site.title(), "tags/"), "tags", tags)));
        for (SiteIndex.Tag tag : tags) {
            String path = "tags/" + tag.slug() + "/";
            Page page = page("Articles tagged " + tag.name(), "Articles tagged " + tag.name(), path);
            files.add(html(path + "index.html", "tag.jte", Map.of("page", page, "tag", tag)));
        }
        List<ArticleSummary> recent = home.stream().sorted(SiteIndex.NEWEST_FIRST).limit(RECENT_ON_404).toList();
        files.add(html(NOT_FOUND, "notfound.jte", Map.of("page", page("Page not found", "", "404.html"), "recent", recent)));
        return files;
    }

    /** The files that do not depend on articles at all. */
    public static List<SiteFile> assets() {
        return List.of(new SiteFile(STYLESHEET_PATH, STYLESHEET.clone(), ContentKind.CSS));
    }

    private Page page(String title, String description, String path) {
        return new Page(site, title, description, path, "/" + STYLESHEET_PATH);
    }

    private static SiteFile html(String path, String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        TEMPLATES.render(template, params, out);
        return new SiteFile(path, out.toByteArray(), ContentKind.HTML);
    }

    private static byte[] readResource(String name) {
        try (InputStream in = SiteRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
