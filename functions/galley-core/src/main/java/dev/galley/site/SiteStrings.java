package dev.galley.site;

import dev.galley.article.ArticleWarning;
import dev.galley.tree.Tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code site.yaml}'s {@code strings:}, the owner's own words for Galley's interface ({@code {home: Start}}).
 * A text Galley cannot use is a warning naming its line, and the page keeps the language's own text there.
 */
final class SiteStrings {

    static final String WARNING_KIND = "interface-text-ignored";

    private SiteStrings() {
    }

    /**
     * @param lines the line of each key of the mapping, as {@code Yaml.linesOfFields} finds them
     * @param line  the line of the {@code strings:} key
     */
    static Map<String, String> read(String file, Tree strings, int line, Map<String, Integer> lines, List<ArticleWarning> warnings) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!strings.isObject()) {
            warnings.add(new ArticleWarning(file, line, WARNING_KIND,
                    "strings must be a mapping of keys to texts, like strings: {home: Start}; the site shows its language's own texts"));
            return texts;
        }
        strings.fields().entrySet().forEach(field -> {
            int at = lines.getOrDefault(field.getKey(), line);
            Tree value = field.getValue();
            String problem = !value.isValueNode() || value.isNull()
                    ? field.getKey() + " must be a text, like " + field.getKey() + ": \"...\""
                    : InterfaceText.problem(field.getKey(), value.asText());
            if (problem != null) {
                warnings.add(new ArticleWarning(file, at, WARNING_KIND, "strings: " + problem
                        + "; the site shows its language's own text there (the keys are listed in the README, under Language)"));
            } else {
                texts.put(field.getKey(), value.asText());
            }
        });
        return texts;
    }
}
