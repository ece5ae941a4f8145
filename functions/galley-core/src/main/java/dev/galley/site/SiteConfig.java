package dev.galley.site;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleWarning;
import dev.galley.article.Author;
import dev.galley.article.internal.LinkRel;
import dev.galley.article.internal.Markdown;
import dev.galley.article.internal.Yaml;
import dev.galley.tree.Tree;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The site-wide settings an author keeps in {@code site.yaml} beside the articles.
 *
 * @param baseUrl        absolute URL of the site, always ending in "/"; used for canonical links and feeds
 * @param wordsPerMinute reading speed for "N min read" (CJK text counts characters, see ReadingTime)
 * @param pageSize       articles per index page
 * @param embedHosts     the hosts an article's raw {@code <iframe>} may load from (https only); the site's
 *                       content security policy must list the same hosts in {@code frame-src}
 * @param permalink      where articles live, unless one sets its own {@code permalink}
 * @param formerPermalinks where articles lived before (another spelling the old site also served, an older
 *                       pattern): each article's path under each answers 301 to its page
 * @param externalLinkRel what links to other sites get besides {@code noopener} ({@code externalLinks.rel}: nofollow,
 *                       ugc, sponsored, noreferrer); links within the site get no rel
 * @param menu           the owner's links in every page's header, after Home
 * @param footerHtml     the owner's {@code footer:} Markdown, rendered and sanitised as an article body is; "" for none
 * @param warnings       what {@code site.yaml} says that the site shows other than as written (a menu entry it cannot show)
 * @param text           the words and dates of the interface, in {@code language} and as {@code strings:} overrides them
 * @param feed           what the site's feeds carry ({@code feed:})
 */
