package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.BuildOutput.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuildOutputTest {

    private static final Set<String> FILES = Set.of("news/0.26-relnotes/index.md", "news/_posts/2014-09-10-confoo-cfp.md",
            "news/_posts/2013-08-29-confoo-cfp.md", "news/0.26-relnotes/poster.png", "notes: a colon.md");

    @Test
    void linesAreReadBackIntoPagesDraftsErrorsAndWarnings() {
        BuildOutput output = BuildOutput.parse(List.of(
                "built     news/0.26-relnotes/poster.png -> /media/news/0.26-relnotes/poster.png",
                "built     news/_posts/2013-08-29-confoo-cfp.md -> /articles/confoo-cfp/",
                "draft     notes: a colon.md (not published)",
                "error     news/0.26-relnotes/index.md:1: the file does not start with front matter: its first line must be ---",
                "error     news/_posts/2014-09-10-confoo-cfp.md: the slug \"confoo-cfp\" is already used by "
                        + "news/_posts/2013-08-29-confoo-cfp.md; give this article its own",
                "warning   notes: a colon.md:12: unknown template tag {% highlight %}",
                "Exception in thread \"main\" java.lang.OutOfMemoryError",
                "1 published, 1 drafts, 2 failed, 0 stale pages removed, in 88 ms -> /tmp/site"), FILES);

        assertEquals(Map.of("news/0.26-relnotes/poster.png", "/media/news/0.26-relnotes/poster.png",
                "news/_posts/2013-08-29-confoo-cfp.md", "/articles/confoo-cfp/"), output.built());
        assertEquals(List.of("notes: a colon.md"), output.drafts());
        assertEquals(List.of(
                new Problem("news/0.26-relnotes/index.md",
                        "line 1: the file does not start with front matter: its first line must be ---"),
                new Problem("news/_posts/2014-09-10-confoo-cfp.md", "the slug \"confoo-cfp\" is already used by "
                        + "news/_posts/2013-08-29-confoo-cfp.md; give this article its own")), output.errors());
        assertEquals(List.of(new Problem("notes: a colon.md", "line 12: unknown template tag {% highlight %}")), output.warnings());
        assertEquals(List.of("Exception in thread \"main\" java.lang.OutOfMemoryError"), output.other());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # two reasons of one kind                                                                                  | kind
            'the slug "confoo-cfp" is already used by news/_posts/2013-08-29-confoo-cfp.md; give this article its own' | 'the slug "…" is already used by …'
            'the slug "cve-2013-4164" is already used by news/_posts/2013-11-22-cve-2013-4164.md; give this article its own' | 'the slug "…" is already used by …'
            'line 6: date "2013-11-22 5:00:00 +0000" is not a date; write it like 2026-03-10'                           | 'date "…" is not a date'
            'line 3: date "someday" is not a date; write it like 2026-03-10'                                           | 'date "…" is not a date'
            'line 1: the file does not start with front matter: its first line must be ---'                            | the file does not start with front matter
            'the front matter has no date; add a line like date: 2026-03-10'                                           | the front matter has no date
            'the front matter has no title; add a line like title: Hello'                                              | the front matter has no title
            """)
    void reasonsOfOneKindGroupTogether(String reason, String kind) {
        assertEquals(kind, new Problem("x.md", reason).kind());
    }
}
