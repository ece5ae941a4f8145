package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Front matter and file names as Jekyll and Hugo blogs have them, published as their authors meant. */
class MigratedFrontMatterTest {

    private final ArticleParser parser = new ArticleParser(new SiteConfig("Blog", "", "", java.net.URI.create("https://example.com/"),
            "", "en", ZoneId.of("Europe/Berlin"), 220, 10));

    private Article parse(String key, String text) throws ArticleException {
        return parser.parse(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJekyllFileNameGivesTheDateWhenTheFrontMatterHasNone() throws ArticleException {
        // As blog.rust-lang.org names its posts: no date: key at all.
        Article article = parse("posts/2023-06-01-Rust-1.70.0.md", """
                ---
                layout: post
                title: "Announcing Rust 1.70.0"
                author: The Rust Release Team
                release: true
                ---

                The Rust team is happy to announce a new version of Rust, 1.70.0.
                """);
        assertEquals(LocalDate.of(2023, 6, 1), article.summary().date().toLocalDate());
        assertEquals(ZoneId.of("Europe/Berlin").getRules().getOffset(article.summary().date().toInstant()), article.summary().date().getOffset(),
                "the day starts in the site's time zone");
        assertEquals("rust-1-70-0", article.slug());
    }

    @Test
    void theFrontMattersDateWinsOverTheFileName() throws ArticleException {
        Article article = parse("_posts/2010-07-21-name.markdown", "---\ntitle: T\ndate: 2010-07-22 09:00:00 +0200\n---\nBody.\n");
        assertEquals(LocalDate.of(2010, 7, 22), article.summary().date().toLocalDate());
    }

    @Test
    void noDateAnywhereIsAnErrorThatSaysBothWays() {
        ArticleException e = assertThrows(ArticleException.class, () -> parse("posts/kubecon-eu.md", "---\ntitle: T\n---\nBody.\n"));
        assertTrue(e.getMessage().contains("add a line like date: 2026-03-10, or name the file like 2026-03-10-my-article.md"), e.getMessage());
    }

    @Test
    void aFileNameThatStartsWithAnImpossibleDayIsNoDate() {
        assertThrows(ArticleException.class, () -> parse("posts/2023-13-45-x.md", "---\ntitle: T\n---\nBody.\n"));
    }

    @Test
    void blankLinesBeforeTheFrontMatterAreAllowedAsHugoAllowsThemAndLinesStayRight() throws ArticleException {
        // 137 of the 171 posts of Hugo's news section start with a blank line.
        Article article = parse("news/0.26-relnotes/index.md", "\n\n---\ntitle: Hugo 0.26\ndate: 2017-08-07\n---\nBody.\n");
        assertEquals("Hugo 0.26", article.summary().title());
        ArticleException e = assertThrows(ArticleException.class,
                () -> parse("news/x/index.md", "\n---\ntitle: T\ndate: someday\n---\nBody.\n"));
        assertEquals(4, e.line(), "the line in the file, blank lines counted");
    }

    @Test
    void jekyllDateTimesWithAOneDigitHourAreDates() throws ArticleException {
        Article article = parse("news/_posts/2013-11-22-heap-overflow.md", "---\ntitle: T\ndate: 2013-11-22 5:00:00 +0000\n---\nBody.\n");
        assertEquals(5, article.summary().date().getHour());
    }

    @Test
    void aWarningIsOneLineEvenWhenTheTagItQuotesSpansTwo() {
        ArticleWarning warning = new ArticleWarning("a.md", 3, "unknown-template-tag", "the Hugo shortcode {{< gh\n  \"@spf13\" >}} is not supported");
        assertEquals("the Hugo shortcode {{< gh \"@spf13\" >}} is not supported", warning.reason());
    }

    @Test
    void anEveningPostIsShownOnTheDayItsAuthorWroteIt() throws ArticleException {
        // The site is in Berlin; the author wrote at 22:30 in New York, which is the next morning in Berlin.
        Article article = parse("a.md", "---\ntitle: T\ndate: 2026-03-10T22:30:00-05:00\n---\nBody.\n");
        assertEquals("10 March 2026", dev.galley.site.InterfaceText.of("en").fullDate(article.summary().date()));
        assertEquals("2026-03-10", dev.galley.render.Format.isoDate(article.summary().date()));
        assertEquals("March 2026", dev.galley.site.InterfaceText.of("en").monthYear(article.summary().date()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            updated          | 2024-02-01
            lastmod          | 2024-02-01
            last_modified_at | 2024-02-01 10:00:00 +0100
            """)
    void theDateOfTheLastChangeComesFromGalleysHugosOrJekyllsKey(String key, String value) throws ArticleException {
        Article article = parse("a.md", "---\ntitle: T\ndate: 2024-01-01\n" + key + ": " + value + "\n---\nBody.\n");
        assertEquals(LocalDate.of(2024, 2, 1), article.summary().updated().toLocalDate());
    }

    @Test
    void jekyllsExcerptIsTheSummaryWhenThereIsNoSummary() throws ArticleException {
        Article excerpt = parse("a.md", "---\ntitle: T\ndate: 2024-01-01\nexcerpt: What this post is about.\n---\nFirst paragraph.\n");
        assertEquals(List.of("What this post is about."), excerpt.summary().summary());
        Article both = parse("a.md", "---\ntitle: T\ndate: 2024-01-01\nsummary: The summary.\nexcerpt: The excerpt.\n---\nFirst.\n");
        assertEquals(List.of("The summary."), both.summary().summary());
    }

    @Test
    void aCrossPostsCanonicalUrlIsTheCanonicalLinkOfItsPage() throws ArticleException {
        for (String key : List.of("canonical_url", "canonicalURL")) {
            Article article = parse("a.md", "---\ntitle: T\ndate: 2024-01-01\n" + key + ": https://dev.to/jane/original-post\n---\nBody.\n");
            String html = new String(new dev.galley.render.SiteRenderer(SiteConfig.defaults())
                    .article(article, dev.galley.site.SiteIndex.Neighbours.NONE).bytes(), StandardCharsets.UTF_8);
            assertTrue(html.contains("<link rel=\"canonical\" href=\"https://dev.to/jane/original-post\">"), key);
        }
        ArticleException e = assertThrows(ArticleException.class,
                () -> parse("a.md", "---\ntitle: T\ndate: 2024-01-01\ncanonical_url: javascript:alert(1)\n---\nBody.\n"));
        assertEquals(4, e.line());
    }

    @Test
    void keysGalleyHonoursAndKeysThatChangeNothingForReadersGiveNoWarning() throws ArticleException {
        Article article = parse("news/0.20-relnotes/index.md", """
                ---
                title: "Hugo 0.20"
                date: 2017-04-10
                aliases: [/0-20/]
                layout: news
                publishDate: 2017-04-12
                ---
                Body.
                """);
        assertEquals(List.of(), article.warnings(), "aliases and publishDate are honoured, layout changes nothing a reader sees");
    }

    @Test
    void jekyllsPublishedFalseKeepsThePostBackAsADraft() throws ArticleException {
        assertTrue(parse("_posts/2024-01-01-x.md", "---\ntitle: T\npublished: false\n---\nBody.\n").draft());
        assertFalse(parse("_posts/2024-01-01-x.md", "---\ntitle: T\npublished: true\n---\nBody.\n").draft());
        assertEquals(3, assertThrows(ArticleException.class,
                () -> parse("_posts/2024-01-01-x.md", "---\ntitle: T\npublished: someday\n---\nBody.\n")).line());
    }

    @Test
    void hugosPublishDateAndExpiryDateBoundWhenTheArticleIsOnTheSite() throws ArticleException {
        Article article = parse("content/news/0.20-relnotes/index.md", """
                ---
                title: "Hugo 0.20"
                date: 2017-04-10
                publishDate: 2017-04-12T09:00:00+02:00
                expiryDate: 2017-05-01
                ---
                Body.
                """);
        assertEquals(new PublishWindow(java.time.OffsetDateTime.parse("2017-04-12T09:00:00+02:00"), "publishDate",
                java.time.OffsetDateTime.parse("2017-05-01T00:00:00+02:00")), article.window(), "a bare day is midnight in the site's zone");
        assertEquals(LocalDate.of(2017, 4, 10), article.summary().date().toLocalDate(), "the page still shows the date");
        assertEquals(List.of(), article.warnings());

        Article dated = parse("a.md", "---\ntitle: T\ndate: 2030-01-01T10:00:00Z\n---\nBody.\n");
        assertEquals(PublishWindow.from(dated.summary().date()), dated.window(), "without publishDate, the date is the publish time");

        ArticleException e = assertThrows(ArticleException.class,
                () -> parse("a.md", "---\ntitle: T\ndate: 2024-01-01\nexpiryDate: next week\n---\nBody.\n"));
        assertEquals(4, e.line());
    }

    @Test
    void categoriesOfJekyllAndHugoBecomeTagsAfterTheTags() throws ArticleException {
        Article jekyll = parse("_posts/2016-07-26-release.markdown", """
                ---
                title: "Jekyll 3.2.0 Released"
                categories: [release]
                tags: [jekyll]
                ---
                Body.
                """);
        assertEquals(List.of("jekyll", "release"), jekyll.summary().tags());
        Article single = parse("a.md", "---\ntitle: T\ndate: 2020-01-01\ncategory: Announcements\n---\nBody.\n");
        assertEquals(List.of("Announcements"), single.summary().tags());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            C++          | c-plus-plus
            C#           | c-sharp
            F#           | f-sharp
            C            | c
            .NET         | dotnet
            Node.js      | node-js
            Google+      | google-plus
            #rust        | rust
            CI/CD        | ci-cd
            """)
    void tagsThatTellLanguagesApartGetPagesOfTheirOwn(String tag, String slug) {
        assertEquals(slug, Slugs.ofTag(tag));
    }

    @Test
    void threeLanguagesInOneArticleKeepThreeTags() throws ArticleException {
        Article article = parse("a.md", "---\ntitle: T\ndate: 2020-01-01\ntags: [C++, C#, c]\n---\nBody.\n");
        assertEquals(List.of("C++", "C#", "c"), article.summary().tags());
        assertEquals(List.of(), article.warnings());
    }

    @Test
    void twoTagsThatStillShareAPageAreAWarningNotASilentDrop() throws ArticleException {
        Article article = parse("a.md", "---\ntitle: T\ndate: 2020-01-01\ntags: [CI/CD, CI CD, devops, DevOps]\n---\nBody.\n");
        assertEquals(List.of("CI/CD", "devops"), article.summary().tags());
        assertEquals(1, article.warnings().size(), "devops and DevOps are one tag, as documented: no warning");
        ArticleWarning warning = article.warnings().get(0);
        assertEquals(4, warning.line());
        assertEquals("tag-collision", warning.kind());
        assertTrue(warning.reason().contains("\"CI/CD\" and \"CI CD\" share the page /tags/ci-cd/"), warning.reason());
    }
}
