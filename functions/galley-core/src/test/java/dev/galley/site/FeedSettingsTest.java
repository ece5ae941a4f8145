package dev.galley.site;

import dev.galley.article.ArticleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code feed:} in site.yaml: how many articles the site's feeds carry, and whether whole or as summaries. */
class FeedSettingsTest {

    private static SiteConfig parse(String feedLine) throws ArticleException {
        String yaml = "title: Field Notes\nbaseUrl: https://example.com/\n" + feedLine + "\n";
        return SiteConfig.parse("site.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                  | 20 | true",
            "'feed: {entries: 10}'               | 10 | true",
            "'feed: {content: summary}'          | 20 | false",
            "'feed: {entries: 5, content: Summary}' | 5 | false",
            "'feed: {content: full, entries: 1000}' | 1000 | true",
            "'feed:'                             | 20 | true"})
    void feedSaysHowManyArticlesTheSiteFeedsCarryAndWhetherWhole(String line, int entries, boolean whole) throws ArticleException {
        assertEquals(new FeedSettings(entries, whole), parse(line).feed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'feed: {entries: 0}'          | entries \"0\" must be a whole number between 1 and 1000",
            "'feed: {entries: ten}'        | entries \"ten\" must be a whole number",
            "'feed: {entries: 2.5}'        | entries \"2.5\" must be a whole number",
            "'feed: {content: excerpt}'    | content \"excerpt\" must be full (whole articles) or summary",
            "'feed: {limit: 10}'           | feed must be like {entries: 20, content: full}",
            "'feed: [10, summary]'         | feed must be like {entries: 20, content: full}"})
    void aFeedSettingItCannotFollowIsRefusedNamingTheLineAndWhy(String line, String reason) {
        ArticleException refused = assertThrows(ArticleException.class, () -> parse(line));
        assertEquals("site.yaml", refused.file());
        assertEquals(3, refused.line());
        assertTrue(refused.reason().contains(reason), refused.reason());
    }
}
