package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules a security review of raw HTML and template tags asked for: embeds, classes, and what bounds the cost. */
class EmbedsAndRawHtmlLimitsTest {

    private static Article parse(SiteConfig site, String body) throws ArticleException {
        return new ArticleParser(site).parse("a.md", ("---\ntitle: T\ndate: 2026-01-01\n---\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVideoShortcodeFramesOnlyTheHostsTheSiteAllows() throws ArticleException {
        SiteConfig d = SiteConfig.defaults();
        SiteConfig codepenOnly = new SiteConfig(d.title(), d.tagline(), d.description(), d.baseUrl(), d.author(), d.language(),
                d.timezone(), d.wordsPerMinute(), d.pageSize(), List.of("codepen.io"));
        Article article = parse(codepenOnly, "{{< youtube dQw4w9WgXcQ >}}\n");
        assertFalse(article.bodyHtml().contains("<iframe"), article.bodyHtml());
        assertEquals(1, article.warnings().size());
        assertTrue(article.warnings().get(0).reason().contains("embedHosts do not list www.youtube-nocookie.com"),
                article.warnings().get(0).reason());
        assertTrue(parse(SiteConfig.defaults(), "{{< youtube dQw4w9WgXcQ >}}\n").bodyHtml().contains("<iframe"));
    }

    @Test
    void aPlayerWrittenInsideRawHtmlIsRemovedWithAWarningAndLeavesNoPlaceholder() throws ArticleException {
        Article article = parse(SiteConfig.defaults(), "<pre>\n{{< vimeo 123 >}}\n</pre>\n");
        assertFalse(article.bodyHtml().contains("galleyembed"), article.bodyHtml());
        assertFalse(article.bodyHtml().contains("<iframe"), article.bodyHtml());
        assertEquals(List.of("1 player or figure written inside raw HTML, a heading, a table or a link cannot be shown there, "
                + "so it was removed; put each shortcode on a line of its own"), article.warnings().stream().map(ArticleWarning::reason).toList());
    }

    @Test
    void aMermaidFenceKeepsItsClassInAnArticleWithRawHtml() throws ArticleException {
        Article article = parse(SiteConfig.defaults(), "<!-- a comment -->\n\n```mermaid\ngraph TD; A-->B\n```\n");
        assertTrue(article.bodyHtml().contains("<pre class=\"mermaid\""), article.bodyHtml());
    }

    @Test
    void cdataSectionsInRawHtmlAreNotCountedAsImages() throws ArticleException {
        String body = "<div><![CDATA[ x ]]></div>\n".repeat(ArticleParser.MAX_IMAGES + 1);
        assertEquals("T", parse(SiteConfig.defaults(), body).summary().title());
    }

    @Test
    void moreRawHtmlTagsThanTheLimitIsRefusedNotSanitizedForMinutes() {
        String hostile = "<table><s>".repeat(ArticleParser.MAX_RAW_HTML_TAGS / 2 + 1) + "\n";
        ArticleException e = assertThrows(ArticleException.class, () -> parse(SiteConfig.defaults(), hostile));
        assertEquals(ArticleException.Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("the raw HTML has 20,002 tags"), e.getMessage());
    }
}
