package dev.galley.article;

import dev.galley.site.Permalink;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files are standalone pages, and where they go: the rule the README documents. */
class StandalonePageTest {

    /** Articles live under a dated pattern here, so a page's own /<slug>/ cannot be mistaken for the pattern's. */
    private final ArticleParser parser = new ArticleParser(SiteConfig.defaults().withPermalink(Permalink.parse("/:year/:slug/")));

    private Article parse(String key, String text) throws ArticleException {
        return parser.parse(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileUnderPagesIsAPageAtItsSlugAndNeedsNoDate() throws ArticleException {
        Article about = parse("pages/about.md", """
                ---
                title: About
                ---
                I write about release engineering and the tools around it.
                """);
        assertTrue(about.summary().page());
        assertEquals("about/", about.summary().path());
        assertNull(about.summary().date(), "a page without a date has none");
        assertFalse(about.window().heldAt(java.time.Instant.now()), "and is not held back waiting for one");
    }

    @Test
    void jekyllsAboutAtTheRootComesAcrossByItsLayout() throws ArticleException {
        // minima's about.md, as `jekyll new` writes it
        Article about = parse("about.md", """
                ---
                layout: page
                title: About
                permalink: /about/
                ---

                This is the base Jekyll theme. You can find out more info about customizing your Jekyll theme, as well as basic
                Jekyll usage documentation at [jekyllrb.com](https://jekyllrb.com/)
                """);
        assertTrue(about.summary().page());
        assertEquals("about/", about.summary().path());
    }

    @Test
    void hugosTypePageMakesAPageAndItsDateIsKept() throws ArticleException {
        Article about = parse("about.md", """
                +++
                title = "About me"
                date = 2019-02-28
                type = "page"
                menu = "main"
                +++
                Hi, I'm a systems programmer.
                """.replace("+++", "---").replace(" = ", ": "));
        assertTrue(about.summary().page());
        assertEquals("about/", about.summary().path(), "a page ignores the site's permalink pattern for articles");
        assertEquals(LocalDate.of(2019, 2, 28), about.summary().date().toLocalDate());
    }

    @Test
    void aPageKeepsItsOwnPermalinkAndAliases() throws ArticleException {
        Article contact = parse("pages/contact.md", """
                ---
                title: Contact
                url: /contact.html
                aliases: [/about/contact/]
                ---
                Mail me.
                """);
        assertEquals("contact.html", contact.summary().path());
        assertEquals(List.of("about/contact/"), contact.summary().aliases());
    }

    @Test
    void aPageIsOnNoTagsPageAndNeverFeatured() throws ArticleException {
        Article uses = parse("pages/uses.md", "---\ntitle: Uses\ntags: [tools]\nfeatured: true\n---\nMy desk.\n");
        assertEquals(List.of(), uses.summary().tags());
        assertFalse(uses.summary().featured());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pages/tags.md | ''                  | /tags/ holds Galley's own files
            pages/page.md | ''                  | /page/ holds Galley's own files
            pages/x.md    | 'permalink: /feed.xml' | /feed.xml is a file of the site
            pages/x.md    | 'url: /'            | / is the home page
            """)
    void aPageCannotTakeOneOfGalleysOwnPaths(String key, String extra, String reason) {
        ArticleException e = assertThrows(ArticleException.class, () -> parse(key, "---\ntitle: T\n" + extra + "\n---\nBody.\n"));
        assertTrue(e.reason().contains(reason), e.reason());
        assertEquals(extra.isEmpty() ? 0 : 3, e.line(), "the error names the line of the key, or the file name's slug");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            posts/about.md   | layout: post
            about.md         | layout: default
            pagesx/about.md  | title2: x
            """)
    void otherFilesAreArticlesAndStillNeedADate(String key, String extra) {
        ArticleException e = assertThrows(ArticleException.class, () -> parse(key, "---\ntitle: About\n" + extra + "\n---\nBody.\n"));
        assertEquals(ArticleException.Problem.MISSING_FIELD, e.problem());
        assertTrue(e.reason().contains("no date"), e.reason());
    }

    @Test
    void aLinkToAPagesFileLeadsToThePageNotToTheArticlesPattern() throws ArticleException {
        Article post = parse("_posts/2026-03-01-hello.md", """
                ---
                title: Hello
                ---
                New here? Read [about me]({% link pages/about.md %}) or [what I use]({{< ref "pages/uses#desk" >}}).
                """);
        assertTrue(post.bodyHtml().contains("href=\"/about/\""), post.bodyHtml());
        assertTrue(post.bodyHtml().contains("href=\"/uses/#desk\""), post.bodyHtml());
    }

    @Test
    void aDraftPageIsADraft() throws ArticleException {
        assertTrue(parse("pages/now.md", "---\ntitle: Now\ndraft: true\n---\nSoon.\n").draft());
    }
}
