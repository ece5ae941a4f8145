package dev.galley.article.internal.templates;

import dev.galley.site.Permalink;
import dev.galley.site.SiteConfig;
import dev.galley.tree.Tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The values {@code {{ site.X }}}, {@code {{ page.X }}} and {@code {{% param X %}}} stand for: the site's
 * settings, and the article's front matter (every key, also those Galley does not use) plus its URL and slug.
 */
public final class Variables {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][\\w-]*(?:\\.[\\w-]+)*");

    private final SiteConfig site;
    private final Tree frontMatter;
    private final String slug;
    private final String url;

    /** @param url the article's root-relative URL, {@code /articles/x/} */
    public Variables(SiteConfig site, Tree frontMatter, String slug, String url) {
        this.site = site;
        this.frontMatter = frontMatter;
        this.slug = slug;
        this.url = url;
    }

    /** Where the site's other articles live, for links to them by file name. */
    Permalink permalink() {
        return site.permalink();
    }

    /** The hosts the site lets its pages frame, as {@code embedHosts} in site.yaml lists them. */
    java.util.List<String> embedHosts() {
        return site.embedHosts();
    }

    /** What a player without a title of its author's is called, in the site's language: "YouTube video". */
    String videoTitle(String service) {
        return site.text().format("videoTitle", service);
    }

    /** The outcome of a Liquid output tag. */
    sealed interface Output {
    }

    record Value(String text) implements Output {
    }

    /** A variable with no value here, such as {@code site.github} or {@code paginator.page}. */
    record Unknown(String variable) implements Output {
    }

    /** Not Liquid at all ({@code {{ .Title }}}, {@code {{ 1 + 1 }}}): left as the author wrote it. */
    record NotLiquid() implements Output {
    }

    /**
     * Evaluates {@code site.title}, {@code page.x.y} or {@code "literal"}, then its filters. Jekyll's URL filters
     * are honoured ({@code relative_url} leaves a path as it is, since the site lives at the root of its
     * domain); {@code default}, case and whitespace filters too; any other filter is ignored, the value
     * passing through.
     */
    Output liquid(String expression) {
        List<String> parts = splitFilters(expression);
        String head = parts.get(0).strip();
        if (!isLiteral(head) && !VARIABLE.matcher(head).matches()) {
            return new NotLiquid();
        }
        String value = operand(head);
        for (String filter : parts.subList(1, parts.size())) {
            String[] nameAndArgument = filter.strip().split(":", 2);
            String name = nameAndArgument[0].strip();
            if (name.equals("default")) {
                // Liquid's default: the argument when the value is missing or empty
                if ((value == null || value.isEmpty()) && nameAndArgument.length == 2) {
                    value = operand(nameAndArgument[1].strip());
                }
            } else if (value != null) {
                value = filter(name, value);
            }
        }
        return value == null ? new Unknown(head) : new Value(value);
    }

    /** A quoted literal's text, a variable's value, or null. */
    private String operand(String text) {
        return isLiteral(text) ? text.substring(1, text.length() - 1) : lookup(text);
    }

    private static boolean isLiteral(String text) {
        return text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0);
    }

    /** Hugo's {@code param}: the page's key, else the site's; null when neither has it. */
    String param(String name) {
        String value = lookup("page." + name);
        if (value == null) {
            value = lookup("page." + name.toLowerCase(Locale.ROOT));
        }
        return value != null ? value : lookup("site." + name);
    }

    private String lookup(String variable) {
        if (variable.startsWith("site.")) {
            return siteValue(variable.substring("site.".length()));
        }
        if (variable.startsWith("page.")) {
            return pageValue(variable.substring("page.".length()));
        }
        return null;
    }

    private String siteValue(String key) {
        String base = site.baseUrl().toString();
        return switch (key) {
            case "title" -> site.title();
            case "tagline" -> site.tagline();
            case "description" -> site.description();
            case "author" -> site.author();
            case "language", "lang" -> site.language();
            case "baseUrl" -> base;
            case "url" -> base.substring(0, base.length() - 1);  // Jekyll's site.url has no final slash
            case "baseurl" -> "";  // Jekyll's path prefix: Galley sites live at the root of their domain
            default -> null;
        };
    }

    private String pageValue(String key) {
        switch (key) {
            case "url", "permalink" -> {
                return url;
            }
            case "slug" -> {
                return slug;
            }
            default -> {
                Tree node = frontMatter;
                for (String segment : key.split("\\.")) {
                    node = node.get(segment);
                    if (node == null) {
                        return null;
                    }
                }
                return text(node);
            }
        }
    }

    /** A scalar as text, a list of scalars joined with commas; null for a mapping. */
    private static String text(Tree node) {
        if (node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (Tree item : node) {
                if (!item.isValueNode()) {
                    return null;
                }
                items.add(item.asText());
            }
            return String.join(", ", items);
        }
        return null;
    }

    private String filter(String name, String value) {
        return switch (name) {
            case "absolute_url" -> {
                String base = site.baseUrl().toString();
                yield value.startsWith("/") ? base + value.substring(1) : value.contains(":") ? value : base + value;
            }
            case "downcase" -> value.toLowerCase(Locale.ROOT);
            case "upcase" -> value.toUpperCase(Locale.ROOT);
            case "strip" -> value.strip();
            default -> value;  // relative_url, xml_escape, escape (the value is escaped anyway), and the rest
        };
    }

    private static List<String> splitFilters(String expression) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int from = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|') {
                parts.add(expression.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(expression.substring(from));
        return parts;
    }
}
