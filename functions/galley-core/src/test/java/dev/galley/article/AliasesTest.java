package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hugo's {@code aliases} and Jekyll's {@code redirect_from} become the site paths that redirect to an article. */
class AliasesTest {

    private final ArticleParser parser = new ArticleParser(SiteConfig.defaults());

    private Article parse(String key, String frontMatter) throws ArticleException {
        return parser.parse(key, ("---\ntitle: T\ndate: 2024-01-01\n" + frontMatter + "\n---\nBody.\n").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} in {1}: {2} redirects from {3}")
    @CsvSource(delimiter = '|', textBlock = """
            aliases       | posts/hugo-0-20.md              | /0-20/                           | 0-20/
            aliases       | posts/hugo-0-20.md              | /news/0.20-relnotes              | news/0.20-relnotes/
            aliases       | posts/hugo-0-20.md              | /2010/01/01/even-earlier-url.html | 2010/01/01/even-earlier-url.html
            aliases       | posts/hugo-0-20.md              | old-name                         | articles/old-name/
            aliases       | posts/hugo-0-20.md              | ../old-name                      | old-name/
            aliases       | posts/hugo-0-20.md              | ./old-name.HTML                  | articles/old-name.HTML
            redirect_from | _posts/2016-07-26-release.md    | /2016/07/26/jekyll-3-2-0-released/ | 2016/07/26/jekyll-3-2-0-released/
            redirect_from | _posts/2016-07-26-release.md    | docs/old-page                    | docs/old-page/
            redirect_from | _posts/2016-07-26-release.md    | /blog/caf%C3%A9/                 | blog/café/
            redirect_from | _posts/2016-07-26-release.md    | /blog/old.htm                    | blog/old.htm/
            """)
    void anOldUrlBecomesTheSitePathTheCdnServesIt(String key, String file, String written, String path) throws ArticleException {
        Article article = parse(file, key + ": " + written);
        assertEquals(List.of(path), article.summary().aliases());
        assertEquals(List.of(), article.warnings());
    }

    @Test
    void hugosRelativeAliasesAreInTheFolderOfTheArticlesOwnUrlAsHugoResolvesThem() throws ArticleException {
        ArticleParser byYear = new ArticleParser(SiteConfig.defaults().withPermalink(dev.galley.site.Permalink.parse("/:year/:slug/")));
        Article article = byYear.parse("posts/x.md", "---\ntitle: X\ndate: 2020-05-01\naliases: [old-x, ../up-x, ./dot-x]\n---\nBody.\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("2020/x/", article.summary().path());
        assertEquals(List.of("2020/old-x/", "up-x/", "2020/dot-x/"), article.summary().aliases());
        assertEquals(List.of(), article.warnings());
    }

    @ParameterizedTest(name = "{0} is a page Galley makes itself")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/404.html/", "/index.html/", "/feed.xml/", "/Robots.txt/"})
    void galleysOwnFilesWrittenAsFoldersAreNoRedirect(String written) throws ArticleException {
        Article article = parse("posts/a.md", "redirect_from: \"" + written + "\"");
        assertEquals(List.of(), article.summary().aliases());
        assertEquals(1, article.warnings().size(), article.warnings().toString());
    }

    @Test
    void everyArticleRedirectsFromWhereTheSitesFormerPermalinksPutIt() throws Exception {
        // nodejs.org served its posts at /blog/<category>/<name>/ and /en/blog/<category>/<name>/: links use both.
        SiteConfig site = SiteConfig.parse("site.yaml", """
                permalink: /:sections/:title/
                formerPermalinks: [/en/:sections/:title/, /articles/:slug/]
                """.getBytes(StandardCharsets.UTF_8));
        Article article = new ArticleParser(site).parse("blog/release/v14.17.0.md",
                "---\ntitle: Node v14.17.0\ndate: 2021-05-11\n---\nBody.\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("blog/release/v14.17.0/", article.summary().path());
        assertEquals(List.of("en/blog/release/v14.17.0/", "articles/v14-17-0/"), article.summary().aliases());

        ArticleException bad = org.junit.jupiter.api.Assertions.assertThrows(ArticleException.class,
                () -> SiteConfig.parse("site.yaml", "formerPermalinks: [/:nonsense/]\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, bad.line());
        assertTrue(bad.getMessage().contains("formerPermalinks: \"/:nonsense/\""), bad.getMessage());
    }

    @Test
    void redirectFromTakesAStringOrAListAndDuplicatesCountOnce() throws ArticleException {
        // As jekyll-redirect-from's README writes them.
        Article article = parse("_posts/2013-10-01-post.md", """
                redirect_from:
                  - /post/123456789/
                  - /post/123456789/my-amazing-post/
                  - /post/123456789/
                aliases: /post/123456789/my-amazing-post""");
        assertEquals(List.of("post/123456789/my-amazing-post/", "post/123456789/"), article.summary().aliases(),
                "aliases first, then redirect_from, each path once");
        assertEquals(List.of("post/old/"), parse("a.md", "redirect_from: /post/old/").summary().aliases());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /../../etc/passwd                   | has an empty, . or .. segment
            /blog/./x/                          | has an empty, . or .. segment
            /blog//x/                           | has an empty, . or .. segment
            /blog/..                            | has an empty, . or .. segment
            /_galley/manifest.json              | is under /_galley/
            /feed.xml                           | is a page Galley makes itself
            /rss.xml                            | is a page Galley makes itself
            /index.xml                          | is a page Galley makes itself
            /                                   | is a page Galley makes itself
            /index.html                         | is a page Galley makes itself
            /search/                            | is a page Galley makes itself
            /search                             | is a page Galley makes itself
            /tags/java/                         | is under /tags/
            /media/posts/a.png                  | is under /media/
            https://old.example.com/blog/x/     | is not a path on this site
            //old.example.com/blog/x/           | is not a path on this site
            /blog/x/?page=2                     | has a query or a fragment
            /blog/atom.xml                      | names a file that is not a page
            /images/old-logo.PNG                | names a file that is not a page
            /blog/%E0%A4%A/                     | has a broken %-escape
            """)
    void aPathThatIsNotAnOldPageOfThisSiteIsAWarningNamingItsLine(String written, String reason) throws ArticleException {
        Article article = parse("posts/a.md", "aliases:\n  - /fine/\n  - \"" + written + "\"");
        assertEquals(List.of("fine/"), article.summary().aliases(), "the good alias is kept");
        assertEquals(1, article.warnings().size(), article.warnings().toString());
        ArticleWarning warning = article.warnings().get(0);
        assertEquals(4, warning.line());
        assertEquals("bad-alias", warning.kind());
        assertTrue(warning.reason().startsWith("aliases \"" + written + "\" " + reason), warning.reason());
    }

    @Test
    void anAliasThatIsNotTextIsAWarning() throws ArticleException {
        Article article = parse("posts/a.md", "aliases:\n  - {url: /x/}");
        assertEquals(List.of(), article.summary().aliases());
        assertEquals("aliases lists something that is not a path; write each old URL as text, like /blog/2023/my-post/",
                article.warnings().get(0).reason());
    }
}
