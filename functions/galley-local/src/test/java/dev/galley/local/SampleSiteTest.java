package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the repository's own content/ folder with the command an author runs, and checks the result. */
class SampleSiteTest {

    private static final Path CONTENT = Path.of("../../content");

    record Run(int status, String out, String err) {
    }

    static Run galley(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSampleSiteHasEveryElementOfTheReferenceHomePage(@TempDir Path site) throws Exception {
        Run run = galley("build", CONTENT.toString(), "--out", site.toString());
        assertEquals(0, run.status(), run.err());

        // Without the highlighter's spans, so that code reads as the reference shows it.
        String home = Files.readString(site.resolve("index.html")).replaceAll("<span class=\"tok-[a-z]+\">([^<]*)</span>", "$1");
        List<String> inOrder = List.of(
                "Skip to main content",
                "technical writing",
                "Notes on the craft of shipping software.",
                "Practical articles about frontend architecture",
                "Featured",
                "March 2026",
                "12 min read",
                "Zero-downtime migrations: moving a live database without losing sleep",
                "Database migrations are the most anxiety-inducing part of any deployment.",
                "The key insight is that every migration should be reversible without data loss.",
                ">PostgreSQL<", ">DevOps<", ">Architecture<",
                "Read full article",
                "migrate_users_table.sql",
                "ALTER TABLE users ADD COLUMN email_verified boolean DEFAULT false;",
                "February 2026",
                "9 min read",
                "Designing dashboards engineers will actually use",
                "Most internal dashboards fail because they display data without context.",
                "dashboard-config.ts",
                "interface DashboardPanel");
        int at = 0;
        for (String expected : inOrder) {
            int found = home.indexOf(expected, at);
            assertTrue(found >= 0, "the home page lacks, or has out of order: " + expected);
            at = found;
        }
        assertEquals(1, home.split(">Featured<", -1).length - 1, "exactly one featured article");
    }

    @Test
    void everyPublishedArticleHasItsPageAndDraftsHaveNone(@TempDir Path site) throws Exception {
        galley("build", CONTENT.toString(), "--out", site.toString());
        try (Stream<Path> files = Files.list(CONTENT)) {
            for (Path source : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md"))::iterator) {
                String text = Files.readString(source);
                String slug = source.getFileName().toString().replace(".md", "");
                boolean draft = text.contains("\ndraft: true\n");
                assertEquals(!draft, Files.exists(site.resolve("articles/" + slug + "/index.html")), slug);
            }
        }
        assertTrue(Files.exists(site.resolve("404.html")));
        assertTrue(Files.exists(site.resolve("tags/index.html")));
        String japanese = Files.readString(site.resolve("articles/japanese-code-review/index.html"));
        assertFalse(japanese.contains(">1 min read<"), "CJK text is counted by characters");
    }

    @Test
    void theSampleSiteHasItsImageContentsFeedSitemapAndSearchIndex(@TempDir Path site) throws Exception {
        galley("build", CONTENT.toString(), "--out", site.toString());
        String migrations = Files.readString(site.resolve("articles/zero-downtime-migrations/index.html"));
        assertTrue(migrations.contains("<img src=\"/media/zero-downtime-migrations/expand-contract.png\" alt=\"Four boxes in a row"), migrations);
        assertEquals(Files.size(CONTENT.resolve("zero-downtime-migrations/expand-contract.png")),
                Files.size(site.resolve("media/zero-downtime-migrations/expand-contract.png")));
        assertTrue(migrations.contains("<nav class=\"toc\""), "a long article has a table of contents");
        assertTrue(migrations.contains("href=\"#expand-and-contract\""));
        assertTrue(migrations.contains("rel=\"prev\""), "links to the older article");
        for (String file : List.of("feed.xml", "rss.xml", "index.xml", "sitemap.xml", "sitemaps/listings.xml", "robots.txt", "search.json", "search/index.html")) {
            assertTrue(Files.size(site.resolve(file)) > 0, file);
        }
        Matcher script = Pattern.compile("<script src=\"/(assets/search\\.[0-9a-f]{10}\\.js)\" defer>")
                .matcher(Files.readString(site.resolve("search/index.html")));
        assertTrue(script.find() && Files.isRegularFile(site.resolve(script.group(1))), "the search page's script is in the folder");
        assertTrue(Files.readString(site.resolve("feed.xml")).contains("Zero-downtime migrations"));
    }

    @Test
    void aBadFileFailsTheBuildWithItsNameAndReasonWhileTheGoodOnesAreBuilt(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("good.md"), "---\ntitle: Good\ndate: 2026-01-01\n---\nFine.\n");
        Files.writeString(content.resolve("bad.md"), "---\ntitle: Bad\ndate: next tuesday\n---\n");
        Path site = dir.resolve("site");

        Run run = galley("build", content.toString(), "--out", site.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("bad.md:3: date \"next tuesday\" is not a date"), run.err());
        assertTrue(run.out().contains("1 published, 0 drafts, 1 failed"), run.out());
        assertTrue(Files.exists(site.resolve("articles/good/index.html")));
    }

    @Test
    void aBuildReportsHeldAndExpiredArticlesAsNotPublishedWithTheirTime(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("now.md"), "---\ntitle: Now\ndate: 2026-01-01\n---\nOut.\n");
        Files.writeString(content.resolve("embargo.md"), "---\ntitle: Embargo\ndate: 2026-01-01\npublishDate: 2099-03-01T09:00:00+01:00\n---\nLater.\n");
        Files.writeString(content.resolve("sale.md"), "---\ntitle: Sale\ndate: 2026-01-01\nexpiryDate: 2026-01-31\n---\nOver.\n");
        Path site = dir.resolve("site");

        Run run = galley("build", content.toString(), "--out", site.toString());

        assertEquals(0, run.status(), "held and expired articles are no errors");
        assertTrue(run.out().contains("held      embargo.md (not published: held until 2099-03-01T09:00:00+01:00 by publishDate: it goes live then;"
                + " build again then)"), run.out());
        assertTrue(run.out().contains("expired   sale.md (not published: expired at 2026-01-31T00:00:00Z by expiryDate: it is not on the site)"), run.out());
        assertTrue(run.out().contains("1 published, 0 drafts, 0 failed"), run.out());
        assertTrue(run.out().contains("1 held until their publish time, 1 past their expiry: not published"), run.out());
        assertFalse(Files.exists(site.resolve("articles/embargo/index.html")) || Files.exists(site.resolve("articles/sale/index.html")));
    }

    @Test
    void unknownCommandsAndOptionsSayHowToUseIt() {
        Run run = galley("publish");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("usage:"));
        assertEquals(2, galley("build", "--colour").status());
    }
}
