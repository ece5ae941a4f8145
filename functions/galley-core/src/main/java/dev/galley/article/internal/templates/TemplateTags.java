package dev.galley.article.internal.templates;

import dev.galley.article.ArticleWarning;
import dev.galley.article.internal.MediaLinks;
import dev.galley.article.internal.templates.Tag.Syntax;
import org.commonmark.node.Block;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jekyll's Liquid tags and Hugo's shortcodes in a Markdown body, turned into Markdown before it is parsed:
 * highlight blocks become fenced code, variables and links become text, players and figures become blocks
 * Galley renders itself ({@link EmbedRenderer}). Any other tag is removed with a warning naming its line.
 * Nothing inside code (fences, indented blocks, code spans) or between {@code {% raw %}} tags is touched.
 * Runs in time linear in the body, whatever the body holds.
 */
public final class TemplateTags {

    public static final String UNKNOWN_TAG = "unknown-template-tag";
    public static final String UNRESOLVED_LINK = "unresolved-link";
    public static final String UNKNOWN_VARIABLE = "unknown-variable";

    private static final Pattern END_HIGHLIGHT = Pattern.compile("\\{%-?\\s*endhighlight\\s*-?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");
    private static final Pattern END_COMMENT = Pattern.compile("\\{%-?\\s*endcomment\\s*-?%}");
    private static final Pattern HUGO_END_HIGHLIGHT = Pattern.compile("\\{\\{[<%]\\s*/highlight\\s*[>%]}}");
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{6,20}");
    private static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,5}");
    /** A URL that reads the same as Markdown text, so it may go in unescaped. */
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z0-9/.%#-]*");

    /**
     * The body as Markdown without template tags, what was not published as written, and the blocks to put
     * in place of their placeholders once the Markdown is parsed ({@link #insertEmbeds}).
     */
    public static final class Result {

        private final String markdown;
        private final List<ArticleWarning> warnings;
        private final Placeholders embeds;

        private final String file;

        private Result(String file, String markdown, List<ArticleWarning> warnings, Placeholders embeds) {
            this.file = file;
            this.markdown = markdown;
            this.warnings = List.copyOf(warnings);
            this.embeds = embeds;
        }

        public String markdown() {
            return markdown;
        }

        public List<ArticleWarning> warnings() {
            return warnings;
        }

        /**
         * Puts the players and figures in place of their placeholders.
         *
         * @return a warning when some could not be placed: written inside raw HTML, a heading, a table or a link
         */
        public List<ArticleWarning> insertEmbeds(Node document) {
            int dropped = embeds.swap(document);
            return dropped == 0 ? List.of() : List.of(new ArticleWarning(file, 0, UNKNOWN_TAG, dropped + (dropped == 1 ? " player or figure"
                    : " players or figures") + " written inside raw HTML, a heading, a table or a link cannot be shown there, so "
                    + (dropped == 1 ? "it was" : "they were") + " removed; put each shortcode on a line of its own"));
        }
    }

    private final String file;
    private final String body;
    private final Variables variables;
    /** False for front matter text (the summary): plain text out, embeds and links dropped, no warnings. */
    private final boolean markdown;
    private final CodeRegions code;
    private final TagReader reader;
    private final Placeholders placeholders;
    private final StringBuilder out;
    private final List<ArticleWarning> warnings = new ArrayList<>();
    private final Set<String> unknownOpened = new HashSet<>();
    /** Per end tag, the position after which it is known to be absent: each stretch is searched once. */
    private final Map<Pattern, Integer> endAbsentAfter = new HashMap<>();
    private int lineCursor;
    private int lineAtCursor;
    private final int firstLine;

    private TemplateTags(String file, String body, int firstLine, Variables variables, boolean markdown) {
        this.file = file;
        this.body = body;
        this.firstLine = firstLine;
        this.variables = variables;
        this.markdown = markdown;
        this.code = markdown ? CodeRegions.of(body) : CodeRegions.none();
        this.reader = new TagReader(body);
        this.placeholders = new Placeholders(body);
        this.out = new StringBuilder(body.length() + 64);
        this.lineAtCursor = firstLine;
    }

    /**
     * @param file      the source file, for warnings
     * @param firstLine the file line the body starts on, so that warnings name lines of the file
     */
    public static Result expand(String file, String body, int firstLine, Variables variables) {
        if (!mayHoldTags(body)) {
            return new Result(file, body, List.of(), new Placeholders(""));
        }
        TemplateTags tags = new TemplateTags(file, body, firstLine, variables, true);
        tags.run();
        return new Result(file, tags.out.toString(), tags.warnings, tags.placeholders);
    }

    /** Front matter text with its tags evaluated: variables as their values, other tags dropped. */
    public static String plain(String text, Variables variables) {
        if (!mayHoldTags(text)) {
            return text;
        }
        TemplateTags tags = new TemplateTags("", text, 1, variables, false);
        tags.run();
        return tags.out.toString();
    }

    private static boolean mayHoldTags(String text) {
        return text.contains("{%") || text.contains("{{");
    }

    private void run() {
        int copied = 0;
        int at = 0;
        while (true) {
            int brace = body.indexOf('{', at);
            if (brace < 0) {
                break;
            }
            int afterCode = code.skip(brace);
            if (afterCode != brace) {
                at = afterCode;
                continue;
            }
            Tag tag = reader.at(brace);
            if (tag == null || code.startsWithin(brace, tag.end())) {
                at = brace + 1;
                continue;
            }
            out.append(body, copied, brace);
            at = handle(tag);
            copied = at;
        }
        out.append(body, copied, body.length());
    }

    /** Writes what stands for the tag; returns where the text goes on. */
    private int handle(Tag tag) {
        return switch (tag.syntax()) {
            case LIQUID -> liquid(tag);
            case LIQUID_OUTPUT -> output(tag);
            case HUGO, HUGO_MARKDOWN -> shortcode(tag);
            case HUGO_ESCAPED -> text(tag, "{{< " + tag.inner() + " >}}");
            case HUGO_MARKDOWN_ESCAPED -> text(tag, "{{% " + tag.inner() + " %}}");
        };
    }

    private int liquid(Tag tag) {
        return switch (tag.name()) {
            case "highlight" -> highlight(tag, END_HIGHLIGHT, "{% endhighlight %}");
            case "raw" -> raw(tag);
            case "comment" -> {
                int[] end = findEnd(END_COMMENT, tag.end());
                yield end == null ? unclosed(tag, "{% endcomment %}") : end[1];
            }
            case "post_url" -> link(tag, LinkTargets.postUrl(tag.argument(0, ""), variables.permalink()));
            case "link" -> link(tag, LinkTargets.path(tag.argument(0, ""), variables.permalink()));
            // home-assistant.io's heading tag: the heading's text, given the anchor every heading here gets anyway
            case "linkable_title" -> text(tag, tag.inner().substring(tag.name().length()).strip());
            default -> unknown(tag);
        };
    }

    private int shortcode(Tag tag) {
        return switch (tag.name()) {
            case "youtube" -> video(tag, "YouTube", YOUTUBE_ID, "https://www.youtube-nocookie.com/embed/",
                    "6 to 20 letters, digits, - and _");
            case "vimeo" -> video(tag, "Vimeo", VIMEO_ID, "https://player.vimeo.com/video/", "digits");
            case "figure" -> figure(tag);
            case "highlight" -> highlight(tag, HUGO_END_HIGHLIGHT, "{{< /highlight >}}");
            case "ref", "relref" -> link(tag, LinkTargets.path(tag.argument(0, "path"), variables.permalink()));
            case "param" -> {
                String name = tag.argument(0, "name");
                String value = variables.param(name);
                yield value != null ? text(tag, value) : warn(tag, UNKNOWN_VARIABLE, tag.shown() + " has no value: neither the "
                        + "front matter nor site.yaml has " + name + ", so it was removed");
            }
            default -> unknown(tag);
        };
    }

    private int output(Tag tag) {
        Variables.Output result = variables.liquid(tag.inner());
        if (result instanceof Variables.Value value) {
            return text(tag, value.text());
        }
        if (result instanceof Variables.Unknown unknown) {
            return warn(tag, UNKNOWN_VARIABLE, tag.shown() + " has no value here, so it was removed; Galley knows "
                    + "site.title, site.tagline, site.description, site.url, site.baseurl, site.author, site.language, "
                    + "page.url, page.slug and page.KEY for each front matter key" + (unknown.variable().startsWith("page.")
                    ? ", and the front matter has no " + unknown.variable().substring(5) : ""));
        }
        out.append(body, tag.start(), tag.end());  // not Liquid: text as written
        return tag.end();
    }

    private int unknown(Tag tag) {
        String name = tag.name();
        String opened = tag.isClosing() ? name.substring(1) : name.startsWith("end") ? name.substring(3) : null;
        if (opened != null && unknownOpened.contains(opened)) {
            return tag.end();  // the closing tag of one already reported
        }
        unknownOpened.add(name);
        String what = tag.syntax() == Syntax.LIQUID ? "the Liquid tag " : "the Hugo shortcode ";
        return warn(tag, UNKNOWN_TAG, what + tag.shown() + " is not supported, so it was removed (text between it and "
                + "a closing tag is kept); write that part in Markdown");
    }

    private int highlight(Tag tag, Pattern endTag, String endShown) {
        int[] end = findEnd(endTag, tag.end());
        if (end == null) {
            return unclosed(tag, endShown);
        }
        String language = tag.argument(0, "lang");
        String content = body.substring(tag.end(), end[0]);
        if (!markdown) {
            out.append(content);
        } else {
            fence(LANGUAGE.matcher(language).matches() ? language : "", content, tag.start(), end[1]);
        }
        return end[1];
    }

    private int raw(Tag tag) {
        int[] end = findEnd(END_RAW, tag.end());
        if (end == null) {
            return unclosed(tag, "{% endraw %}");
        }
        out.append(body, tag.end(), end[0]);
        return end[1];
    }

    private int unclosed(Tag tag, String endShown) {
        return warn(tag, UNKNOWN_TAG, tag.shown() + " has no " + endShown + ", so it was removed and the text after "
                + "it is shown as Markdown");
    }

    private int link(Tag tag, String url) {
        if (url == null) {
            return warn(tag, UNRESOLVED_LINK, tag.shown() + " names no article (a .md file) or image, so it was removed "
                    + "and its link points nowhere");
        }
        if (markdown) {
            out.append(PLAIN_URL.matcher(url).matches() ? url : MarkdownText.of(url));
        }
        return tag.end();
    }

    private int video(Tag tag, String site, Pattern validId, String player, String idRule) {
        String id = tag.argument(0, "id");
        if (!validId.matcher(id).matches()) {
            return warn(tag, UNKNOWN_TAG, tag.shown() + ": \"" + id + "\" is not a " + site + " video ID (" + idRule
                    + "), so the video was removed");
        }
        String host = java.net.URI.create(player).getHost();
        if (!variables.embedHosts().contains(host)) {
            return warn(tag, UNKNOWN_TAG, tag.shown() + ": the site's embedHosts do not list " + host
                    + ", so the video was removed; add it to embedHosts in site.yaml (and to the stack's ExtraFrameHosts)");
        }
        String title = tag.named().getOrDefault("title", variables.videoTitle(site));
        return block(tag, new VideoEmbed(player + id, title));
    }

    private int figure(Tag tag) {
        String src = tag.named().getOrDefault("src", "");
        if (src.isEmpty()) {
            return warn(tag, UNKNOWN_TAG, tag.shown() + " has no src, so the figure was removed; add src=\"image.png\"");
        }
        String resolved = MediaLinks.resolve(src, file);
        String caption = tag.named().getOrDefault("caption", tag.named().getOrDefault("title", ""));
        String alt = tag.named().getOrDefault("alt", caption);
        return block(tag, new FigureEmbed(resolved == null ? src : resolved, alt, caption,
                tag.named().getOrDefault("link", ""), size(tag, "width"), size(tag, "height")));
    }

    private static String size(Tag tag, String name) {
        String value = tag.named().getOrDefault(name, "");
        return SIZE.matcher(value).matches() ? value : "";
    }

    /** The tag's replacement is a value: Markdown text that cannot become markup. */
    private int text(Tag tag, String value) {
        out.append(markdown ? MarkdownText.of(value) : value);
        return tag.end();
    }

    private int warn(Tag tag, String kind, String reason) {
        if (markdown) {
            warnings.add(new ArticleWarning(file, lineOf(tag.start()), kind, reason));
        }
        return tag.end();
    }

    /** A fenced code block in place of a highlight pair, in the same container (list item, quote) as the tag. */
    private void fence(String language, String content, int start, int end) {
        String prefix = containerPrefix(start);
        if (prefix == null) {
            out.append('\n');
            prefix = "";
        }
        String code = content;
        int firstBreak = code.indexOf('\n');
        if (firstBreak >= 0 && code.substring(0, firstBreak).isBlank()) {
            code = code.substring(firstBreak + 1);
        }
        int lastBreak = code.lastIndexOf('\n');
        if (isContainerPrefix(code.substring(lastBreak + 1))) {
            code = code.substring(0, lastBreak + 1);
        } else {
            code = code + "\n";
        }
        String fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
        out.append(fence).append(language).append('\n').append(code).append(prefix).append(fence);
        if (!restOfLineIsBlank(end)) {
            out.append('\n').append(prefix);
        }
    }

    /**
     * A block Galley renders itself: a placeholder paragraph of its own, in the tag's container. Blank lines are
     * added only where the author left none, so a tag written as its own paragraph keeps every line in place.
     */
    private int block(Tag tag, Block block) {
        if (!markdown) {
            return tag.end();
        }
        String key = placeholders.add(block);
        String prefix = containerPrefix(tag.start());
        if (prefix == null) {
            out.append("\n\n").append(key).append("\n\n");
            return tag.end();
        }
        String bare = prefix.stripTrailing();
        int lineStart = tag.start() - prefix.length();
        out.setLength(out.length() - prefix.length());
        if (lineStart > 0 && !isContainerPrefix(body.substring(body.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1))) {
            out.append(bare).append('\n');
        }
        out.append(prefix).append(key);
        if (!restOfLineIsBlank(tag.end())) {
            out.append('\n').append(bare).append('\n').append(prefix);
        } else if (body.indexOf('\n', tag.end()) >= 0 && !restOfLineIsBlank(body.indexOf('\n', tag.end()) + 1)) {
            out.append('\n').append(bare);
        }
        return tag.end();
    }

    /** The start and end of the first match of {@code endTag} at or after {@code from}, or null. */
    private int[] findEnd(Pattern endTag, int from) {
        Integer absentAfter = endAbsentAfter.get(endTag);
        if (absentAfter != null && absentAfter <= from) {
            return null;
        }
        Matcher matcher = endTag.matcher(body);
        if (!matcher.find(from)) {
            endAbsentAfter.put(endTag, from);
            return null;
        }
        return new int[] {matcher.start(), matcher.end()};
    }

    /**
     * What precedes the tag on its line when that is only indentation and block quote markers (the tag starts the
     * line's content), else null. Scans back over that stretch only, so it stays linear on long lines.
     */
    private String containerPrefix(int position) {
        int from = position;
        while (from > 0 && isContainerChar(body.charAt(from - 1))) {
            from--;
        }
        return from == 0 || body.charAt(from - 1) == '\n' ? body.substring(from, position) : null;
    }

    private static boolean isContainerChar(char c) {
        return c == ' ' || c == '\t' || c == '>';
    }

    /** Blank, or only block quote markers: the line holds nothing of its own. */
    private static boolean isContainerPrefix(String text) {
        return text.chars().allMatch(c -> isContainerChar((char) c));
    }

    private boolean restOfLineIsBlank(int position) {
        for (int i = position; i < body.length() && body.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(body.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The file line of a body position; positions come in increasing order, so this is linear overall. */
    private int lineOf(int position) {
        if (position < lineCursor) {
            lineCursor = 0;
            lineAtCursor = firstLine;
        }
        for (; lineCursor < position; lineCursor++) {
            if (body.charAt(lineCursor) == '\n') {
                lineAtCursor++;
            }
        }
        return lineAtCursor;
    }
}
