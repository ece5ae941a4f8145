package dev.galley.article.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.galley.article.ArticleException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** YAML mappings parsed with Jackson, with errors that point at the author's line. */
public final class Yaml {

    private static final YAMLMapper MAPPER = buildMapper();

    private Yaml() {
    }

    private static YAMLMapper buildMapper() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);      // no "billion laughs"
        limits.setNestingDepthLimit(20);
        limits.setCodePointLimit(256 * 1024);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(limits).build());
    }

    /**
     * Parses the YAML mapping of an article's front matter.
     *
     * @param lineOffset how many lines of the file come before the YAML text, so errors name the file's line
     */
    public static ObjectNode parseMapping(String file, int lineOffset, String yaml) throws ArticleException {
        return parseMapping(file, lineOffset, yaml, "front matter");
    }

    /** Parses a file that is a YAML mapping as a whole, such as site.yaml. */
    public static ObjectNode parseFile(String file, String yaml) throws ArticleException {
        return parseMapping(file, 0, yaml, file);
    }

    private static ObjectNode parseMapping(String file, int lineOffset, String yaml, String what) throws ArticleException {
        JsonNode node;
        try {
            node = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            int line = where == null || where.getLineNr() < 1 ? 0 : where.getLineNr() + lineOffset;
            throw new ArticleException(file, line, ArticleException.Problem.BAD_YAML,
                    what + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new ArticleException(file, lineOffset + 1, ArticleException.Problem.BAD_YAML,
                    what + " must be a list of \"key: value\" lines");
        }
        return (ObjectNode) node;
    }

    /** The 1-based file line on which a top-level key is written, or 0 when it is not found. */
    public static int lineOf(String yaml, String key, int lineOffset) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*:").matcher(yaml);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
            }
        }
        return line + lineOffset;
    }

    /** The 1-based line of each item of the list under a top-level key, in order; none when the key holds no list. */
    public static List<Integer> linesOfItems(String yaml, String key) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(key) && value == JsonToken.START_ARRAY) {
                    for (JsonToken item = parser.nextToken(); item != null && item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                        parser.skipChildren();
                    }
                    return lines;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // the file was parsed whole before: it is not reached
        }
        return lines;
    }

    /** The 1-based line of each key of the mapping under a top-level key, by key; none when the key holds no mapping. */
    public static Map<String, Integer> linesOfFields(String yaml, String key) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(key) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        lines.put(parser.currentName(), parser.currentTokenLocation().getLineNr());
                        parser.nextToken();
                        parser.skipChildren();
                    }
                    return lines;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // the file was parsed whole before: it is not reached
        }
        return lines;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
