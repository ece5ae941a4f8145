package dev.galley.publish;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A menu or footer change is a site.yaml change: every page shows it, and a bad entry reaches the owner. */
class SiteMenuPublishingTest {

    private static final Pattern MENU_ABOUT = Pattern.compile("<a href=\"/about/\"( aria-current=\"page\")?>About</a>");

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final Publisher publisher = new Publisher(content, site);

    @Test
    void aNewMenuReachesEveryPageAndABadEntryIsAWarningOnSiteYaml() {
        content.put("canaries.md", PublisherTest.article("Canaries", "2026-03-01", "tags: [DevOps]"));
        content.put("pages/about.md", "---\ntitle: About\n---\nHi.\n");
        content.put("site.yaml", "title: Blog\n");
        publisher.sync(SourceChange.of("site.yaml"));
        List<String> pages = List.of("index.html", "tags/index.html", "tags/devops/index.html", "404.html", "articles/canaries/index.html",
                "about/index.html");
        pages.forEach(page -> assertFalse(MENU_ABOUT.matcher(site.text(page)).find(), page));

        content.put("site.yaml", """
                title: Blog
                menu:
                  - {title: About, url: /about/}
                  - {title: Oops, url: "javascript:alert(1)"}
                footer: Written in Malmö
                """);
        assertEquals(Outcome.Kind.REBUILT, publisher.sync(SourceChange.of("site.yaml")).kind());
        for (String page : pages) {
            assertTrue(MENU_ABOUT.matcher(site.text(page)).find(), page + " lacks the menu");
            assertTrue(site.text(page).contains("<p>Written in Malmö</p>"), page + " lacks the footer");
            assertFalse(site.text(page).contains("Oops"), page);
        }
        PublishStatus status = content.statuses.get("site.yaml");
        assertEquals(PublishStatus.State.PUBLISHED, status.state());
        assertEquals(List.of("line 4: menu entry 2 is not shown: url \"javascript:alert(1)\" must be a path on the site such as /about/, "
                + "or an https:// URL"), status.warnings());
    }

    @Test
    void aMenuLinkThatLeadsNowhereIsABrokenLinkOfSiteYaml() {
        content.put("canaries.md", PublisherTest.article("Canaries", "2026-03-01", "tags: [DevOps]"));
        content.put("pages/about.md", "---\ntitle: About\n---\nHi.\n");
        content.put("site.yaml", """
                title: Blog
                menu:
                  - {title: About, url: /about/}
                  - {title: Now, url: /now/}
                  - {title: DevOps, url: "/tags/devops/#latest"}
                  - {title: Feed, url: /feed.xml}
                  - {title: Code, url: "https://example.com/never-checked/"}
                """);
        Rebuild.Report report = publisher.rebuild();
        assertEquals(List.of("site.yaml: the link /now/ leads to no page or image of this site; point it at the page's URL, which its "
                + "galley-url status tag names, or upload what it shows"), report.warnings().stream().map(w -> w.message()).toList());
        assertEquals(1, report.brokenLinks());
        assertEquals(1, content.statuses.get("site.yaml").warnings().size());
        assertTrue(site.text("_galley/links.json").contains("\"link\" : \"/now/\""), site.text("_galley/links.json"));
    }

    @Test
    void theBuildReportsABadMenuEntryWithFileAndLine() {
        content.put("site.yaml", "title: Blog\nmenu:\n  - title: Docs\n");
        Rebuild.Report report = publisher.rebuild();
        assertEquals(1, report.warnings().size());
        assertEquals("site.yaml:3: menu entry 1 is not shown: it has no url", report.warnings().get(0).message());
    }
}
