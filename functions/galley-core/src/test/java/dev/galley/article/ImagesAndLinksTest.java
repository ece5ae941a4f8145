package dev.galley.article;

import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Images and links in an article as a demanding reader expects them (issue #16, items 7 and 8). */
class ImagesAndLinksTest {

    private static final SiteConfig SITE = new SiteConfig("Blog", "", "", URI.create("https://blog.example.com/"), "", "en",
            java.time.ZoneOffset.UTC, 220, 10);
    /** The sizes the site's media holds, as Media recorded them when it published each image. */
    private static final Map<String, ImageSize> MEDIA = Map.of(
            "posts/zero-downtime/expand-contract.png", new ImageSize(1600, 900),
            "posts/zero-downtime/backfill.webp", new ImageSize(1200, 675),
            "images/kubecon/booth.jpg", new ImageSize(4032, 3024));

    private final List<String> asked = new ArrayList<>();
    private final ArticleParser parser = new ArticleParser(SITE, key -> {
        asked.add(key);
        return Optional.ofNullable(MEDIA.get(key));
    });

    private Article parse(String markdown) throws ArticleException {
        return parser.parse("posts/zero-downtime.md", markdown.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Element> images(Article article) {
        return Jsoup.parseBodyFragment(article.bodyHtml()).select("img");
    }

    @Test
    void localImagesGetTheSizeTheirFileStatesAndLoadLazilyAfterTheFirst() throws Exception {
        Article article = parse("""
                ---
                title: Zero-downtime migrations
                date: 2026-03-10
                ---
                The expand/contract pattern in four steps:

                ![Expand, migrate, contract](zero-downtime/expand-contract.png)

                Backfilling in batches keeps the replication lag flat:

                ![Replication lag during the backfill](zero-downtime/backfill.webp "Lag, in seconds")

                ![Not uploaded yet](zero-downtime/missing.png)
                """);
        List<Element> images = images(article);
        assertAll(
                () -> assertEquals("1600", images.get(0).attr("width")),
                () -> assertEquals("900", images.get(0).attr("height")),
                () -> assertEquals("", images.get(0).attr("loading"), "the first image is likely in view: it loads at once"),
                () -> assertEquals("", images.get(0).attr("decoding")),
                () -> assertEquals("1200", images.get(1).attr("width")),
                () -> assertEquals("675", images.get(1).attr("height")),
                () -> assertEquals("lazy", images.get(1).attr("loading")),
                () -> assertEquals("async", images.get(1).attr("decoding")),
                () -> assertEquals("Lag, in seconds", images.get(1).attr("title")),
                () -> assertTrue(!images.get(2).hasAttr("width") && !images.get(2).hasAttr("height"),
                        "an image whose size is unknown renders without one: " + images.get(2)),
                () -> assertEquals("lazy", images.get(2).attr("loading")),
                () -> assertEquals(List.of("posts/zero-downtime/expand-contract.png", "posts/zero-downtime/backfill.webp",
                        "posts/zero-downtime/missing.png"), asked, "each local image is asked for once, by its file"),
                () -> assertEquals(List.of(), article.warnings()));
    }

    @Test
    void anArticleWithoutImagesNeverAsksForASize() throws Exception {
        parse("""
                ---
                title: Graceful shutdown in Go
                date: 2026-03-10
                ---
                Call [`Server.Shutdown`](https://pkg.go.dev/net/http#Server.Shutdown) on `SIGTERM`.
                """);
        assertEquals(List.of(), asked);
    }

    @Test
    void rawHtmlImagesFollowTheSameRulesInDocumentOrderAndKeepTheAuthorsOwnSize() throws Exception {
        Article article = parse("""
                ---
                title: KubeCon EU
                date: 2026-03-10
                ---
                <p align="center"><img src="/images/kubecon/booth.jpg" alt="Our booth"></p>

                ![Expand, migrate, contract](zero-downtime/expand-contract.png)

                <img src="zero-downtime/backfill.webp" width="600" alt="Backfill, drawn smaller on purpose">
                """);
        List<Element> images = images(article);
        assertAll(
                () -> assertEquals("/media/images/kubecon/booth.jpg", images.get(0).attr("src")),
                () -> assertEquals("4032", images.get(0).attr("width")),
                () -> assertEquals("3024", images.get(0).attr("height")),
                () -> assertEquals("", images.get(0).attr("loading"), "the raw image comes first in the page"),
                () -> assertEquals("1600", images.get(1).attr("width")),
                () -> assertEquals("lazy", images.get(1).attr("loading")),
                () -> assertEquals("async", images.get(1).attr("decoding")),
                () -> assertEquals("600", images.get(2).attr("width"), "the author's width stays"),
                () -> assertEquals("", images.get(2).attr("height"), "no height is made up for a width the author chose"),
                () -> assertEquals("lazy", images.get(2).attr("loading")));
    }

    @Test
    void anImageOnAnotherSiteBecomesALinkToItWithAWarningOnItsLine() throws Exception {
        Article article = parse("""
                ---
                title: Fast Rust CI
                date: 2026-03-10
                ---
                [![CI](https://github.com/acme/fast-ci/actions/workflows/ci.yml/badge.svg)](https://github.com/acme/fast-ci/actions)

                The cache hit rate after the change:

                ![Cache hit rate, before and after](https://i.imgur.com/8yKQp2D.png)

                <img src="https://example.org/chart.png" alt="Build minutes per week">
                """);
        Document body = Jsoup.parseBodyFragment(article.bodyHtml());
        assertAll(
                () -> assertEquals(0, body.select("img").size(), article.bodyHtml()),
                () -> assertEquals("CI", body.select("a[href=https://github.com/acme/fast-ci/actions]").text(),
                        "a badge inside a link leaves its alt text: a link may not hold a link"),
                () -> assertEquals("Cache hit rate, before and after", body.select("a[href=https://i.imgur.com/8yKQp2D.png]").text()),
                () -> assertEquals("noopener", body.select("a[href=https://i.imgur.com/8yKQp2D.png]").attr("rel")),
                () -> assertEquals("Build minutes per week", body.select("a[href=https://example.org/chart.png]").text()),
                () -> assertEquals(List.of(5, 9, 11), article.warnings().stream().map(ArticleWarning::line).toList(), article.warnings().toString()),
                () -> assertTrue(article.warnings().stream().allMatch(w -> w.kind().equals("remote-image"))),
                () -> assertTrue(article.warnings().get(1).reason().contains("https://i.imgur.com/8yKQp2D.png"), article.warnings().toString()),
                () -> assertNull(article.shareImage(), "an image that is not shown is no preview either"));
    }

    @Test
    void theSameRemoteImageTwiceIsWarnedOnEachOfItsLines() throws Exception {
        Article article = parse("""
                ---
                title: T
                date: 2026-03-10
                ---
                ![Build status](https://img.shields.io/badge/build-passing-green)

                Text.

                ![Build status](https://img.shields.io/badge/build-passing-green)
                """);
        assertEquals(List.of(5, 9), article.warnings().stream().map(ArticleWarning::line).toList());
    }

    static Stream<Arguments> linkRels() {
        return Stream.of(
                arguments("root-relative", "/articles/fast-rust-ci/", ""),
                arguments("relative", "../fast-rust-ci/", ""),
                arguments("a heading of the page", "#the-cache", ""),
                arguments("absolute, to the site's baseUrl", "https://blog.example.com/tags/rust/", ""),
                arguments("absolute, to the site's host in capitals", "https://BLOG.example.com/", ""),
                arguments("e-mail", "mailto:mara@example.com", ""),
                arguments("another site", "https://doc.rust-lang.org/cargo/", "noopener"),
                arguments("another site, plain http", "http://www.sqlite.org/lang.html", "noopener"),
                arguments("a subdomain is another site", "https://docs.blog.example.com/", "noopener"),
                arguments("scheme-relative, another host", "//cdn.example.net/x.tar.gz", "noopener"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkRels")
    void onlyLinksToOtherSitesGetARel(String name, String href, String rel) throws Exception {
        for (String markdown : List.of("[the link](" + href + ")", "<a href=\"" + href + "\">the link</a>")) {
            Article article = parse("---\ntitle: T\ndate: 2026-03-10\n---\nSee " + markdown + ".\n");
            Element link = Jsoup.parseBodyFragment(article.bodyHtml()).selectFirst("a");
            assertEquals(rel, link.attr("rel"), markdown + " gives " + article.bodyHtml());
        }
    }

    @Test
    void autolinksToOtherSitesGetNoopenerAndTheSitesRelWords() throws Exception {
        ArticleParser ugc = new ArticleParser(SITE.withExternalLinkRel(List.of("nofollow", "ugc")));
        Article article = ugc.parse("a.md", """
                ---
                title: T
                date: 2026-03-10
                ---
                Vegeta (https://github.com/tsenart/vegeta) drives the load; see [the results](/articles/results/).
                """.getBytes(StandardCharsets.UTF_8));
        Document body = Jsoup.parseBodyFragment(article.bodyHtml());
        assertAll(
                () -> assertEquals("noopener nofollow ugc", body.select("a[href=https://github.com/tsenart/vegeta]").attr("rel")),
                () -> assertEquals("", body.select("a[href=/articles/results/]").attr("rel")));
    }

    @Test
    void siteYamlExternalLinksRelIsReadAndCheckedWithItsLine() throws Exception {
        SiteConfig site = SiteConfig.parse("site.yaml", """
                title: Blog
                externalLinks:
                  rel: [nofollow, ugc]
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("nofollow", "ugc"), site.externalLinkRel());
        assertEquals(List.of(), SiteConfig.parse("site.yaml", "title: Blog\n".getBytes(StandardCharsets.UTF_8)).externalLinkRel());
        ArticleException wrong = assertThrows(ArticleException.class, () -> SiteConfig.parse("site.yaml", """
                title: Blog
                externalLinks:
                  rel: [nofolow]
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, wrong.line());
        assertTrue(wrong.reason().contains("nofollow, ugc, sponsored, noreferrer"), wrong.reason());
    }

    static Stream<Arguments> shareImages() {
        return Stream.of(
                arguments("Jekyll's image: string, beside the article", "image: zero-downtime/cover.png\n", "https://blog.example.com/media/posts/zero-downtime/cover.png"),
                arguments("Jekyll's image.path (jekyll-seo-tag)", "image:\n  path: /assets/cover.jpg\n", "https://blog.example.com/media/assets/cover.jpg"),
                arguments("Hugo's images: list, the first", "images: [/img/one.png, /img/two.png]\n", "https://blog.example.com/media/img/one.png"),
                arguments("PaperMod's cover.image", "cover:\n  image: cover.webp\n  alt: The cover\n", "https://blog.example.com/media/posts/cover.webp"),
                arguments("an absolute URL, for crawlers to fetch", "image: https://cdn.example.net/og/zero.png\n", "https://cdn.example.net/og/zero.png"),
                arguments("none: the body's first shown image", "", "https://blog.example.com/media/posts/zero-downtime/expand-contract.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shareImages")
    void linkPreviewsShowTheFrontMattersImageElseTheFirstImage(String name, String frontMatter, String expected) throws Exception {
        Article article = parse("---\ntitle: T\ndate: 2026-03-10\n" + frontMatter + "---\n"
                + "![Cache](https://i.imgur.com/8yKQp2D.png)\n\n![Expand](zero-downtime/expand-contract.png)\n");
        assertEquals(URI.create(expected), article.shareImage());
        Document page = Jsoup.parse(new String(new SiteRenderer(SITE).article(article, SiteIndex.Neighbours.NONE).bytes(), StandardCharsets.UTF_8));
        assertAll(
                () -> assertEquals(expected, page.select("meta[property=og:image]").attr("content")),
                () -> assertEquals("summary_large_image", page.select("meta[name=twitter:card]").attr("content")),
                () -> assertEquals(List.of(), article.warnings().stream().filter(w -> !w.kind().equals("remote-image")).toList()));
    }

    @Test
    void aPageWithoutAnyImageHasNoOgImageAndASmallCard() throws Exception {
        Article article = parse("---\ntitle: T\ndate: 2026-03-10\n---\nText only.\n");
        Document page = Jsoup.parse(new String(new SiteRenderer(SITE).article(article, SiteIndex.Neighbours.NONE).bytes(), StandardCharsets.UTF_8));
        assertAll(
                () -> assertEquals(0, page.select("meta[property=og:image]").size()),
                () -> assertEquals("summary", page.select("meta[name=twitter:card]").attr("content")));
    }

    @Test
    void aShareImageThatIsNoPathIsAWarningOnItsLine() throws Exception {
        Article article = parse("---\ntitle: T\ndate: 2026-03-10\nimage: javascript:alert(1)\n---\nText.\n");
        assertAll(
                () -> assertNull(article.shareImage()),
                () -> assertEquals(1, article.warnings().size()),
                () -> assertEquals(4, article.warnings().get(0).line()),
                () -> assertEquals("share-image", article.warnings().get(0).kind()));
    }
}
