package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser(SiteConfig.defaults());

    private Article parse(String key, String text) throws ArticleException {
        return parser.parse(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private ArticleException rejection(String key, String text) {
        return assertThrows(ArticleException.class, () -> parse(key, text));
    }

    @Test
    void mustReadEveryKnownFrontMatterKey() throws Exception {
        Article article = parse("posts/ignored-name.md", """
                ---
                title: Zero-downtime migrations
                date: 2026-03-10T09:30:00+01:00
                updated: 2026-03-12
                tags: [PostgreSQL, DevOps]
                summary: How to migrate without downtime.
                slug: zero-downtime
                featured: true
                description: A one-line description.
                author: Ada
                ---
                Body text.
                """);
        ArticleSummary s = article.summary();
        assertAll(
                () -> assertEquals("Zero-downtime migrations", s.title()),
                () -> assertEquals(OffsetDateTime.of(2026, 3, 10, 9, 30, 0, 0, ZoneOffset.ofHours(1)), s.date()),
                () -> assertEquals(OffsetDateTime.of(2026, 3, 12, 0, 0, 0, 0, ZoneOffset.UTC), s.updated()),
                () -> assertEquals(List.of("PostgreSQL", "DevOps"), s.tags()),
                () -> assertEquals(List.of("How to migrate without downtime."), s.summary()),
                () -> assertEquals("zero-downtime", s.slug()),
                () -> assertTrue(s.featured()),
                () -> assertFalse(article.draft()),
                () -> assertEquals("A one-line description.", s.description()),
                () -> assertEquals(List.of(new Author("Ada", null)), s.authors()));
    }

    @Test
    void authorMayBeAListOfNamesEachPlainOrAMarkdownLink() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                author:
                  - "[Jane Doe](https://jane.dev)"
                  - Roe, John
                ---
                """);
        assertEquals(List.of(new Author("Jane Doe", "https://jane.dev"), new Author("Roe, John", null)),
                article.summary().authors());
    }

    @Test
    void authorGivenAsAMappingIsRejectedWithItsLine() {
        ArticleException e = rejection("posts/a.md", """
                ---
                title: T
                date: 2026-01-01
                author:
                  name: Jane Doe
                ---
                """);
        assertTrue(e.getMessage().startsWith("posts/a.md:4: author must be a name"), e.getMessage());
    }

    @Test
    void mustKeepUnknownKeysWithoutComplaint() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                layout: post
                weight: 3
                ---
                """);
        assertEquals("post", article.extra().get("layout"));
        assertEquals(3, article.extra().get("weight"));
    }

    @Test
    void mustAcceptTagsAsCommaSeparatedTextAndMergeSpellingsOfOneTag() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                tags: "DevOps, Release Engineering , devops,,"
                ---
                """);
        assertEquals(List.of("DevOps", "Release Engineering"), article.summary().tags());
    }

    @Test
    void mustAcceptDatesAsHugoAndJekyllUsersWriteThem() throws Exception {
        String[] dates = {"2026-03-10", "2026-03-10T08:00:00Z", "2026-03-10 08:00:00 +0000", "2026-03-10 08:00:00", "2026-03-10T10:00:00+02:00"};
        for (String date : dates) {
            Article article = parse("a.md", "---\ntitle: T\ndate: " + date + "\n---\n");
            assertEquals(2026, article.summary().date().getYear(), date);
            assertEquals(10, article.summary().date().atZoneSameInstant(ZoneOffset.UTC).getDayOfMonth(), date);
        }
    }

    @Test
    void mustDefaultTheSummaryToTheFirstParagraphAsPlainText() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                # Heading

                The **first** paragraph with `code` and a [link](https://example.com).

                The second paragraph.
                """);
        assertEquals(List.of("The first paragraph with code and a link."), article.summary().summary());
    }

    @Test
    void mustSplitAMultiParagraphSummaryAtBlankLines() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                summary: |
                  One paragraph
                  continued.

                  Two.
                ---
                """);
        assertEquals(List.of("One paragraph continued.", "Two."), article.summary().summary());
    }

    @Test
    void mustDeriveTheSlugFromTheFileName() throws Exception {
        assertEquals("my-post", parse("posts/2026-03-10-My Post.md", "---\ntitle: T\ndate: 2026-01-01\n---\n").slug());
        assertEquals("cafe-creme", parse("Café Crème.md", "---\ntitle: T\ndate: 2026-01-01\n---\n").slug());
        assertEquals("bundle", parse("bundle/index.md", "---\ntitle: T\ndate: 2026-01-01\n---\n").slug());
    }

    @Test
    void mustRejectAnExplicitSlugThatIsNotLowercaseLettersDigitsAndHyphens() {
        for (String slug : List.of("../etc", "a/b", "%2e%2e", "Upper-Case", "emoji-😀", "double--hyphen", "-lead")) {
            ArticleException e = rejection("a.md", "---\ntitle: T\ndate: 2026-01-01\nslug: \"" + slug + "\"\n---\n");
            assertEquals(ArticleException.Problem.BAD_SLUG, e.problem(), slug);
            assertEquals(4, e.line(), slug);
            assertTrue(e.getMessage().contains("lowercase a-z, 0-9"), e.getMessage());
        }
    }

    @Test
    void mustRejectAFileNameThatGivesNoSlug() {
        ArticleException e = rejection("日本語.md", "---\ntitle: T\ndate: 2026-01-01\n---\n");
        assertEquals(ArticleException.Problem.BAD_SLUG, e.problem());
        assertTrue(e.getMessage().contains("slug: my-article"), e.getMessage());
    }

    @Test
    void mustNameTheFileTheLineAndTheReasonOfEachBadValue() {
        ArticleException noTitle = rejection("posts/a.md", "---\ndate: 2026-01-01\n---\nBody");
        assertEquals("posts/a.md: the front matter has no title; add a line like title: My first article", noTitle.getMessage());

        ArticleException badDate = rejection("posts/a.md", "---\ntitle: T\ndate: 2026-13-45\n---\n");
        assertEquals(ArticleException.Problem.BAD_FIELD, badDate.problem());
        assertEquals(3, badDate.line());
        assertTrue(badDate.getMessage().startsWith("posts/a.md:3: date \"2026-13-45\" is not a date"), badDate.getMessage());

        ArticleException noDate = rejection("a.md", "---\ntitle: T\n---\n");
        assertEquals(ArticleException.Problem.MISSING_FIELD, noDate.problem());

        ArticleException badDraft = rejection("a.md", "---\ntitle: T\ndate: 2026-01-01\ndraft: maybe\n---\n");
        assertTrue(badDraft.getMessage().contains("draft must be true or false"), badDraft.getMessage());

        ArticleException listTitle = rejection("a.md", "---\ntitle: [a, b]\ndate: 2026-01-01\n---\n");
        assertTrue(listTitle.getMessage().contains("title must be text, not a list"), listTitle.getMessage());
    }

    @Test
    void mustReportTheLineOfAYamlSyntaxError() {
        ArticleException e = rejection("a.md", "---\ntitle: T\ndate: 2026-01-01\ntags: [unclosed\n---\n");
        assertEquals(ArticleException.Problem.BAD_YAML, e.problem());
        assertTrue(e.line() >= 4, "line " + e.line());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void mustRejectFilesWithoutFrontMatterOrWithoutItsClosingLine() {
        assertEquals(ArticleException.Problem.NO_FRONT_MATTER, rejection("a.md", "# Just markdown").problem());
        ArticleException unclosed = rejection("a.md", "---\ntitle: T\ndate: 2026-01-01\n");
        assertTrue(unclosed.getMessage().contains("no closing ---"), unclosed.getMessage());
    }

    @Test
    void mustRejectEmptyBinaryInvalidUtf8AndOversizedFiles() {
        assertThrows(ArticleException.class, () -> parser.parse("a.md", new byte[0]));
        ArticleException binary = assertThrows(ArticleException.class, () -> parser.parse("a.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertEquals(ArticleException.Problem.NOT_TEXT, binary.problem());
        byte[] latin1 = "---\ntitle: Caf\u00e9\ndate: 2026-01-01\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        ArticleException invalid = assertThrows(ArticleException.class, () -> parser.parse("a.md", latin1));
        assertEquals(2, invalid.line());
        assertTrue(invalid.getMessage().contains("not valid UTF-8"));
        ArticleException large = assertThrows(ArticleException.class, () -> parser.parse("a.md", new byte[ArticleParser.MAX_BYTES + 1]));
        assertEquals(ArticleException.Problem.TOO_LARGE, large.problem());
    }

    @Test
    void mustRejectFilesWithMoreLinesThanTheLimitRatherThanParseThemInQuadraticTime() throws Exception {
        String front = "---\ntitle: T\ndate: 2026-01-01\n---\n";
        ArticleException tooMany = rejection("pipes.md", front + "|\n".repeat(ArticleParser.MAX_LINES));
        assertEquals(ArticleException.Problem.TOO_LARGE, tooMany.problem());
        assertEquals("pipes.md: the file has 20,005 lines; an article may have at most 20,000", tooMany.getMessage());
        assertEquals("T", parse("pipes.md", front + "|\n".repeat(ArticleParser.MAX_LINES - 5)).summary().title());
    }

    @Test
    void mustRejectFilesWithMoreImagesThanTheLimitRatherThanParseThemInQuadraticTime() throws Exception {
        String front = "---\ntitle: T\ndate: 2026-01-01\n---\n";
        int limit = ArticleParser.MAX_IMAGES;
        ArticleException tooMany = rejection("images.md", front + "![".repeat(limit + 1) + "x" + "](u)".repeat(limit + 1));
        assertEquals(ArticleException.Problem.TOO_LARGE, tooMany.problem());
        assertEquals("images.md: the file has 5,001 images; an article may have at most 5,000", tooMany.getMessage());
        assertEquals("T", parse("images.md", front + "![".repeat(limit) + "x" + "](u)".repeat(limit)).summary().title());
    }

    @Test
    void mustRejectTablesWithMoreCellsThanTheLimitRatherThanRenderThem() {
        // A short row is padded to the header's width, so a few bytes per row can ask for many cells.
        String table = "|a".repeat(100) + "|\n" + "|-".repeat(100) + "|\n" + "|x|\n".repeat(1_000);
        ArticleException tooMany = rejection("tables.md", "---\ntitle: T\ndate: 2026-01-01\n---\n" + table);
        assertEquals(ArticleException.Problem.TOO_LARGE, tooMany.problem());
        assertTrue(tooMany.getMessage().startsWith("tables.md: the tables hold more than 100,000 cells"), tooMany.getMessage());
    }

    @Test
    void mustAcceptAByteOrderMarkAndWindowsLineEndings() throws Exception {
        Article article = parse("a.md", "\uFEFF---\r\ntitle: T\r\ndate: 2026-01-01\r\n---\r\nHello\r\nworld\r\n");
        assertEquals("T", article.summary().title());
        assertEquals(List.of("Hello world"), article.summary().summary());
    }

    @Test
    void mustRenderGfmTablesStrikethroughAutolinksTaskListsFootnotesAndHeadingIds() throws Exception {
        String html = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ## A Heading

                | a | b |
                |---|---|
                | 1 | 2 |

                ~~gone~~ and https://example.com

                - [x] done
                - [ ] open

                Text with a note.[^1]

                [^1]: The note.
                """).bodyHtml();
        assertAll(
                () -> assertTrue(html.contains("<h2 id=\"a-heading\">A Heading <a class=\"anchor\" href=\"#a-heading\" aria-label=\"Link to this section\">#</a></h2>"), html),
                () -> assertTrue(html.contains("<table tabindex=\"0\">"), "a table scrolls on a phone, so the keyboard must reach it: " + html),
                () -> assertTrue(html.contains("<del>gone</del>"), html),
                () -> assertTrue(html.contains("href=\"https://example.com\">https://example.com</a>"), html),
                () -> assertTrue(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"open\">"), "a checkbox is named by its item: " + html),
                () -> assertTrue(html.contains("class=\"footnotes\""), html));
    }

    @Test
    void mustRemoveRawHtmlThatCouldRunScriptAndKeepTheRest() throws Exception {
        String html = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                <script>alert(1)</script>

                Inline <img src="x.png" onerror="alert(1)"> here.

                <svg onload=alert(1)>
                """).bodyHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("alert"), html);
        assertFalse(html.contains("<svg"), html);
        assertTrue(html.contains("<p>Inline <img src=\"/media/x.png\"> here.</p>"), html);
    }

    @Test
    void mustDropJavascriptAndDataUrlsFromLinksAndImages() throws Exception {
        String html = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                [click](javascript:alert(1)) [js](JaVaScRiPt:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=)
                ![img](data:image/svg+xml,<svg/onload=alert(1)>) [ok](https://example.com/a) [rel](/articles/x/)
                """).bodyHtml();
        assertFalse(html.toLowerCase().contains("javascript:"), html);
        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains("href=\"https://example.com/a\""), html);
        assertTrue(html.contains("href=\"/articles/x/\""), html);
    }

    @Test
    void mustTakeTheCodeSampleFromTheFirstFenceWithAFileName() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ```bash
                echo not a sample
                ```

                ```sql title="migrate_users_table.sql"
                ALTER TABLE users ADD COLUMN x int;
                ```
                """);
        assertEquals(new CodeSample("migrate_users_table.sql", "sql", "ALTER TABLE users ADD COLUMN x int;"), article.summary().sample());
        assertTrue(article.bodyHtml().contains("<figcaption>migrate_users_table.sql</figcaption>"), article.bodyHtml());
        assertTrue(article.bodyHtml().contains("<pre tabindex=\"0\"><code class=\"language-sql\">"), article.bodyHtml());
    }

    @Test
    void mustLetFrontMatterChooseWhichNamedBlockIsTheSample() throws Exception {
        String text = """
                ---
                title: T
                date: 2026-01-01
                sample: b.ts
                ---
                ```ts title="a.ts"
                a
                ```
                ```ts title='b.ts'
                b
                ```
                """;
        assertEquals("b.ts", parse("a.md", text).summary().sample().fileName());
        ArticleException e = rejection("a.md", text.replace("sample: b.ts", "sample: c.ts"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("names no code block"), e.getMessage());
    }

    @Test
    void mustHaveNoSampleWhenNoFenceHasAFileName() throws Exception {
        assertNull(parse("a.md", "---\ntitle: T\ndate: 2026-01-01\n---\n```js\nx\n```\n").summary().sample());
    }

    @Test
    void mustEscapeAFileNameThatCarriesMarkup() throws Exception {
        Article article = parse("a.md", "---\ntitle: T\ndate: 2026-01-01\n---\n```js title=\"<img src=x onerror=alert(1)>\"\nx\n```\n");
        assertFalse(article.bodyHtml().contains("<img"), article.bodyHtml());
    }

    @Test
    void mustCountReadingTimeFromWordsAtTheConfiguredSpeed() throws Exception {
        String words = "word ".repeat(1100);
        assertEquals(5, parse("a.md", "---\ntitle: T\ndate: 2026-01-01\n---\n" + words).summary().readingMinutes());
        ArticleParser slow = new ArticleParser(new SiteConfig("t", "", "", java.net.URI.create("https://x/"), "", "en", ZoneOffset.UTC, 110, 10));
        assertEquals(10, slow.parse("a.md", ("---\ntitle: T\ndate: 2026-01-01\n---\n" + words).getBytes(StandardCharsets.UTF_8))
                .summary().readingMinutes());
    }

    @Test
    void mustCountCjkTextByCharactersSoAJapaneseArticleIsNotOneMinute() throws Exception {
        String japanese = "コードレビューはチームの学習の場です。".repeat(100); // 1,900 characters, no spaces
        int minutes = parse("a.md", "---\ntitle: レビュー\ndate: 2026-01-01\n---\n" + japanese).summary().readingMinutes();
        assertEquals(4, minutes);
    }

    @Test
    void mustCountKoreanWrittenInTheLowestHangulBlockByCharacters() throws Exception {
        String jamo = "\u1100\u1161".repeat(750); // conjoining Hangul Jamo, U+1100 onwards: 1,500 characters
        assertEquals(3, parse("a.md", "---\ntitle: T\ndate: 2026-01-01\n---\n" + jamo).summary().readingMinutes());
    }

    @Test
    void mustNeverSayZeroMinutes() throws Exception {
        assertEquals(1, parse("a.md", "---\ntitle: T\ndate: 2026-01-01\n---\n").summary().readingMinutes());
    }

    @Test
    void tableOfContentsNestsEachH3UnderItsH2AndUsesTheIdsTheHeadingsGet() throws Exception {
        Article article = parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ### Before you start
                ## Why `ALTER TABLE` locks
                ### Details
                #### Too deep for the contents
                ### Workarounds
                ## Details
                """);
        assertEquals(List.of(
                new TocEntry(3, "before-you-start", "Before you start"),
                new TocEntry(2, "why-alter-table-locks", "Why ALTER TABLE locks", List.of(
                        new TocEntry(3, "details", "Details"),
                        new TocEntry(3, "workarounds", "Workarounds"))),
                new TocEntry(2, "details-1", "Details")), article.toc());
        assertEquals(5, article.tocHeadings());
        for (String id : List.of("before-you-start", "why-alter-table-locks", "details", "workarounds", "details-1")) {
            assertTrue(article.bodyHtml().contains(" id=\"" + id + "\">"), id + " in " + article.bodyHtml());
        }
    }

    @Test
    void mustPointRelativeImagesAtTheirPublishedCopyAndLeaveOthersAlone() throws Exception {
        String html = parse("posts/2026/hello.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ![Beside](diagram.png) ![Folder](hello/a%20b.png) ![Up](../shared/logo.png)
                ![Escape](../../../etc/passwd.png) ![Absolute](https://example.com/x.png) ![Rooted](/media/y.png)
                """).bodyHtml();
        assertAll(
                () -> assertTrue(html.contains("src=\"/media/posts/2026/diagram.png\" alt=\"Beside\""), html),
                () -> assertTrue(html.contains("src=\"/media/posts/2026/hello/a%20b.png\""), html),
                () -> assertTrue(html.contains("src=\"/media/posts/shared/logo.png\""), html),
                () -> assertTrue(html.contains("src=\"/media/etc/passwd.png\""), "above the root stays at the root, under /media/: " + html),
                () -> assertTrue(html.contains("<a rel=\"noopener\" href=\"https://example.com/x.png\">Absolute</a>"),
                        "another site's image is a link (the CSP would block it): " + html),
                () -> assertTrue(html.contains("src=\"/media/y.png\""), html));
    }

    @Test
    void mustResolveImagesWrittenTheOldSitesWayAgainstTheContentRoot() throws Exception {
        // As a Hugo blog's posts/2023/kubecon-eu.md and a Jekyll blog's _posts/x.md refer to their images.
        String html = parse("posts/2023/kubecon-eu.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ![Booth](../../../images/kubecon/booth.png) ![Sticker](/img/sticker.png) ![CDN](//cdn.example.com/x.png)
                """).bodyHtml();
        assertAll(
                () -> assertTrue(html.contains("src=\"/media/images/kubecon/booth.png\""), html),
                () -> assertTrue(html.contains("src=\"/media/img/sticker.png\""), html),
                () -> assertTrue(html.contains("<a rel=\"noopener\" href=\"//cdn.example.com/x.png\">CDN</a>"),
                        "protocol-relative: not ours, so a link: " + html));
    }
}
