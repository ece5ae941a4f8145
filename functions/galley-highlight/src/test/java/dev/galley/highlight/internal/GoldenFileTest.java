package dev.galley.highlight.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file {@code golden/<language>[.<variant>].<ext>} is highlighted as {@code <language>} and compared with
 * {@code <file>.html} beside it. After a deliberate change to a lexer, regenerate the expected files with
 * <pre>mvn -pl functions/galley-highlight test -Dtest=GoldenFileTest -Dgolden.update=true</pre>
 * and read the diff before committing it: a golden that encodes a wrong tokenization is worse than none.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(file -> !isExpectedOutput(file.getFileName().toString())).sorted().toList();
        }
    }

    /** {@code x.sql.html} is an expected output; {@code html.html}, with a single dot, is an input. */
    private static boolean isExpectedOutput(String name) {
        return name.endsWith(".html") && name.indexOf('.') < name.length() - ".html".length();
    }

    private static String language(Path input) {
        String name = input.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void highlightingMatchesTheGoldenFile(Path input) throws IOException {
        String code = Files.readString(input, StandardCharsets.UTF_8);
        String html = Highlight.html(language(input), code);
        Path expected = input.resolveSibling(input.getFileName() + ".html");
        if (UPDATE) {
            Files.writeString(expected, html, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expected), () -> expected + " is missing: run with -Dgolden.update=true and check it");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), html, input.toString());
    }

    @Test
    void everyLanguageHasAGoldenFile() throws IOException {
        Set<Language> covered = inputs().stream().map(GoldenFileTest::language).map(Languages::find)
                .peek(language -> assertNotNull(language, "a golden file names no known language"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Language.class)));
        assertEquals(EnumSet.allOf(Language.class), covered);
    }
}