public record SiteConfig(
        String title,
        String tagline,
        String description,
        URI baseUrl,
        String author,
        String language,
        ZoneId timezone,
        int wordsPerMinute,
        int pageSize,
        List<String> embedHosts,
        Permalink permalink,
        List<Permalink> formerPermalinks,
        List<String> externalLinkRel,
        List<MenuItem> menu,
        String footerHtml,
        List<ArticleWarning> warnings,
        InterfaceText text,
        FeedSettings feed) {

    /** The name of the config file at the root of the content. */
    public static final String FILE_NAME = "site.yaml";
    /**
     * YouTube's privacy-enhanced host and Vimeo's player: the embeds technical posts use. infrastructure/template.yaml
     * allows exactly these in the CSP's frame-src (its tests check that).
     */
    public static final List<String> DEFAULT_EMBED_HOSTS = List.of("www.youtube-nocookie.com", "player.vimeo.com");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    /** The header's links after Home when {@code site.yaml} has no {@code menu:}: the list of tags. */
    public static List<MenuItem> defaultMenu(InterfaceText text) {
        return List.of(new MenuItem(text.get("tags"), "/tags/"));
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Galley", "", "", URI.create("http://localhost/"), "", "en", ZoneOffset.UTC, 220, 10);
    }

    /** A site that allows the {@link #DEFAULT_EMBED_HOSTS}. */
    public SiteConfig(String title, String tagline, String description, URI baseUrl, String author, String language,
                      ZoneId timezone, int wordsPerMinute, int pageSize) {
        this(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, DEFAULT_EMBED_HOSTS);
    }

    /** A site whose articles live at {@code /articles/<slug>/}. */
    public SiteConfig(String title, String tagline, String description, URI baseUrl, String author, String language,
                      ZoneId timezone, int wordsPerMinute, int pageSize, List<String> embedHosts) {
        this(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, Permalink.DEFAULT, List.of());
    }

    /** A site whose links to other sites get {@code rel="noopener"} alone, with no menu or footer of the owner's. */
    public SiteConfig(String title, String tagline, String description, URI baseUrl, String author, String language,
                      ZoneId timezone, int wordsPerMinute, int pageSize, List<String> embedHosts, Permalink permalink,
                      List<Permalink> formerPermalinks) {
        this(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, permalink,
                formerPermalinks, List.of(), defaultMenu(InterfaceText.of(language)), "", List.of(), InterfaceText.of(language),
                FeedSettings.DEFAULT);
    }

    /** This site, its links to other sites getting these words in their rel besides {@code noopener}. */
    public SiteConfig withExternalLinkRel(List<String> rel) {
        return new SiteConfig(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, permalink,
                formerPermalinks, rel, menu, footerHtml, warnings, text, feed);
    }

    /** This site with its articles at another permalink. */
    public SiteConfig withPermalink(Permalink other) {
        return new SiteConfig(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, other,
                formerPermalinks, externalLinkRel, menu, footerHtml, warnings, text, feed);
    }

    /** This site, with its articles' paths under these patterns redirecting to them. */
    public SiteConfig withFormerPermalinks(List<Permalink> former) {
        return new SiteConfig(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, permalink,
                former, externalLinkRel, menu, footerHtml, warnings, text, feed);
    }

    /** This site, its feeds carrying what {@code feed} says. */
    public SiteConfig withFeed(FeedSettings other) {
        return new SiteConfig(title, tagline, description, baseUrl, author, language, timezone, wordsPerMinute, pageSize, embedHosts, permalink,
                formerPermalinks, externalLinkRel, menu, footerHtml, warnings, text, other);
    }

    public SiteConfig {
        embedHosts = List.copyOf(embedHosts);
        formerPermalinks = List.copyOf(formerPermalinks);
        externalLinkRel = List.copyOf(externalLinkRel);
        for (String word : externalLinkRel) {
            if (!LinkRel.ALLOWED.contains(word)) {
                throw new IllegalArgumentException("externalLinks: rel \"" + word + "\" is none of " + String.join(", ", LinkRel.ALLOWED));
            }
        }
        menu = List.copyOf(menu);
        warnings = List.copyOf(warnings);
        for (String host : embedHosts) {
            if (!HOST_NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("embedHosts: \"" + host + "\" is not a host name; write it like www.youtube-nocookie.com");
            }
        }
        if (wordsPerMinute < 50 || wordsPerMinute > 2000) {
            throw new IllegalArgumentException("wordsPerMinute must be between 50 and 2000");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000");
        }
    }

    /** The site's {@code author}, read as an article's is: the authors of articles that name none. */
    public List<Author> authors() {
        return Author.listFrom(author);
    }

    /** Reads {@code site.yaml}; keys left out keep their defaults. */
    public static SiteConfig parse(String file, byte[] yaml) throws ArticleException {
        String text = new String(yaml, java.nio.charset.StandardCharsets.UTF_8);
        Tree root = Yaml.parseFile(file, text);
        SiteConfig d = defaults();
        String base = text(root, "baseUrl", d.baseUrl.toString());
        URI baseUrl;
        try {
            baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
            if (!baseUrl.isAbsolute() || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ArticleException(file, Yaml.lineOf(new String(yaml, java.nio.charset.StandardCharsets.UTF_8), "baseUrl", 0),
                    ArticleException.Problem.BAD_FIELD, "baseUrl \"" + base + "\" must be an absolute http(s) URL such as https://example.com/");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "timezone", "UTC"));
        } catch (DateTimeException e) {
            throw new ArticleException(file, ArticleException.Problem.BAD_FIELD,
                    "timezone \"" + text(root, "timezone", "") + "\" is not a time zone; use a name like Europe/Berlin or UTC");
        }
        List<String> embedHosts = embedHosts(file, text, root, d.embedHosts);
        Permalink permalink = permalink(file, text, root);
        List<Permalink> formerPermalinks = formerPermalinks(file, text, root);
        List<String> externalLinkRel = externalLinkRel(file, text, root);
        List<ArticleWarning> warnings = new ArrayList<>();
        String language = text(root, "language", d.language);
        InterfaceText interfaceText = interfaceText(file, text, root, language, warnings);
        Tree menuNode = root.get("menu");
        List<MenuItem> menu = menuNode == null || menuNode.isNull() ? defaultMenu(interfaceText)
                : SiteMenu.read(file, menuNode, Yaml.lineOf(text, "menu", 0), Yaml.linesOfItems(text, "menu"), warnings);
        String footerHtml = footerHtml(file, text, root, warnings);
        FeedSettings feed = FeedSettings.read(file, text, root.get("feed"));
        try {
            return new SiteConfig(
                    text(root, "title", d.title),
                    text(root, "tagline", d.tagline),
                    text(root, "description", d.description),
                    baseUrl,
                    text(root, "author", d.author),
                    language,
                    zone,
                    root.path("wordsPerMinute").asInt(d.wordsPerMinute),
                    root.path("pageSize").asInt(d.pageSize),
                    embedHosts,
                    permalink,
                    formerPermalinks,
                    externalLinkRel,
                    menu,
                    footerHtml,
                    warnings,
                    interfaceText,
                    feed);
        } catch (IllegalArgumentException e) {
            throw new ArticleException(file, ArticleException.Problem.BAD_FIELD, e.getMessage());
        }
    }

    /**
     * The interface in the site's language, under the owner's {@code strings:}. A language Galley has no text for
     * is a warning, and its pages show English words, dates in the language where the JDK has them.
     */
    private static InterfaceText interfaceText(String file, String yaml, Tree root, String language, List<ArticleWarning> warnings) {
        int line = Yaml.lineOf(yaml, "language", 0);
        if (!language.isEmpty() && Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            warnings.add(new ArticleWarning(file, line, "language-untranslated", "language \"" + language
                    + "\" is not a BCP 47 language tag, so pages show English; write it like de, fr or pt-BR"));
            return InterfaceText.of("en", overrides(file, yaml, root, warnings));
        }
        if (!InterfaceText.translates(language)) {
            String dates = InterfaceText.datesIn(language) ? "; dates are in the language" : ", and dates too";
            warnings.add(new ArticleWarning(file, line, "language-untranslated", "language \"" + language
                    + "\": Galley has no interface text in this language, so pages show their words (Home, Tags, min read ...) in English"
                    + dates + ". Give them in strings: (the keys are listed in the README, under Language)"));
        }
        return InterfaceText.of(language, overrides(file, yaml, root, warnings));
    }

    private static Map<String, String> overrides(String file, String yaml, Tree root, List<ArticleWarning> warnings) {
        Tree node = root.get("strings");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        return SiteStrings.read(file, node, Yaml.lineOf(yaml, "strings", 0), Yaml.linesOfFields(yaml, "strings"), warnings);
    }

    /** The footer's Markdown as HTML, through the same renderer and sanitiser as an article body. */
    private static String footerHtml(String file, String yaml, Tree root, List<ArticleWarning> warnings) {
        Tree node = root.get("footer");
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isValueNode()) {
            warnings.add(new ArticleWarning(file, Yaml.lineOf(yaml, "footer", 0), "footer-dropped",
                    "footer must be Markdown text, like footer: \"© Jane Doe · [Imprint](/imprint/)\"; the site shows none"));
            return "";
        }
        String markdown = node.asText().strip();
        return markdown.isEmpty() ? "" : Markdown.render(Markdown.parse(markdown)).strip();
    }

    private static List<String> embedHosts(String file, String yaml, Tree root, List<String> fallback) throws ArticleException {
        Tree node = root.get("embedHosts");
        if (node == null || node.isNull()) {
            return fallback;
        }
        List<String> hosts = new ArrayList<>();
        node.forEach(host -> hosts.add(host.asText().strip().toLowerCase(Locale.ROOT)));
        if (!node.isArray() || !hosts.stream().allMatch(host -> HOST_NAME.matcher(host).matches())) {
            throw new ArticleException(file, Yaml.lineOf(yaml, "embedHosts", 0), ArticleException.Problem.BAD_FIELD,
                    "embedHosts must be a list of host names without https:// or a path, like [www.youtube-nocookie.com, player.vimeo.com]");
        }
        return hosts;
    }

    /** {@code externalLinks: {rel: [nofollow, ugc]}}: a mapping, for the other settings of external links a site may want one day. */
    private static List<String> externalLinkRel(String file, String yaml, Tree root) throws ArticleException {
        Tree node = root.get("externalLinks");
        if (node == null || node.isNull()) {
            return List.of();
        }
        Tree rel = node.get("rel");
        List<String> words = new ArrayList<>();
        if (rel != null && rel.isArray()) {
            rel.forEach(word -> words.add(word.asText().strip().toLowerCase(Locale.ROOT)));
        } else if (rel != null && rel.isValueNode()) {
            words.addAll(List.of(rel.asText().strip().toLowerCase(Locale.ROOT).split("[\\s,]+")));
        }
        words.removeIf(String::isEmpty);
        if (!node.isObject() || node.size() != 1 || rel == null || !LinkRel.ALLOWED.containsAll(words)) {
            throw new ArticleException(file, Yaml.lineOf(yaml, "externalLinks", 0), ArticleException.Problem.BAD_FIELD,
                    "externalLinks must be like {rel: [nofollow, ugc]}, rel holding only " + String.join(", ", LinkRel.ALLOWED));
        }
        return words;
    }

    private static List<Permalink> formerPermalinks(String file, String yaml, Tree root) throws ArticleException {
        Tree node = root.get("formerPermalinks");
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<Permalink> patterns = new ArrayList<>();
        for (Tree item : node.isArray() ? node : List.of(node)) {
            try {
                if (!item.isValueNode()) {
                    throw new IllegalArgumentException("must be a path such as /en/blog/:slug/, not a list or mapping");
                }
                patterns.add(Permalink.parse(item.asText()));
            } catch (IllegalArgumentException e) {
                throw new ArticleException(file, Yaml.lineOf(yaml, "formerPermalinks", 0), ArticleException.Problem.BAD_FIELD,
                        "formerPermalinks: \"" + item.asText() + "\" " + e.getMessage());
            }
        }
        return patterns;
    }

    private static Permalink permalink(String file, String yaml, Tree root) throws ArticleException {
        Tree node = root.get("permalink");
        if (node == null || node.isNull()) {
            return Permalink.DEFAULT;
        }
        try {
            if (!node.isValueNode()) {
                throw new IllegalArgumentException("must be a path such as /:year/:slug/, not a list or mapping");
            }
            return Permalink.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw new ArticleException(file, Yaml.lineOf(yaml, "permalink", 0), ArticleException.Problem.BAD_FIELD,
                    "permalink \"" + node.asText() + "\" " + e.getMessage());
        }
    }

    private static String text(Tree root, String key, String fallback) {
        Tree node = root.get(key);
        return node == null || node.isNull() ? fallback : node.asText().strip();
    }

    /** The absolute URL of a site path such as {@code articles/x/}. */
    public URI absolute(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
