package dev.galley.article.internal.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One template tag as written: {@code {% name args %}}, {@code {{ expression }}}, {@code {{< name args >}}} or
 * {@code {{% name args %}}}, at {@code [start, end)} of the body.
 *
 * @param name       the tag's name ({@code /name} for a Hugo closing tag); for {@link Syntax#LIQUID_OUTPUT} and
 *                   {@link Syntax#HUGO_ESCAPED}, empty
 * @param inner      what stands between the delimiters, trimmed
 * @param positional the unnamed arguments, unquoted
 * @param named      the {@code key=value} arguments, unquoted
 */
record Tag(Syntax syntax, String name, String inner, List<String> positional, Map<String, String> named,
           int start, int end) {

    enum Syntax {
        LIQUID("{%", "%}"),
        LIQUID_OUTPUT("{{", "}}"),
        HUGO("{{<", ">}}"),
        HUGO_MARKDOWN("{{%", "%}}"),
        /** Hugo's way to print a shortcode as text: the name wrapped in a comment inside the delimiters. */
        HUGO_ESCAPED("{{</*", "*/>}}"),
        HUGO_MARKDOWN_ESCAPED("{{%/*", "*/%}}");

        final String open;
        final String close;

        Syntax(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    /** The first positional argument, else the named one, else "". */
    String argument(int index, String name) {
        if (positional.size() > index) {
            return positional.get(index);
        }
        return named.getOrDefault(name, "");
    }

    boolean isClosing() {
        return name.startsWith("/");
    }

    /** The tag as the author wrote it, shortened for a message. */
    String shown() {
        String text = syntax.open + " " + inner + " " + syntax.close;
        return text.length() <= 80 ? text : text.substring(0, 60) + "… " + syntax.close;
    }

    /**
     * Splits {@code name arg "quoted arg" key=value key="quoted value"}; returns null when the name is not a
     * name, which makes the text no tag at all.
     */
    static Tag parse(Syntax syntax, String inner, int start, int end) {
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        int i = 0;
        String name = null;
        while (i < inner.length()) {
            char c = inner.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int tokenStart = i;
            String key = null;
            if (!isQuote(c)) {
                while (i < inner.length() && !Character.isWhitespace(inner.charAt(i)) && inner.charAt(i) != '=') {
                    i++;
                }
                if (i < inner.length() && inner.charAt(i) == '=' && i > tokenStart) {
                    key = inner.substring(tokenStart, i);
                    i++;
                    tokenStart = i;
                } else {
                    i = tokenStart;
                }
            }
            String value;
            if (i < inner.length() && isQuote(inner.charAt(i))) {
                char quote = inner.charAt(i);
                StringBuilder quoted = new StringBuilder();
                for (i++; i < inner.length() && inner.charAt(i) != quote; i++) {
                    // Go's "..." strings, which Hugo's arguments are, escape with a backslash
                    if (quote == '"' && inner.charAt(i) == '\\' && i + 1 < inner.length()) {
                        i++;
                    }
                    quoted.append(inner.charAt(i));
                }
                value = quoted.toString();
                i++;
            } else {
                while (i < inner.length() && !Character.isWhitespace(inner.charAt(i))) {
                    i++;
                }
                value = inner.substring(tokenStart, i);
            }
            if (name == null) {
                if (key != null || !isName(value)) {
                    return null;
                }
                name = value;
            } else if (key != null) {
                named.put(key, value);
            } else {
                positional.add(value);
            }
        }
        return name == null ? null : new Tag(syntax, name, inner, List.copyOf(positional), Map.copyOf(named), start, end);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isName(String text) {
        int from = text.startsWith("/") ? 1 : 0;
        if (text.length() == from || !(Character.isLetter(text.charAt(from)) || text.charAt(from) == '_')) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
