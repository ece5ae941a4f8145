package dev.galley.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.article.ArticleException.Problem;
import dev.galley.article.internal.BodyFacts;
import dev.galley.article.internal.Headings;
import dev.galley.article.internal.MediaLinks;
import dev.galley.article.internal.FrontMatter;
import dev.galley.article.internal.Markdown;
import dev.galley.article.internal.SourceText;
import dev.galley.article.internal.Yaml;
import dev.galley.article.internal.templates.TemplateTags;
import dev.galley.article.internal.templates.Variables;
import dev.galley.site.SiteConfig;
import org.commonmark.node.Node;

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
    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 60;

    private static final Set<String> KNOWN_KEYS = Set.of(
            "title", "date", "updated", "tags", "summary", "slug", "draft", "featured", "description", "author", "sample");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final DateTimeFormatter JEKYLL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss] Z");

    private final SiteConfig site;

    public ArticleParser(SiteConfig site) {
        this.site = site;
    }

    /**
     * Parses one source file.
     *
     * @param sourceKey the file's name relative to the content root; errors name it, and the default slug comes from it
     */
    public Article parse(String sourceKey, byte[] bytes) throws ArticleException {
        String text = SourceText.decode(sourceKey, bytes, MAX_BYTES);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        if (lines > MAX_LINES) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the file has %,d lines; an article may have at most %,d", lines, MAX_LINES));
        }
        int images = 0;
        for (int at = text.indexOf("!["); at >= 0; at = text.indexOf("![", at + 2)) {
            images++;
        }
        if (images > MAX_IMAGES) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the file has %,d images; an article may have at most %,d", images, MAX_IMAGES));
        }
        FrontMatter parts = FrontMatter.split(sourceKey, text);
        Fields fields = new Fields(sourceKey, parts.yaml(), Yaml.parseMapping(sourceKey, 1, parts.yaml()));

        String title = fields.requiredText("title", MAX_TITLE_LENGTH);
        OffsetDateTime date = fields.requiredDate("date", site.timezone());
        OffsetDateTime updated = fields.optionalDate("updated", site.timezone());
        List<String> tags = fields.tags();
        String slug = fields.slug();
        boolean draft = fields.flag("draft");
        boolean featured = fields.flag("featured");
        String description = fields.optionalText("description");
        String author = fields.optionalText("author");
        String summaryText = fields.optionalText("summary");
        String sampleName = fields.optionalText("sample");

        Variables variables = new Variables(site, fields.root, slug);
        Node document;
        TemplateTags.Result expanded;
        try {
            expanded = TemplateTags.expand(sourceKey, parts.body(), parts.bodyFirstLine(), variables);
            document = Markdown.parse(expanded.markdown());
        } catch (IllegalArgumentException e) {
            throw new ArticleException(sourceKey, Problem.TOO_LARGE, String.format(
                    "the tables hold more than %,d cells in all; split the article", Markdown.MAX_TABLE_CELLS));
        }
        expanded.insertEmbeds(document);
        BodyFacts body = BodyFacts.of(document);
        List<String> summary = paragraphs(TemplateTags.plain(summaryText, variables));
        if (summary.isEmpty() && body.firstParagraph() != null) {
            summary = List.of(body.firstParagraph());
        }
        CodeSample sample = chooseSample(fields, body, sampleName);
        List<TocEntry> toc = Headings.assignIds(document);
        MediaLinks.resolve(document, sourceKey);

        ArticleSummary summaryFields = new ArticleSummary(slug, title, date, updated, tags, summary,
                TemplateTags.plain(description, variables).strip(), author,
                body.readingTime().minutes(site.wordsPerMinute()), sample, featured);
        return new Article(summaryFields, sourceKey, Markdown.render(document), toc, draft, fields.unknownKeys(),
                expanded.warnings());
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
        private final ObjectNode root;

        Fields(String file, String yaml, ObjectNode root) {
            this.file = file;
            this.yaml = yaml;
            this.root = root;
        }

        ArticleException error(String key, Problem problem, String reason) {
            return new ArticleException(file, Yaml.lineOf(yaml, key, 1), problem, reason);
        }

        private JsonNode value(String key) {
            JsonNode node = root.get(key);
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
            JsonNode node = value(key);
            if (node == null) {
                return "";
            }
            if (!node.isValueNode()) {
                throw error(key, Problem.BAD_FIELD, key + " must be text, not a " + (node.isArray() ? "list" : "mapping"));
            }
            return node.asText().strip();
        }

        OffsetDateTime requiredDate(String key, ZoneId zone) throws ArticleException {
            OffsetDateTime date = optionalDate(key, zone);
            if (date == null) {
                throw new ArticleException(file, 0, Problem.MISSING_FIELD,
                        "the front matter has no " + key + "; add a line like " + key + ": 2026-03-10");
            }
            return date;
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

        List<String> tags() throws ArticleException {
            JsonNode node = value("tags");
            List<String> raw = new ArrayList<>();
            if (node == null) {
                return List.of();
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.isValueNode()) {
                        throw error("tags", Problem.BAD_FIELD, "each tag must be a word or phrase, not a list or mapping");
                    }
                    raw.add(item.asText());
                }
            } else if (node.isValueNode()) {
                raw.addAll(List.of(node.asText().split(",")));
            } else {
                throw error("tags", Problem.BAD_FIELD, "tags must be a list, like [PostgreSQL, DevOps], or \"PostgreSQL, DevOps\"");
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
                bySlug.putIfAbsent(Slugs.from(clean).isEmpty() ? clean : Slugs.from(clean), clean);
            }
            if (bySlug.size() > MAX_TAGS) {
                throw error("tags", Problem.BAD_FIELD, "an article may have at most " + MAX_TAGS + " tags");
            }
            return List.copyOf(new LinkedHashSet<>(bySlug.values()));
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

        boolean flag(String key) throws ArticleException {
            JsonNode node = value(key);
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
            root.fields().forEachRemaining(e -> {
                if (!KNOWN_KEYS.contains(e.getKey())) {
                    extra.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class));
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
