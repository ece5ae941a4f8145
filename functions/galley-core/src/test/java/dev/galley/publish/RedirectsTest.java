package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import dev.galley.article.ArticleWarning;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The redirect set is a function of the manifest: every old URL an article claims leads to the page it has now. */
class RedirectsTest {

    /** One article of a manifest: where it is, the old URLs it asks for, and where it was. */
    record Listed(String source, String slug, String date, List<String> aliases, List<String> former) {
        Manifest.Entry entry() {
            ArticleSummary summary = new ArticleSummary(slug, slug, OffsetDateTime.parse(date + "T00:00:00Z"), null, List.of(), List.of(),
                    "", List.of(), 1, null, false, null, aliases);
            return new Manifest.Entry(source, "etag", "", summary, former);
        }
    }

    static Listed listed(String source, String slug, String date) {
        return new Listed(source, slug, date, List.of(), List.of());
    }

    static Listed aliased(String source, String slug, String date, String... aliases) {
        return new Listed(source, slug, date, List.of(aliases), List.of());
    }

    static Listed moved(String source, String slug, String date, String... former) {
        return new Listed(source, slug, date, List.of(), List.of(former));
    }

    /** @param expected redirects by object key; @param warned "source: the start of the reason" */
    record Case(String rule, List<Listed> site, Map<String, String> expected, List<String> warned) {
    }

    static final List<Case> CASES = List.of(
            new Case("an alias redirects to the article's page",
                    List.of(aliased("posts/new.md", "new", "2024-01-01", "blog/2023/old/", "2010/01/01/old.html")),
                    Map.of("blog/2023/old/index.html", "/articles/new/", "2010/01/01/old.html", "/articles/new/"), List.of()),
            new Case("every former path leads to the page as it is now, so chains collapse",
                    List.of(moved("posts/c.md", "c", "2024-01-01", "articles/a/", "articles/b/")),
                    Map.of("articles/a/index.html", "/articles/c/", "articles/b/index.html", "/articles/c/"), List.of()),
            new Case("a page wins over an alias, and the article asking for it hears of it",
                    List.of(aliased("posts/x.md", "x", "2024-01-01", "articles/y/"), listed("posts/y.md", "y", "2024-02-01")),
                    Map.of(), List.of("posts/x.md: the old URL /articles/y/ is the page of posts/y.md")),
            new Case("a page wins over a former path, silently: the path was given up, not asked for",
                    List.of(moved("posts/x.md", "x", "2024-01-01", "articles/y/"), listed("posts/y.md", "y", "2024-02-01")),
                    Map.of(), List.of()),
            new Case("an article's own page is never a redirect to itself",
                    List.of(aliased("posts/x.md", "x", "2024-01-01", "articles/x/")),
                    Map.of(), List.of()),
            new Case("an alias wins over another article's former path",
                    List.of(moved("posts/a.md", "a", "2020-01-01", "articles/old/"), aliased("posts/b.md", "b", "2024-01-01", "articles/old/")),
                    Map.of("articles/old/index.html", "/articles/b/"), List.of()),
            new Case("of two aliases, the earlier article wins and the later one is warned",
                    List.of(aliased("posts/late.md", "late", "2024-06-01", "blog/x/"), aliased("posts/early.md", "early", "2021-01-01", "blog/x/")),
                    Map.of("blog/x/index.html", "/articles/early/"), List.of("posts/late.md: the old URL /blog/x/ already redirects to posts/early.md")),
            new Case("of two aliases on one day, the first file by name wins",
                    List.of(aliased("posts/b.md", "b", "2024-01-01", "blog/x/"), aliased("posts/a.md", "a", "2024-01-01", "blog/x/")),
                    Map.of("blog/x/index.html", "/articles/a/"), List.of("posts/b.md: the old URL /blog/x/ already redirects to posts/a.md")),
            new Case("of two former paths, the earlier article wins, and nobody is warned",
                    List.of(moved("posts/b.md", "b", "2024-01-01", "articles/old/"), moved("posts/a.md", "a", "2020-01-01", "articles/old/")),
                    Map.of("articles/old/index.html", "/articles/a/"), List.of()),
            new Case("an empty site has no redirects", List.of(), Map.of(), List.of()));

    @TestFactory
    Stream<DynamicTest> redirectRules() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.rule(), () -> {
            Manifest manifest = Manifest.EMPTY.replacedBy(c.site().stream().map(Listed::entry).toList());
            Redirects redirects = Redirects.of(manifest);
            Map<String, String> actual = new TreeMap<>();
            redirects.byKey().forEach((key, redirect) -> actual.put(key, redirect.target()));
            assertEquals(new TreeMap<>(c.expected()), actual);
            List<String> warned = redirects.warnings().stream().map(RedirectsTest::describe).toList();
            assertEquals(c.warned().size(), warned.size(), warned.toString());
            for (int i = 0; i < warned.size(); i++) {
                String expected = c.warned().get(i);
                String got = warned.get(i);
                assertEquals(expected, got.substring(0, Math.min(got.length(), expected.length())), got);
            }
        }));
    }

    private static String describe(ArticleWarning warning) {
        return warning.file() + ": " + warning.reason();
    }
}
