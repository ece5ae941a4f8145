package dev.galley.article.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.galley.article.ArticleException;
import dev.galley.tree.Tree;
import dev.galley.tree.TreeReader;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML mappings read into a {@link Tree} by jackson-dataformat-yaml's streaming parser (over snakeyaml), with errors that
 * point at the author's line. No databind: its mapper was some 300 classes on every cold start.
 */
public final class Yaml {

    private static final YAMLFactory YAML = buildFactory();

    private Yaml() {
    }

    private static YAMLFactory buildFactory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);      // no "billion laughs"
        limits.setNestingDepthLimit(20);
        limits.setCodePointLimit(256 * 1024);
        return YAMLFactory.builder().loaderOptions(limits).build();
    }

    /**
     * Parses the YAML mapping of an article's front matter.
     *
     * @param lineOffset how many lines of the file come before the YAML text, so errors name the file's line
     */
    public static Tree parseMapping(String file, int lineOffset, String yaml) throws ArticleException {
        return parseMapping(file, lineOffset, yaml, "front matter");
    }

    /** Parses a file that is a YAML mapping as a whole, such as site.yaml. */
    public static Tree parseFile(String file, String yaml) throws ArticleException {
        return parseMapping(file, 0, yaml, file);
    }

    private static Tree parseMapping(String file, int lineOffset, String yaml, String what) throws ArticleException {
        Tree node;
        try (JsonParser parser = YAML.createParser(yaml)) {
            node = TreeReader.read(parser);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            int line = where == null || where.getLineNr() < 1 ? 0 : where.getLineNr() + lineOffset;
            throw new ArticleException(file, line, ArticleException.Problem.BAD_YAML,
                    what + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a String has no I/O to fail
        }
        if (node.isMissingNode() || node.isNull()) {
            return Tree.emptyMapping();
        }
        if (!node.isObject()) {
            throw new ArticleException(file, lineOffset + 1, ArticleException.Problem.BAD_YAML,
                    what + " must be a list of \"key: value\" lines");
        }
        return node;
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
        try (JsonParser parser = YAML.createParser(yaml)) {
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
        try (JsonParser parser = YAML.createParser(yaml)) {
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
