package dev.galley.publish;

import dev.galley.article.ArticleException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks the owner's stylesheet ({@code theme/custom.css}) passes before it is published. The site's content
 * security policy ({@code default-src 'self'}, {@code img-src 'self' data:}) already stops a stylesheet from loading
 * anything from another site; these checks refuse such a stylesheet up front, with the line, rather than publish one
 * that breaks quietly in the reader's browser.
 *
 * <p>The checks read the text as a browser's tokenizer does as far as they need: comments are dropped (outside
 * strings only), and escapes such as {@code u\72l(} are decoded, so a spelling cannot slip past them. They look for
 * the words anywhere, inside at-rules they do not know too: a check that only saw what a CSS parser understood would
 * miss what the parser skipped (docs/libraries.md, "CSS checks").
 */
final class CustomCss {

    static final int MAX_BYTES = 100 * 1024;

    private static final Pattern FORBIDDEN = Pattern.compile("@import|expression\\(|javascript:|vbscript:|url\\(|(?:-webkit-)?image-set\\(|\\bsrc\\(");
    /** A URL with a scheme ({@code https:}, {@code javascript:}) or a host ({@code //x}, which browsers also read from {@code /\x}). */
    private static final Pattern OFF_SITE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:|[/\\\\]{2})");

    private CustomCss() {
    }

    /** @throws ArticleException naming the line and the rule the stylesheet breaks */
    static void check(String key, byte[] bytes) throws ArticleException {
        if (bytes.length > MAX_BYTES) {
            throw new ArticleException(key, ArticleException.Problem.TOO_LARGE,
                    "the stylesheet has " + bytes.length / 1024 + " KiB and may have at most " + MAX_BYTES / 1024 + " KiB");
        }
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleException(key, ArticleException.Problem.NOT_TEXT, "the stylesheet is not UTF-8 text: save it as UTF-8");
        }
        int style = raw.toLowerCase(Locale.ROOT).indexOf("</style");
        if (style >= 0) {
            throw refused(key, lineAt(raw, style), "</style has no place in a stylesheet: it would end the element an inline copy sits in");
        }
        Tokens tokens = Tokens.of(raw);
        String text = tokens.text.toLowerCase(Locale.ROOT);
        Matcher m = FORBIDDEN.matcher(text);
        while (m.find()) {
            int line = tokens.lines[m.start()];
            String found = m.group();
            switch (found) {
                case "@import" -> throw refused(key, line, "@import is not allowed: Galley publishes theme/custom.css alone and the site's "
                        + "content security policy lets pages load only the site's own files; copy the rules you need into custom.css");
                case "expression(" -> throw refused(key, line, "expression() runs script in old browsers and is never published: remove it");
                case "javascript:", "vbscript:" -> throw refused(key, line, found + " links run script and are never published: remove it");
                case "url(" -> {
                    if (!inNamespaceRule(text, m.start())) {
                        checkTarget(key, line, urlTarget(text, m.end()));
                    }
                }
                default -> {  // image-set( and src( take their URLs as strings too
                    int end = closingParen(text, m.end());
                    for (String target : quoted(text.substring(m.end(), end))) {
                        checkTarget(key, line, target);
                    }
                }
            }
        }
    }

    private static void checkTarget(String key, int line, String target) throws ArticleException {
        String url = target.replaceAll("[\\t\\n\\r]", "").strip();  // a browser's URL parser drops tabs and newlines anywhere
        if (OFF_SITE.matcher(url).find() && !url.startsWith("data:")) {
            throw refused(key, line, "the url " + url + " points off the site: the site's content security policy allows only "
                    + "the site's own files and data: URLs, so a reader's browser would not load it. Upload the image beside "
                    + "your articles and use its /media/ path");
        }
    }

    /** What {@code url(} at {@code from} names: a quoted string, or the unquoted text up to the closing bracket. */
    private static String urlTarget(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            int close = text.indexOf(text.charAt(i), i + 1);
            return text.substring(i + 1, close < 0 ? text.length() : close);
        }
        int close = text.indexOf(')', i);
        return text.substring(i, close < 0 ? text.length() : close);
    }

    private static int closingParen(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static java.util.List<String> quoted(String args) {
        java.util.List<String> strings = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'").matcher(args);
        while (m.find()) {
            strings.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return strings;
    }

    /** {@code @namespace svg url(http://www.w3.org/2000/svg);} names a namespace and loads nothing. */
    private static boolean inNamespaceRule(String text, int at) {
        int start = Math.max(Math.max(text.lastIndexOf(';', at), text.lastIndexOf('{', at)), text.lastIndexOf('}', at)) + 1;
        return text.substring(start, at).strip().startsWith("@namespace");
    }

    private static ArticleException refused(String key, int line, String reason) {
        return new ArticleException(key, line, ArticleException.Problem.BAD_FIELD, reason);
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The stylesheet as a browser's tokenizer reads it (CSS Syntax 3, section 4): comments outside strings gone, escapes
     * decoded, each character with the line it came from.
     */
    private record Tokens(String text, int[] lines) {

        static Tokens of(String css) {
            StringBuilder out = new StringBuilder(css.length());
            int[] lines = new int[css.length() + 1];  // decoding only ever shortens the text
            int line = 1;
            char quote = 0;
            for (int i = 0; i < css.length(); ) {
                char c = css.charAt(i);
                int from = out.length();
                if (quote == 0 && css.startsWith("/*", i)) {
                    int end = css.indexOf("*/", i + 2);
                    end = end < 0 ? css.length() : end + 2;
                    out.append(' ');
                    Arrays.fill(lines, from, out.length(), line);
                    line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                    i = end;
                    continue;
                }
                if (c == '\\' && i + 1 < css.length()) {
                    int next = i + 1;
                    int hexEnd = next;
                    while (hexEnd < css.length() && hexEnd - next < 6 && Character.digit(css.charAt(hexEnd), 16) >= 0) {
                        hexEnd++;
                    }
                    if (css.charAt(next) == '\n') {
                        i = next + 1;  // a line continuation in a string; outside one, a stray backslash and a newline
                    } else if (hexEnd > next) {
                        int codePoint = Integer.parseInt(css.substring(next, hexEnd), 16);
                        out.appendCodePoint(codePoint == 0 || codePoint > Character.MAX_CODE_POINT ? 0xFFFD : codePoint);
                        i = hexEnd < css.length() && Character.isWhitespace(css.charAt(hexEnd)) ? hexEnd + 1 : hexEnd;
                    } else {
                        out.append(css.charAt(next));
                        i = next + 1;
                    }
                    Arrays.fill(lines, from, out.length(), line);
                    line += css.charAt(i - 1) == '\n' ? 1 : 0;
                    continue;
                }
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == quote || c == '\n') {
                    quote = 0;  // a newline ends a string that was never closed, as in a browser
                }
                lines[from] = line;
                out.append(c);
                line += c == '\n' ? 1 : 0;
                i++;
            }
            return new Tokens(out.toString(), lines);
        }
    }
}
