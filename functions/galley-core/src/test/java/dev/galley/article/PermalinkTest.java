package dev.galley.article;

import dev.galley.site.Permalink;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an article is published: the site's permalink pattern, or the article's own permalink. */
class PermalinkTest {

    private static Article parse(String pattern, String key, String frontMatter) throws ArticleException {
        SiteConfig site = SiteConfig.defaults().withPermalink(Permalink.parse(pattern));
        String text = "---\ntitle: Announcing Rust 1.70.0\n" + frontMatter.replace("; ", "\n") + "\n---\nThe Rust team is happy.\n";
        return new ArticleParser(site).parse(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} puts {1} at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # pattern                                | source file                                   | front matter                      | path
            /articles/:slug/                         | posts/2023-06-01-Rust-1.70.0.md               | layout: post                      | articles/rust-1-70-0/
            /:year/:month/:day/:title.html           | 2023-06-01-Rust-1.70.0.md                     | layout: post                      | 2023/06/01/Rust-1.70.0.html
            /:section/:year/:month/:day/:title.html  | 2023-06-01-Rust-1.70.0.md                     | layout: post                      | 2023/06/01/Rust-1.70.0.html
            /:section/:year/:month/:day/:title.html  | inside-rust/2023-01-30-cargo-sparse-protocol.md | layout: post                    | inside-rust/2023/01/30/cargo-sparse-protocol.html
            /:year/:slug/                            | 2023/kubecon-eu.md                            | date: 2023-04-18                  | 2023/kubecon-eu/
            /:year/:slug/                            | 2024/kubecon-eu.md                            | date: 2024-03-19                  | 2024/kubecon-eu/
            /blog/:year/:slug/                       | posts/x.md                                    | date: 2023-12-31T23:30:00-05:00   | blog/2023/x/
            /:sections/:slug/                        | news/2023/0.120.0/index.md                    | date: 2023-05-01                  | news/2023/0-120-0/
            /:section/:filename/                     | news/2023/Hugo-0.120.0/index.md               | date: 2023-05-01                  | news/hugo-0.120.0/
            /:year/:i_month/:i_day/:slug/            | a.md                                          | date: 2023-06-01                  | 2023/6/1/a/
            /:short_year/:y_day/:slug/               | a.md                                          | date: 2023-02-01                  | 23/032/a/
            /:year/:month/:day/:title/               | 2023-06-01-Rust-1.70.0.md                     | slug: rust-170                    | 2023/06/01/rust-170/
            date                                     | _posts/2016-07-26-jekyll-3-2-0-released.markdown | layout: news_item              | 2016/07/26/jekyll-3-2-0-released.html
            pretty                                   | 2016-07-26-released.md                        | layout: post                      | 2016/07/26/released/
            ordinal                                  | 2016-02-01-released.md                        | layout: post                      | 2016/032/released.html
            none                                     | 2016-07-26-released.md                        | layout: post                      | released.html
            /:year/:slug/                            | 2023-06-01-x.md                               | permalink: /blog/old-name         | blog/old-name/
            /:year/:slug/                            | 2023-06-01-x.md                               | url: /2019/rust-2019.html         | 2019/rust-2019.html
            /:year/:slug/                            | 2023-06-01-x.md                               | permalink: /blog/a/; url: /b/     | blog/a/
            /:year/:slug/                            | 2023-06-01-x.md                               | url: blog/hugo-style              | blog/hugo-style/
            /:year/:slug/                            | 2023-06-01-x.md                               | permalink: /foo/index.html        | foo/
            /:year/:slug/                            | 2023-06-01-x.md                               | permalink: /2010/01/Old.HTML      | 2010/01/Old.HTML
            """)
    void thePatternOrTheArticleChoosesThePath(String pattern, String key, String frontMatter, String path) throws ArticleException {
        Article article = parse(pattern, key, frontMatter);
        assertEquals(path, article.summary().path());
        assertEquals("/" + path, article.summary().url());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            permalink: /x/../admin/         | must not hold . or .. segments
            permalink: //evil.example/x/    | must not hold //
            permalink: /x/?page=2           | without ? or #
            permalink: /x/#top              | without ? or #
            permalink: /_galley/manifest.json | /_galley/ holds Galley's own files
            url: /assets/x/                 | /assets/ holds Galley's own files
            url: /tags/rust/                | /tags/ holds Galley's own files
            url: /media/posts/a.png         | /media/ holds Galley's own files
            url: /page/2/                   | /page/ holds Galley's own files
            permalink: /feed.xml            | /feed.xml is a file of the site
            permalink: /rss.xml             | /rss.xml is a file of the site
            permalink: /index.xml           | /index.xml is a file of the site
            permalink: /sitemap.xml         | /sitemap.xml is a file of the site
            permalink: /404.html            | /404.html is a file of the site
            permalink: /search/             | /search/ is a page of the site
            url: /search                    | /search/ is a page of the site
            url: search/index.html          | /search/ is a page of the site
            permalink: /index.html          | / is the home page
            permalink: /                    | / is the home page
            permalink: /a b/                | may hold only letters
            """)
    void anUnsafeOwnPathIsRefusedWithItsLine(String frontMatter, String reason) {
        ArticleException e = assertThrows(ArticleException.class, () -> parse("/articles/:slug/", "2023-06-01-x.md", "layout: post; " + frontMatter));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("2023-06-01-x.md:4: " + frontMatter.substring(0, frontMatter.indexOf(':'))), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /:slug/        | a.md | slug: tags           | /tags/ holds Galley's own files
            /:slug/        | a.md | slug: page           | /page/ holds Galley's own files
            /:slug/        | a.md | slug: search         | /search/ is a page of the site
            """)
    void aPatternThatPutsOneArticleOnASiteFileRefusesThatArticle(String pattern, String key, String frontMatter, String outcome) {
        ArticleException e = assertThrows(ArticleException.class, () -> parse(pattern, key, "date: 2023-01-01; " + frontMatter));
        assertTrue(e.getMessage().contains(outcome) && e.getMessage().contains("the site's permalink " + pattern), e.getMessage());
    }

    @ParameterizedTest(name = "{0} names the post of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /articles/:slug/                         | {% post_url 2023-06-01-Rust-1.70.0 %}                | /articles/rust-1-70-0/
            /:year/:month/:day/:title.html           | {% post_url 2023-06-01-Rust-1.70.0 %}                | /2023/06/01/Rust-1.70.0.html
            /:section/:year/:month/:day/:title.html  | {% link inside-rust/2023-01-30-cargo-sparse.md %}   | /inside-rust/2023/01/30/cargo-sparse.html
            /:section/:slug/                         | {{< ref "news/hugo-0.120.0/index.md" >}}             | /news/hugo-0-120-0/
            /:year/:slug/                            | {{< relref "posts/no-date-in-name.md" >}}            | NONE
            """)
    void linksByFileNameFollowThePattern(String pattern, String tag, String url) throws ArticleException {
        SiteConfig site = SiteConfig.defaults().withPermalink(Permalink.parse(pattern));
        Article article = new ArticleParser(site).parse("a.md", ("---\ntitle: T\ndate: 2024-01-01\n---\nSee [the release](" + tag + ").\n")
                .getBytes(StandardCharsets.UTF_8));
        if (url.equals("NONE")) {
            assertTrue(article.warnings().stream().anyMatch(w -> w.reason().contains("no-date-in-name")), article.warnings().toString());
        } else {
            assertTrue(article.bodyHtml().contains("href=\"" + url + "\""), article.bodyHtml());
        }
    }
}
