package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.site.InterfaceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page of a German site at work in headless Chromium (the sample site with {@code language: de}): the
 * script's messages, plural forms and dates are the page's own, under the CDN's Content-Security-Policy. One width;
 * {@link SearchBrowserTest} covers layout, keyboard and accessibility. Skipped, with a notice, where there is no Chromium.
 */
class SearchLanguageBrowserTest {

    @TempDir
    static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void searchAGermanSite() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        Path content = dir.resolve("content");
        SearchBrowserTest.copy(Path.of("..", "..", "content"), content);
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml).replace("language: en", "language: de"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            report = chromium.run("search.mjs", "search-de", Map.of(
                    "base", preview.site.url().toString(),
                    "widths", List.of(390),
                    "screenshots", HeadlessChromium.SCREENSHOTS.resolve("de").toAbsolutePath().toString(),
                    "query", "Zero DOWNTIME",
                    "prefill", "a",
                    "xssQuery", "Kartoffelsalat",
                    "csp", SearchBrowserTest.cdnContentSecurityPolicy()), dir);
        }
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    private static JsonNode at390() {
        return report.get("widths").get(0);
    }

    @Test
    void oneMatchIsAnnouncedInTheSingularWithTheServersMonth() {
        JsonNode typed = at390().get("typed");
        assertEquals("1 Artikel passt zu \u201eZero DOWNTIME\u201c.", typed.get("status").asText());
        String march = InterfaceText.of("de").monthYear(OffsetDateTime.of(2026, 3, 10, 0, 0, 0, 0, ZoneOffset.UTC));
        assertEquals(march, typed.at("/results/0/date").asText(), "the browser's month is the one the server writes");
    }

    @Test
    void manyMatchesAreAnnouncedInThePlural() {
        JsonNode prefilled = at390().get("prefilled");
        int found = prefilled.get("results").size();
        assertTrue(found > 1, prefilled.toString());
        assertEquals(found + " Artikel passen zu \u201ea\u201c.", prefilled.get("status").asText());
    }

    @Test
    void noMatchSaysSoInGerman() {
        assertEquals("Kein Artikel passt zu \u201eKartoffelsalat\u201c.", at390().at("/xss/status").asText());
    }

    @Test
    void withoutJavaScriptThePageSaysSoInGermanAndLinksToTheTags() {
        JsonNode message = at390().get("noScript");
        assertTrue(message.get("text").asText().startsWith("Die Suche läuft in Ihrem Browser"), message.toString());
        assertEquals(List.of("/tags/"), StreamSupport.stream(message.get("links").spliterator(), false).map(JsonNode::asText).toList());
        assertEquals("Zum Inhalt springen", at390().at("/tabStops/0/text").asText());
    }

    @Test
    void theScriptRunsUnderThePolicyWithoutErrors() {
        for (String seen : List.of("typedSeen", "prefilledSeen", "xssSeen")) {
            assertEquals(List.of(), StreamSupport.stream(at390().at("/" + seen + "/pageErrors").spliterator(), false).toList(), seen);
        }
    }
}
