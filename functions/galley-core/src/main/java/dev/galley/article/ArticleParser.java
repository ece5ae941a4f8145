package dev.galley.article;

import dev.galley.article.ArticleException.Problem;
import dev.galley.article.internal.Aliases;
import dev.galley.article.internal.AuthorText;
import dev.galley.article.internal.BodyFacts;
import dev.galley.article.internal.Headings;
import dev.galley.article.internal.LocalLinks;
import dev.galley.article.internal.MediaLinks;
import dev.galley.article.internal.PermalinkFields;
import dev.galley.article.internal.FrontMatter;
import dev.galley.article.internal.Markdown;
import dev.galley.article.internal.ShareImage;
import dev.galley.article.internal.SourceText;
import dev.galley.article.internal.Yaml;
import dev.galley.article.internal.templates.TemplateTags;
import dev.galley.article.internal.templates.Variables;
import dev.galley.site.Permalink;
import dev.galley.site.SiteConfig;
import dev.galley.site.SitePaths;
import dev.galley.tree.Tree;
import org.commonmark.node.Node;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Markdown with YAML front matter in, {@link Article} out. Stateless and thread-safe; the expensive parts
 * (commonmark parser and renderer, YAML mapper) are built once per JVM.
 */
public final class ArticleParser {

    /** The largest article accepted, in bytes. Larger uploads are rejected before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;
    /**
     * The most lines an article may have. commonmark re-reads a paragraph's lines for each line that could
     * start a block (one starting with |, \, &amp;, _ and the like), so such a paragraph takes quadratic time:
     * 200,000 one-character lines take seconds, a 1 MiB file of them about a minute.
     */
    public static final int MAX_LINES = 20_000;
    /**
     * The most images ({@code ![}) an article may have. commonmark copies the text inside an image's brackets
     * at each closing bracket, so nested images take quadratic time: 40,000 take seconds, 160,000 (960 KB)
     * half a minute; 5,000 take a fraction of a second.
     */
    public static final int MAX_IMAGES = 5_000;
    /**
     * The most raw HTML tags one article may hold: sanitizing misnested HTML (a table inside formatting, repeated)
     * grows with the square of its size, 30 seconds and more for a megabyte of it.
     */
    public static final int MAX_RAW_HTML_TAGS = 20_000;
    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 60;
    /** The folder of the content whose files are standalone pages, published at {@code /<slug>/}. */
    public static final String PAGES_FOLDER = "pages/";

