package dev.galley.site;

import dev.galley.article.ArticleSummary;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaginationTest {

    private static List<ArticleSummary> articles(int count) {
        List<ArticleSummary> list = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            list.add(new ArticleSummary("post-" + i, "Post " + i, OffsetDateTime.parse("2020-01-01T00:00:00Z").plusDays(i), null,
                    List.of(), List.of(), "", List.of(), 1, null, false));
        }
        return list;
    }

    @Test
    void mustShowEveryArticleExactlyOnceWithLinksBothWays() {
        List<ListingPage> pages = Pagination.paginate("tags/go/", articles(1_000), 20);
        List<ArticleSummary> seen = new ArrayList<>();
        pages.forEach(p -> seen.addAll(p.articles()));
        assertEquals(articles(1_000), seen);
        assertEquals("tags/go/", pages.get(0).path());
        assertEquals(20, pages.get(0).articles().size());
        assertNull(pages.get(0).newer());
        assertNull(pages.get(pages.size() - 1).older());
        for (int i = 1; i < pages.size(); i++) {
            assertEquals(pages.get(i - 1).older(), pages.get(i).path());
            assertEquals(pages.get(i).newer(), pages.get(i - 1).path());
            assertTrue(pages.get(i).path().startsWith("tags/go/page/"));
        }
    }

    @Test
    void archivePagesOfTwoArticlesWithOneSlugGetTheirOwnNamesFromTheirPaths() {
        List<ArticleSummary> list = new ArrayList<>();
        for (int year = 2030; year >= 2000; year--) {
            list.add(new ArticleSummary("kubecon-eu", "KubeCon " + year, OffsetDateTime.parse(year + "-04-01T00:00:00Z"), null,
                    List.of(), List.of(), "", List.of(), 1, null, false, year + "/kubecon-eu/", List.of()));
        }
        List<ListingPage> pages = Pagination.paginate("", list, 2);
        Set<String> paths = new HashSet<>();
        pages.forEach(p -> assertTrue(paths.add(p.path()), p.path() + " twice"));
        assertEquals("page/2000-kubecon-eu/", pages.get(pages.size() - 1).path());
    }

    @Test
    void mustKeepArchivePagesNearThePageSizeOnAverageAndNeverHuge() {
        List<ListingPage> pages = Pagination.paginate("", articles(10_000), 20);
        int archive = pages.size() - 1;
        double average = (10_000 - 20) / (double) archive;
        int largest = pages.stream().mapToInt(p -> p.articles().size()).max().orElseThrow();
        assertTrue(average > 14 && average < 28, "average " + average);
        assertTrue(largest < 250, "largest " + largest);
    }

    /**
     * What a publish rewrites is the page an article lands on, which is the longer the more articles it holds: with
     * geometric lengths (a boundary wherever a hash says so) that page held twice the page size on average.
     */
    @Test
    void archivePagesHoldMoreThanHalfAPageAndTheOneAnArticleLandsOnIsNearThePageSize() {
        List<ListingPage> pages = Pagination.paginate("", articles(10_000), 20);
        List<ListingPage> archive = pages.subList(2, pages.size() - 1);  // the first and last archive pages may be short
        archive.forEach(page -> assertTrue(page.articles().size() > 10, page.path() + " holds " + page.articles().size()));
        long sumOfSquares = archive.stream().mapToLong(page -> (long) page.articles().size() * page.articles().size()).sum();
        long articles = archive.stream().mapToLong(page -> page.articles().size()).sum();
        double landedOn = sumOfSquares / (double) articles;  // the length of the page of an article picked at random
        assertTrue(landedOn < 26, "an article lands on a page of " + landedOn + " on average");
        assertTrue(archive.stream().allMatch(page -> page.articles().size() < 100), "a page of five times the page size");
    }

    @Test
    void mustChangeOnlyTheFirstPageAndOneArchivePageWhenANewArticleArrives() {
        List<ArticleSummary> before = articles(2_000);
        List<ArticleSummary> after = articles(2_001);
        Set<ListingPage> old = new HashSet<>(Pagination.paginate("", before, 20));
        long changed = Pagination.paginate("", after, 20).stream().filter(p -> !old.contains(p)).count();
        assertTrue(changed <= 3, changed + " pages changed");
    }

    @Test
    void mustChangeAtMostThreePagesWhenAnArticleInTheMiddleIsDeleted() {
        List<ArticleSummary> before = articles(2_000);
        for (int victim : new int[] {17, 500, 1_234, 1_999}) {
            List<ArticleSummary> after = new ArrayList<>(before);
            after.remove(victim);
            Set<ListingPage> old = new HashSet<>(Pagination.paginate("", before, 20));
            long changed = Pagination.paginate("", after, 20).stream().filter(p -> !old.contains(p)).count();
            assertTrue(changed <= 3, "deleting #" + victim + " changed " + changed + " pages");
        }
    }
}
