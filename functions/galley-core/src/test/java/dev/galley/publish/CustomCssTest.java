package dev.galley.publish;

import dev.galley.article.ArticleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomCssTest {

    private static final String KEY = "theme/custom.css";

    /** Stylesheets owners write: today's CSS, images of the site's own and data: URLs. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("colours, a web font of the site's own and nesting", """
                        :root { --accent: oklch(55% 0.15 250); }
                        @font-face { font-family: Inter; src: url(/media/fonts/inter.woff2) format("woff2"); }
                        .site-header { background: var(--accent); & a { color: white; } }
                        """),
                Arguments.of("a background image from the site and a data: URL", """
                        .site-header { background-image: url("/media/header.webp"); }
                        .article blockquote { background: url(data:image/svg+xml;base64,PHN2Zy8+) no-repeat; }
                        .site-title::before { content: url('../media/mark.png'); }
                        """),
                Arguments.of("at-rules a parser may not know", """
                        @layer theme {
                          @container (min-width: 40rem) { .article { columns: 2; } }
                        }
                        @supports (display: grid) { .site-menu ul { display: grid; } }
                        """),
                Arguments.of("the words in a comment", """
                        /* was: @import url(https://fonts.googleapis.com/css2?family=Inter); */
                        body { font-family: system-ui, sans-serif; }
                        """),
                Arguments.of("image-set with the site's images", """
                        .site-header { background: image-set("/media/h.avif" type("image/avif"), "/media/h.png" 1x); }
                        """),
                Arguments.of("a namespace, which loads nothing", """
                        @namespace svg url(http://www.w3.org/2000/svg);
                        svg|a { color: inherit; }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void stylesheetsThatLoadOnlyTheSitesOwnFilesArePublished(String what, String css) {
        assertDoesNotThrow(() -> CustomCss.check(KEY, css.getBytes(StandardCharsets.UTF_8)));
    }

    /** Each refused stylesheet, the line the reason names and a word of the reason. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a remote @import", """
                        @charset "utf-8";
                        @import url("https://fonts.googleapis.com/css2?family=Inter");
                        body { font-family: Inter; }
                        """, 2, "@import"),
                Arguments.of("an @import of a path", """
                        @import "/assets/other.css";
                        """, 1, "@import"),
                Arguments.of("a remote background image", """
                        .site-header {
                          color: #fff;
                          background: #222 url(https://cdn.example.com/header.jpg) center / cover;
                        }
                        """, 3, "points off the site"),
                Arguments.of("a protocol-relative font", """
                        @font-face { font-family: X; src: url( '//fonts.example.com/x.woff2' ); }
                        """, 1, "points off the site"),
                Arguments.of("a backslash host", """
                        a { background: url(/\\\\evil.example/x.png); }
                        """, 1, "points off the site"),
                Arguments.of("a remote image in image-set", """
                        .a {}
                        .b { background: -webkit-image-set("https://cdn.example.com/b.png" 1x); }
                        """, 2, "points off the site"),
                Arguments.of("IE's expression()", """
                        .article {
                          width: expression(document.body.clientWidth > 800 ? "800px" : "auto");
                        }
                        """, 2, "expression()"),
                Arguments.of("a javascript: URL", """
                        .site-title { behavior: url("javascript:alert(1)"); }
                        """, 1, "javascript:"),
                Arguments.of("a url spelled with escapes", """
                        .x { color: red; }
                        .y { background: u\\72 l(https://evil.example/x.png); }
                        """, 2, "points off the site"),
                Arguments.of("an @import spelled with an escape", """
                        @\\69mport "https://evil.example/x.css";
                        """, 1, "@import"),
                Arguments.of("a url inside an at-rule a parser would skip", """
                        @supports (display: grid) {
                          .x { background: url(https://evil.example/x.png); }
                        }
                        """, 2, "points off the site"),
                Arguments.of("a tab inside the scheme", ".x { background: url(\"java\\9script:alert(1)\"); }\n", 1, "javascript:"),
                Arguments.of("a comment hidden in a string does not hide what follows", """
                        .a::after { content: "/*"; }
                        .b { background: url(https://evil.example/x.png); } /* "*/
                        """, 2, "points off the site"),
                Arguments.of("the end of a style element", """
                        .a { color: red; }
                        /* </style><script>alert(1)</script> */
                        """, 2, "</style"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void stylesheetsThatReachOffTheSiteOrRunScriptAreRefusedWithTheirLine(String what, String css, int line, String reason) {
        ArticleException e = assertThrows(ArticleException.class, () -> CustomCss.check(KEY, css.getBytes(StandardCharsets.UTF_8)));
        assertEquals(KEY, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    @Test
    void aStylesheetOverTheSizeLimitIsRefused() {
        byte[] big = ("body { color: red; }\n".repeat(6000)).getBytes(StandardCharsets.UTF_8);
        ArticleException e = assertThrows(ArticleException.class, () -> CustomCss.check(KEY, big));
        assertEquals(ArticleException.Problem.TOO_LARGE, e.problem());
        assertTrue(e.reason().contains("at most 100 KiB"), e.reason());
    }

    @Test
    void aStylesheetThatIsNotUtf8IsRefused() {
        byte[] latin1 = "body { font-family: \"Schöne\"; }".getBytes(StandardCharsets.ISO_8859_1);
        ArticleException e = assertThrows(ArticleException.class, () -> CustomCss.check(KEY, latin1));
        assertEquals(ArticleException.Problem.NOT_TEXT, e.problem());
    }
}