    private static final Set<String> KNOWN_KEYS = Set.of(
            "title", "date", "updated", "lastmod", "last_modified_at", "tags", "categories", "category", "summary", "excerpt",
            "slug", "draft", "featured", "description", "author", "sample", "canonical_url", "canonicalURL", "permalink", "url",
            "aliases", "redirect_from", "publishDate", "expiryDate", "published", "image", "images", "cover");
    /** Where the date of the last change comes from: Galley's key, then Hugo's, then Jekyll's (jekyll-last-modified-at). */
    private static final List<String> UPDATED_KEYS = List.of("updated", "lastmod", "last_modified_at");
    /** Where the summary comes from: Galley's and Hugo's key, then Jekyll's excerpt. */
    private static final List<String> SUMMARY_KEYS = List.of("summary", "excerpt");
    /** Where a canonical URL elsewhere comes from: Jekyll's jekyll-seo-tag key, then Hugo's. */
    private static final List<String> CANONICAL_KEYS = List.of("canonical_url", "canonicalURL");
    /** Where an article's own path comes from: Jekyll's key, then Hugo's. */
    private static final List<String> PATH_KEYS = List.of("permalink", "url");
    /** Where labels come from: Galley's tags, then Jekyll's and Hugo's categories. */
    private static final List<String> TAG_KEYS = List.of("tags", "categories", "category");
    private static final DateTimeFormatter JEKYLL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss] Z");

    private final SiteConfig site;
    private final ImageSizes imageSizes;

    /** A parser whose images render without a size. */
    public ArticleParser(SiteConfig site) {
        this(site, ImageSizes.NONE);
    }

    /** @param imageSizes where the sizes of the images an article shows from the site's media come from */
    public ArticleParser(SiteConfig site, ImageSizes imageSizes) {
        this.site = site;
        this.imageSizes = imageSizes;
    }

    /** The configuration it parses with. */
    public SiteConfig site() {
        return site;
    }

    /**
     * Parses one source file.
     *
     * @param sourceKey the file's name relative to the content root; errors name it, and the default slug comes from it
     */
    public Article parse(String sourceKey, byte[] bytes) throws ArticleException {
        return parse(sourceKey, bytes, false);
    }

    /**
     * Parses one source file for a feed, which readers show away from the site: the body's URLs are absolute,
     * resolved against the page's URL as the page resolves them.
     */
    public Article parseWithAbsoluteUrls(String sourceKey, byte[] bytes) throws ArticleException {
        return parse(sourceKey, bytes, true);
    }

    private Article parse(String sourceKey, byte[] bytes, boolean absoluteUrls) throws ArticleException {
        String text = SourceText.decode(sourceKey, bytes, MAX_BYTES);
        long lines = 1;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            lines++;
        }
        if (lines > MAX_LINES) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the file has %,d lines; an article may have at most %,d", lines, MAX_LINES));
        }
        int images = 0;
        for (int at = text.indexOf("!["); at >= 0; at = text.indexOf("![", at + 2)) {
            if (at == 0 || text.charAt(at - 1) != '<') {  // <![CDATA[ in raw HTML is no image
                images++;
            }
        }
        if (images > MAX_IMAGES) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the file has %,d images; an article may have at most %,d", images, MAX_IMAGES));
        }
        FrontMatter parts = FrontMatter.split(sourceKey, text);
        Fields fields = new Fields(sourceKey, parts.yaml(), Yaml.parseMapping(sourceKey, 1, parts.yaml()));

        String title = fields.requiredText("title", MAX_TITLE_LENGTH);
        boolean page = isPage(sourceKey, fields);
        OffsetDateTime date = page ? fields.optionalDateOrFileNameDate(site.timezone()) : fields.dateOrFileNameDate(site.timezone());
        OffsetDateTime updated = fields.firstDate(UPDATED_KEYS, site.timezone());
        List<String> tags = page ? List.of() : fields.tags();  // a page is on no tag's page
        String slug = fields.slug();
        String path;
        List<String> aliases;
        if (page) {
            path = fields.pagePath(slug);
            aliases = fields.aliases(path);
        } else {
            Permalink.Fields placeholders = PermalinkFields.of(sourceKey, date.toLocalDate(), slug, fields.optionalText("slug"));
            path = fields.path(site.permalink(), placeholders);
            aliases = fields.aliases(path);
            for (Permalink former : site.formerPermalinks()) {
                String old = former.expand(placeholders);
                if (!old.equals(path) && !aliases.contains(old) && SitePaths.refusal(old) == null) {
                    aliases.add(old);  // the old site also served the article here
                }
            }
        }
        // Jekyll's published: false keeps a post off the site as Galley's draft: true does.
        boolean draft = fields.flag("draft") || (fields.value("published") != null && !fields.flag("published"));
        boolean featured = !page && fields.flag("featured");
        String description = fields.optionalText("description");
        List<Author> authors = fields.authors();
        String summaryText = fields.firstText(SUMMARY_KEYS);
        String sampleName = fields.optionalText("sample");
        URI canonical = fields.canonicalUrl();
        PublishWindow window = fields.window(date, site.timezone());
        URI frontMatterImage = fields.shareImage(sourceKey, site);
        fields.sortWarningsByLine();

        Variables variables = new Variables(site, fields.root, slug, "/" + path);
        Node document;
        TemplateTags.Result expanded;
        try {
            expanded = TemplateTags.expand(sourceKey, parts.body(), parts.bodyFirstLine(), variables);
            document = Markdown.parse(expanded.markdown());
        } catch (IllegalArgumentException e) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the tables hold more than %,d cells in all; split the article", Markdown.MAX_TABLE_CELLS));
        }
        int rawHtmlTags = Markdown.rawHtmlTags(document);
        if (rawHtmlTags > MAX_RAW_HTML_TAGS) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format("the raw HTML has %,d tags; an article may have "
                    + "at most %,d (a table of 100 rows and 20 columns has some 4,500)", rawHtmlTags, MAX_RAW_HTML_TAGS));
        }
        List<ArticleWarning> lostEmbeds = expanded.insertEmbeds(document);
        BodyFacts facts = BodyFacts.of(document);
        List<String> summary = paragraphs(TemplateTags.plain(summaryText, variables));
        if (summary.isEmpty() && facts.firstParagraph() != null) {
            summary = List.of(facts.firstParagraph());
        }
        CodeSample sample = chooseSample(fields, facts, sampleName);
        List<TocEntry> toc = Headings.assignIds(document);
        MediaLinks.resolve(document, sourceKey);
        List<String> localLinks = LocalLinks.of(document, site.baseUrl());
        Markdown.Body body = Markdown.render(document, sourceKey, site, imageSizes, absoluteUrls ? site.absolute(path) : null);

        ArticleSummary summaryFields = new ArticleSummary(slug, title, date, updated, tags, summary,
                TemplateTags.plain(description, variables).strip(), authors,
                facts.readingTime().minutes(site.wordsPerMinute()), sample, featured, path, aliases, page);
        URI shareImage = frontMatterImage;
        if (shareImage == null && body.firstImage() != null) {
            shareImage = absoluteImage(body.firstImage());
        }
        List<ArticleWarning> warnings = new ArrayList<>(fields.warnings);
        warnings.addAll(expanded.warnings());
        warnings.addAll(lostEmbeds);
        warnings.addAll(remoteImageWarnings(sourceKey, text, body.remoteImages()));
        return new Article(summaryFields, sourceKey, body.html(), toc, draft, fields.unknownKeys(),
                warnings, canonical, localLinks, window, shareImage);
    }

    /** An image's URL for link previews, absolute as crawlers need it; null for one that is not http(s) or a site path. */
    private URI absoluteImage(String src) {
        try {
            URI uri = site.baseUrl().resolve(new URI(src));
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? uri : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An image on another site would be blocked by the site's content security policy ({@code img-src 'self'}):
     * it is shown as a link, and the author told where, so it can be uploaded beside the article instead.
     */
    private static List<ArticleWarning> remoteImageWarnings(String sourceKey, String text, List<String> remoteImages) {
        List<ArticleWarning> warnings = new ArrayList<>();
        int searchFrom = 0;
        int lineAtSearchFrom = 1;  // counted forward only: thousands of remote images cost one pass over the file
        for (String url : remoteImages) {
            int at = text.indexOf(url, searchFrom);
            int line = 0;
            if (at >= 0) {
                for (int i = searchFrom; i < at; i++) {
                    if (text.charAt(i) == '\n') {
                        lineAtSearchFrom++;
                    }
                }
                searchFrom = at + url.length();  // a URL holds no line break
                line = lineAtSearchFrom;
            }
            warnings.add(new ArticleWarning(sourceKey, line, "remote-image", "the image " + url + " is on another site, "
                    + "which the site's pages do not load images from (privacy: readers' browsers ask only the site), so it is "
                    + "shown as a link to it; upload the image beside the article and link it relatively to show it"));
        }
        return warnings;
    }

    /**
     * A standalone page is a file under {@value #PAGES_FOLDER}, or one whose front matter says so as Jekyll's
     * ({@code layout: page}) and Hugo's ({@code type: page}) do, so an old site's {@code about.md} comes across as it is.
     */
    private static boolean isPage(String sourceKey, Fields fields) {
        return sourceKey.startsWith(PAGES_FOLDER) || fields.says("layout", "page") || fields.says("type", "page");
    }

    private static CodeSample chooseSample(Fields fields, BodyFacts body, String wanted) throws ArticleException {
        for (BodyFacts.TitledBlock block : body.titledBlocks()) {
            if (wanted.isEmpty() || block.info().title().equals(wanted)) {
                return new CodeSample(block.info().title(), block.info().language(), block.code());
            }
        }
        if (!wanted.isEmpty()) {
            throw fields.error("sample", Problem.BAD_FIELD, "sample \"" + wanted + "\" names no code block; give a fence "
                    + "that file name, like ```sql title=\"" + wanted + "\"");
        }
        return null;
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String clean = paragraph.replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        return paragraphs;
    }

    /** Typed access to front matter values, each failure naming the key's line. */
    private static final class Fields {
        private final String file;
        private final String yaml;
        private final Tree root;
        /** What the front matter says that is published other than as written. */
        final List<ArticleWarning> warnings = new ArrayList<>();

        Fields(String file, String yaml, Tree root) {
            this.file = file;
            this.yaml = yaml;
            this.root = root;
        }

        ArticleException error(String key, Problem problem, String reason) {
            return new ArticleException(file, Yaml.lineOf(yaml, key, 1), problem, reason);
        }

        private Tree value(String key) {
            Tree node = root.get(key);
            return node == null || node.isNull() ? null : node;
        }

        String requiredText(String key, int maxLength) throws ArticleException {
            String text = optionalText(key);
            if (text.isEmpty()) {
                throw new ArticleException(file, 0, Problem.MISSING_FIELD, "the front matter has no " + key
                        + "; add a line like " + key + ": My first article");
            }
            if (text.length() > maxLength) {
                throw error(key, Problem.BAD_FIELD, key + " is " + text.length() + " characters long; the limit is " + maxLength);
            }
            return text;
        }

        String optionalText(String key) throws ArticleException {
            Tree node = value(key);
            if (node == null) {
                return "";
            }
            if (!node.isValueNode()) {
                throw error(key, Problem.BAD_FIELD, key + " must be text, not a " + (node.isArray() ? "list" : "mapping"));
            }
            return node.asText().strip();
        }

        /** The front matter's date, or as Jekyll has it, the day a {@code 2026-03-10-name.md} file name starts with. */
        OffsetDateTime dateOrFileNameDate(ZoneId zone) throws ArticleException {
            OffsetDateTime date = optionalDate("date", zone);
            if (date != null) {
                return date;
            }
            Optional<LocalDate> fromName = Slugs.dateOfSourceKey(file);
            if (fromName.isPresent()) {
                return fromName.get().atStartOfDay(zone).toOffsetDateTime();
            }
            throw new ArticleException(file, 0, Problem.MISSING_FIELD, "the front matter has no date and the file name does "
                    + "not start with one; add a line like date: 2026-03-10, or name the file like 2026-03-10-my-article.md");
        }

        /** A page's date: the front matter's, or the day its file name starts with, or null: a page needs none. */
        OffsetDateTime optionalDateOrFileNameDate(ZoneId zone) throws ArticleException {
            OffsetDateTime date = optionalDate("date", zone);
            if (date != null) {
                return date;
            }
            return Slugs.dateOfSourceKey(file).map(day -> day.atStartOfDay(zone).toOffsetDateTime()).orElse(null);
        }

        /** Whether a key holds this word, in any case: {@code layout: page}. */
        boolean says(String key, String word) {
            Tree node = value(key);
            return node != null && node.isValueNode() && node.asText().strip().equalsIgnoreCase(word);
        }

        /** Hugo's publishDate and expiryDate, each in the site's time zone when it names none. */
        PublishWindow window(OffsetDateTime date, ZoneId zone) throws ArticleException {
            OffsetDateTime publishDate = optionalDate("publishDate", zone);
            return new PublishWindow(publishDate != null ? publishDate : date, publishDate != null ? "publishDate" : "date",
                    optionalDate("expiryDate", zone));
        }

        /** The first of the keys the front matter has a date for, or null. */
        OffsetDateTime firstDate(List<String> keys, ZoneId zone) throws ArticleException {
            for (String key : keys) {
                OffsetDateTime date = optionalDate(key, zone);
                if (date != null) {
                    return date;
                }
            }
            return null;
        }

        /** The first of the keys the front matter has text for, or "". */
        String firstText(List<String> keys) throws ArticleException {
            for (String key : keys) {
                String text = optionalText(key);
                if (!text.isEmpty()) {
                    return text;
                }
            }
            return "";
        }

        /** A canonical URL elsewhere, for an article first published on another site; only http(s). */
        URI canonicalUrl() throws ArticleException {
            for (String key : CANONICAL_KEYS) {
                String text = optionalText(key);
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    URI url = new URI(text);
                    if (url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                        return url;
                    }
                } catch (java.net.URISyntaxException e) {
                    // reported below
                }
                throw error(key, Problem.BAD_FIELD, key + " \"" + text + "\" must be an absolute http(s) URL, like https://example.com/my-post/");
            }
            return null;
        }

        /** The folder an article's own URL is in, as Hugo resolves relative aliases: {@code 2020/} for {@code 2020/x/} and {@code 2020/x.html}. */
        private static String folderOf(String articlePath) {
            String page = articlePath.endsWith("/") ? articlePath.substring(0, articlePath.length() - 1) : articlePath;
            return page.substring(0, page.lastIndexOf('/') + 1);
        }

        /** The old URLs that redirect here: Hugo's aliases, then Jekyll's redirect_from. */
        List<String> aliases(String articlePath) {
            List<String> paths = new ArrayList<>();
            for (String key : List.of("aliases", "redirect_from")) {
                Tree node = value(key);
                if (node != null) {
                    Aliases.read(file, key, Yaml.lineOf(yaml, key, 1), node, key.equals("aliases") ? folderOf(articlePath) : "", paths, warnings);
                }
            }
            return paths;
        }

        /** The image front matter names for link previews ({@link ShareImage}), absolute; null when it names none. */
        URI shareImage(String sourceKey, SiteConfig site) {
            for (String key : ShareImage.KEYS) {
                String written = ShareImage.written(value(key));
                if (written.isEmpty()) {
                    continue;
                }
                String lower = written.toLowerCase(java.util.Locale.ROOT);
                String url = lower.startsWith("https://") || lower.startsWith("http://") ? written : MediaLinks.resolve(written, sourceKey);
                try {
                    if (url != null) {
                        return site.baseUrl().resolve(new URI(url));
                    }
                } catch (java.net.URISyntaxException e) {
                    // warned below
                }
                warnings.add(new ArticleWarning(file, Yaml.lineOf(yaml, key, 1), "share-image", key + " \"" + written
                        + "\" is not an image path or an http(s) URL, so link previews show the article's first image"));
                return null;
            }
            return null;
        }

        void sortWarningsByLine() {
            if (warnings.size() > 1) {  // most articles have none: no comparator built for them
                warnings.sort(java.util.Comparator.comparingInt(ArticleWarning::line));
            }
        }

        OffsetDateTime optionalDate(String key, ZoneId zone) throws ArticleException {
            String text = optionalText(key);
            if (text.isEmpty()) {
                return null;
            }
            OffsetDateTime date = parseDate(text, zone);
            if (date == null) {
                throw error(key, Problem.BAD_FIELD, key + " \"" + text + "\" is not a date; write it like 2026-03-10 "
                        + "or 2026-03-10T09:30:00+01:00");
            }
            return date;
        }

        /** The tags, with Jekyll's and Hugo's categories after them: Galley has one kind of label. */
        List<String> tags() throws ArticleException {
            List<String> raw = new ArrayList<>();
            for (String key : TAG_KEYS) {
                raw.addAll(labels(key));
            }
            Map<String, String> bySlug = new LinkedHashMap<>();
            for (String tag : raw) {
                String clean = tag.replaceAll("\\s+", " ").strip();
                if (clean.isEmpty()) {
                    continue;
                }
                if (clean.length() > MAX_TAG_LENGTH) {
                    throw error("tags", Problem.BAD_FIELD, "the tag \"" + clean.substring(0, 20) + "…\" is longer than "
                            + MAX_TAG_LENGTH + " characters");
                }
                String slug = Slugs.ofTag(clean).isEmpty() ? clean : Slugs.ofTag(clean);
                String first = bySlug.putIfAbsent(slug, clean);
                if (first != null && !first.equalsIgnoreCase(clean)) {
                    warnings.add(new ArticleWarning(file, Yaml.lineOf(yaml, "tags", 1), "tag-collision", "the tags \"" + first
                            + "\" and \"" + clean + "\" share the page /tags/" + slug + "/, so only \"" + first + "\" is kept; rename one"));
                }
            }
            if (bySlug.size() > MAX_TAGS) {
                throw error("tags", Problem.BAD_FIELD, "an article may have at most " + MAX_TAGS + " tags");
            }
            return List.copyOf(new LinkedHashSet<>(bySlug.values()));
        }

        private List<String> labels(String key) throws ArticleException {
            Tree node = value(key);
            List<String> raw = new ArrayList<>();
            if (node == null) {
                return raw;
            } else if (node.isArray()) {
                for (Tree item : node) {
                    if (!item.isValueNode()) {
                        throw error(key, Problem.BAD_FIELD, "each of " + key + " must be a word or phrase, not a list or mapping");
                    }
                    raw.add(item.asText());
                }
            } else if (node.isValueNode()) {
                raw.addAll(List.of(node.asText().split(",")));
            } else {
                throw error(key, Problem.BAD_FIELD, key + " must be a list, like [PostgreSQL, DevOps], or \"PostgreSQL, DevOps\"");
            }
            return raw;
        }

        /** A name, names separated by commas, or a list of names; each plain or a Markdown link. */
        List<Author> authors() throws ArticleException {
            Tree node = value("author");
            if (node == null) {
                return List.of();
            }
            if (node.isValueNode()) {
                return AuthorText.split(node.asText());
            }
            if (node.isArray()) {
                List<Author> authors = new ArrayList<>();
                for (Tree item : node) {
                    if (!item.isValueNode()) {
                        throw error("author", Problem.BAD_FIELD, "each author must be a name, not a list or mapping");
                    }
                    Author author = AuthorText.single(item.asText());
                    if (author != null) {
                        authors.add(author);
                    }
                }
                return authors;
            }
            throw error("author", Problem.BAD_FIELD, "author must be a name, a list of names, or names separated by "
                    + "commas, like \"[Jane Doe](https://jane.dev), John Roe\"");
        }

        String slug() throws ArticleException {
            String explicit = optionalText("slug");
            if (!explicit.isEmpty()) {
                if (!Slugs.isValid(explicit)) {
                    String suggestion = Slugs.from(explicit);
                    throw error("slug", Problem.BAD_SLUG, "slug \"" + explicit + "\" may use only lowercase a-z, 0-9 and "
                            + "single hyphens, at most " + Slugs.MAX_LENGTH + " characters"
                            + (suggestion.isEmpty() ? "" : " (for example \"" + suggestion + "\")"));
                }
                return explicit;
            }
            String derived = Slugs.fromSourceKey(file);
            if (derived.isEmpty()) {
                throw new ArticleException(file, 0, Problem.BAD_SLUG, "the file name gives no usable URL name "
                        + "(it needs letters a-z or digits); add a line like slug: my-article");
            }
            return derived;
        }

        /** The article's own {@code permalink} or {@code url}, else where the site's pattern puts it; a site path. */
        String path(Permalink pattern, Permalink.Fields placeholders) throws ArticleException {
            String own = ownPath();
            if (own != null) {
                return own;
            }
            String path = pattern.expand(placeholders);
            String refusal = SitePaths.refusal(path);
            if (refusal != null) {
                throw error("slug", Problem.BAD_SLUG, "the site's permalink " + pattern + " puts this article at /" + path
                        + ", which cannot be used: " + refusal + "; set another slug or a permalink");
            }
            return path;
        }

        /** A page's own {@code permalink} or {@code url}, else {@code <slug>/} from the site root; a site path. */
        String pagePath(String slug) throws ArticleException {
            String own = ownPath();
            if (own != null) {
                return own;
            }
            String refusal = SitePaths.refusal(slug + "/");
            if (refusal != null) {
                throw error("slug", Problem.BAD_SLUG, "a page named " + slug + " would be at /" + slug + "/, which cannot be used: "
                        + refusal + "; set another slug or a permalink");
            }
            return slug + "/";
        }

        /** The path the front matter's {@code permalink} or {@code url} gives, or null when it gives none. */
        private String ownPath() throws ArticleException {
            for (String key : PATH_KEYS) {
                String written = optionalText(key);
                if (written.isEmpty()) {
                    continue;
                }
                try {
                    return SitePaths.ofAuthorPath(written);
                } catch (IllegalArgumentException e) {
                    throw error(key, Problem.BAD_FIELD, key + " \"" + written + "\" " + e.getMessage());
                }
            }
            return null;
        }

        boolean flag(String key) throws ArticleException {
            Tree node = value(key);
            if (node == null) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            String text = node.asText().strip().toLowerCase(java.util.Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
            throw error(key, Problem.BAD_FIELD, key + " must be true or false, not "
                    + (node.isValueNode() ? "\"" + node.asText() + "\"" : node.isArray() ? "a list" : "a mapping"));
        }

        Map<String, Object> unknownKeys() {
            Map<String, Object> extra = new LinkedHashMap<>();
            root.fields().forEach((key, value) -> {
                if (!KNOWN_KEYS.contains(key)) {
                    extra.put(key, value.toPlain());
                }
            });
            extra.values().removeIf(java.util.Objects::isNull);
            return extra;
        }
    }

    /** Dates as Hugo and Jekyll users write them; a date-time without a zone is in the site's time zone. */
    static OffsetDateTime parseDate(String text, ZoneId zone) {
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text, JEKYLL_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
