package dev.galley.site;

import dev.galley.article.ArticleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site's permalink pattern is checked when site.yaml is read, so a bad one never half-renders a site. */
class PermalinkPatternTest {

    private static SiteConfig parse(String permalinkLine) throws ArticleException {
        String yaml = "title: Rust Blog\nbaseUrl: https://blog.rust-lang.org/\n" + permalinkLine + "\n";
        return SiteConfig.parse(SiteConfig.FILE_NAME, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            timezone: UTC                                        | /articles/:slug/
            permalink: /:year/:month/:day/:title.html            | /:year/:month/:day/:title.html
            permalink: /:section/:year/:month/:day/:title.html   | /:section/:year/:month/:day/:title.html
            permalink: /posts/:slug/                             | /posts/:slug/
            permalink: /:slug/                                   | /:slug/
            permalink: date                                      | /:year/:month/:day/:title.html
            permalink: pretty                                    | /:year/:month/:day/:title/
            permalink: none                                      | /:title.html
            """)
    void aGoodPatternIsKept(String line, String pattern) throws ArticleException {
        assertEquals(pattern, parse(line).permalink().pattern());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            permalink: :year/:slug/                   | must start with /
            permalink: /:year/:slug                   | must end with / or .html
            permalink: /:year/:month/                 | needs :slug, :title or :filename
            permalink: /:categories/:year/:title.html | :categories is not supported
            permalink: /:year/:monthname/:slug/       | :monthname is not a placeholder Galley knows
            permalink: /tags/:slug/                   | /tags/ holds Galley's own files
            permalink: /_galley/:slug/                | /_galley/ holds Galley's own files
            permalink: /media/:slug/                  | /media/ holds Galley's own files
            permalink: /blog//:slug/                  | must not hold //
            permalink: /../:slug/                     | may hold only letters
            permalink: /blog?x=:slug/                 | may hold only letters
            permalink: [/:slug/]                      | not a list or mapping
            """)
    void aBadPatternIsASiteYamlErrorWithItsLine(String line, String reason) {
        ArticleException e = assertThrows(ArticleException.class, () -> parse(line));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("site.yaml:3: permalink "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
