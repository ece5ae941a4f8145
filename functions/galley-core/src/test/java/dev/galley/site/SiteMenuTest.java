package dev.galley.site;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml's menu: and footer: as an owner writes them, and what a bad entry costs (only itself). */
class SiteMenuTest {

    private static SiteConfig parse(String yaml) throws ArticleException {
        return SiteConfig.parse(SiteConfig.FILE_NAME, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMenuListsPagesTagsTheFeedAndOtherSites() throws ArticleException {
        SiteConfig site = parse("""
                title: technical writing
                menu:
                  - title: About
                    url: /about/
                  - {title: Rust, url: /tags/rust/}
                  - title: Feed
                    url: /feed.xml
                  - title: GitHub
                    url: https://github.com/mara
                """);
        assertEquals(List.of(new MenuItem("About", "/about/"), new MenuItem("Rust", "/tags/rust/"), new MenuItem("Feed", "/feed.xml"),
                new MenuItem("GitHub", "https://github.com/mara")), site.menu());
        assertEquals(List.of(), site.warnings());
    }

    @Test
    void withoutAMenuTheHeaderLinksTheTags() throws ArticleException {
        assertEquals(List.of(new MenuItem("Tags", "/tags/")), parse("title: Blog\n").menu());
        assertEquals(List.of(new MenuItem("Tags", "/tags/")), SiteConfig.defaults().menu());
    }

    @Test
    void aBadEntryIsAWarningWithItsLineAndTheRestOfTheMenuStays() throws ArticleException {
        SiteConfig site = parse("""
                title: Blog
                menu:
                  - title: About
                    url: /about/
                  - title: Evil
                    url: javascript:alert(1)
                  - url: /no-title/
                  - title: Now
                    url: /now/
                """);
        assertEquals(List.of(new MenuItem("About", "/about/"), new MenuItem("Now", "/now/")), site.menu());
        List<ArticleWarning> warnings = site.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals("site.yaml", warnings.get(0).file());
        assertEquals(5, warnings.get(0).line());
        assertTrue(warnings.get(0).reason().contains("javascript:alert(1)"), warnings.get(0).reason());
        assertEquals(7, warnings.get(1).line());
        assertTrue(warnings.get(1).reason().contains("no title"), warnings.get(1).reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            about/                    | must start with /
            //evil.example/           | must start with /
            data:text/html,hi         | https:// URL
            mailto:me@example.com     | https:// URL
            'https://exa mple.com/'   | is not a URL
            """)
    void aMenuLinksOnlyToThisSiteOrToTheWeb(String url, String reason) throws ArticleException {
        SiteConfig site = parse("menu:\n  - title: X\n    url: '" + url + "'\n");
        assertEquals(List.of(), site.menu());
        assertEquals(1, site.warnings().size());
        assertEquals(2, site.warnings().get(0).line());
        assertTrue(site.warnings().get(0).reason().contains(reason), site.warnings().get(0).reason());
    }

    @Test
    void aMenuThatIsNoListIsOneWarningOnItsLine() throws ArticleException {
        SiteConfig site = parse("title: Blog\nmenu: /about/\n");
        assertEquals(List.of(), site.menu());
        assertEquals(2, site.warnings().get(0).line());
    }

    @Test
    void theFooterIsMarkdownWithLinksAndEmphasis() throws ArticleException {
        SiteConfig site = parse("""
                footer: "© 2026 Mara Lindqvist · *Opinions are my own* · [Imprint](/imprint/)"
                """);
        String html = site.footerHtml();
        // links get the rel of an article's links, whatever that policy is
        assertTrue(html.matches("<p>© 2026 Mara Lindqvist · <em>Opinions are my own</em> · <a [^>]*href=\"/imprint/\">Imprint</a></p>"), html);
    }

    @Test
    void theFooterIsSanitisedAsAnArticleBodyIs() throws ArticleException {
        SiteConfig site = parse("""
                footer: |
                  Hi <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>
                """);
        String html = site.footerHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onerror"), html);
        assertTrue(html.contains("click"), html);
    }
}
