package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages {@link ChangedIndexModels} finds around a change are exactly those whose models differ between the whole
 * site before and after it ({@link SiteRenderer#indexModels}), with the same models, over random sites and histories:
 * shared slugs, two spellings of one tag, equal dates, featured articles, standalone pages, archives of many pages and
 * sites of several sitemaps and search chunks. One listing is carried through each history, as a warm writer does.
 */
class ChangedIndexModelsTest {

    private static final List<String> TAGS = List.of("Go", "go", "Rust", "DevOps", "Dev Ops", "Career", "Release Engineering", "チーム");
    private static final List<String> WORDS = List.of("cache", "deploy", "queue", "shard", "retry", "index", "lock", "trace");

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pagesAroundAChangeAreThoseTheWholeSitesModelsChange(long seed) {
        Random random = new Random(seed);
        SiteConfig site = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/"), "", "en", ZoneOffset.UTC, 220,
                2 + random.nextInt(5));
        int size = seed % 4 == 0 ? 600 + random.nextInt(1200) : random.nextInt(90);
        Map<String, ArticleSummary> byPath = new TreeMap<>();
        Map<String, String> versions = new HashMap<>();
        for (int i = 0; i < size; i++) {
            ArticleSummary article = article(random, i);
            byPath.put(article.path(), article);
            versions.put(article.path(), "v" + random.nextInt(3));
        }
        SiteListing listing = SiteListing.of(byPath.values());
        SiteRenderer renderer = new SiteRenderer(site);
        int pages = 0;
        int extraPages = 0;
        for (int step = 0; step < 25; step++) {
            Map<String, ArticleSummary> before = new TreeMap<>(byPath);
            Map<String, String> versionsBefore = new HashMap<>(versions);
            List<ArticleSummary> removed = new ArrayList<>();
            List<ArticleSummary> added = new ArrayList<>();
            change(random, size + step * 10, byPath, versions, removed, added);
            List<ArticleSummary> changed = new ArrayList<>(removed);
            changed.addAll(added);

            Map<String, IndexPage> old = ChangedIndexModels.before(site, listing, changed, versionsBefore::get);
            removed.forEach(listing::remove);
            added.forEach(listing::add);
            Map<String, IndexPage> now = ChangedIndexModels.after(site, listing, changed, versions::get, old);

            Map<String, IndexPage> wholeBefore = renderer.indexModels(before.values(), versionsBefore::get);
            Map<String, IndexPage> wholeAfter = renderer.indexModels(byPath.values(), versions::get);
            String history = "seed " + seed + ", step " + step + ", removed " + paths(removed) + ", added " + paths(added);
            Set<String> rewritten = differing(old, now);
            assertTrue(rewritten.containsAll(differing(wholeBefore, wholeAfter)), history + ": every changed page is found");
            assertEquals(gone(wholeBefore, wholeAfter), gone(old, now), history + ": pages gone");
            for (String file : rewritten) {
                assertEquals(wholeAfter.get(file), now.get(file), history + ": " + file);
            }
            extraPages += rewritten.size() - differing(wholeBefore, wholeAfter).size();
            pages += rewritten.size();
        }
        // A page found that did not change is rendered and compared with the stored bytes for nothing: rare, not wrong.
        assertTrue(extraPages * 50 <= pages, "seed " + seed + ": " + extraPages + " of " + pages + " pages found had not changed");
    }

    /** Removes, edits, adds and re-dates a few articles and pages, as one batch might. */
    private static void change(Random random, int next, Map<String, ArticleSummary> byPath, Map<String, String> versions,
                               List<ArticleSummary> removed, List<ArticleSummary> added) {
        int changes = 1 + random.nextInt(3);
        Set<String> touched = new HashSet<>();
        for (int c = 0; c < changes; c++) {
            List<String> paths = new ArrayList<>(byPath.keySet());
            int kind = random.nextInt(4);
            if (kind == 0 || paths.isEmpty()) {
                ArticleSummary article = article(random, next * 10 + c);
                if (touched.add(article.path()) && !byPath.containsKey(article.path())) {
                    byPath.put(article.path(), article);
                    versions.put(article.path(), "v0");
                    added.add(article);
                }
                continue;
            }
            String path = paths.get(random.nextInt(paths.size()));
            if (!touched.add(path)) {
                continue;
            }
            ArticleSummary was = byPath.remove(path);
            removed.add(was);
            if (kind == 1) {
                versions.remove(path);
                continue;
            }
            ArticleSummary now = kind == 2 ? withVersionOnly(was) : edited(random, was);
            byPath.put(now.path(), now);
            versions.put(now.path(), kind == 2 ? versions.get(path) + "'" : versions.get(path));
            added.add(now);
        }
    }

    private static ArticleSummary article(Random random, int i) {
        String slug = WORDS.get(random.nextInt(WORDS.size())) + "-" + random.nextInt(40);
        boolean page = random.nextInt(25) == 0;
        String path = page ? "pages/" + slug + "-" + i + "/" : "blog/" + (2020 + random.nextInt(4)) + "/" + slug + "/";
        return new ArticleSummary(slug, "Title " + i, date(random), random.nextInt(5) == 0 ? date(random) : null, tags(random),
                List.of("Summary " + i), "", List.of(), 3, null, random.nextInt(60) == 0, path, List.of(), page);
    }

    /** Up to three tags, one spelling of each slug, as the parser keeps them. */
    private static List<String> tags(Random random) {
        Map<String, String> bySlug = new java.util.LinkedHashMap<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            String tag = TAGS.get(random.nextInt(TAGS.size()));
            bySlug.putIfAbsent(dev.galley.site.SiteIndex.tagSlug(tag), tag);
        }
        return List.copyOf(bySlug.values());
    }


    /** Dates within a few months, at a few times of day and offsets: equal dates and equal instants happen. */
    private static OffsetDateTime date(Random random) {
        return OffsetDateTime.of(2024, 1 + random.nextInt(3), 1 + random.nextInt(28), random.nextInt(2) * 12, 0, 0, 0,
                ZoneOffset.ofHours(random.nextInt(2) * 2));
    }

    private static ArticleSummary withVersionOnly(ArticleSummary a) {
        return new ArticleSummary(a.slug(), a.title(), a.date(), a.updated(), a.tags(), a.summary(), a.description(), a.authors(),
                a.readingMinutes(), a.sample(), a.featured(), a.path(), a.aliases(), a.page());
    }

    private static ArticleSummary edited(Random random, ArticleSummary a) {
        List<String> tags = random.nextBoolean() ? a.tags() : tags(random);
        return new ArticleSummary(a.slug(), a.title() + "!", random.nextBoolean() ? a.date() : date(random),
                random.nextBoolean() ? a.updated() : date(random), tags, a.summary(), a.description(), a.authors(), a.readingMinutes(),
                a.sample(), random.nextInt(8) == 0 != a.featured(), a.path(), a.aliases(), a.page());
    }

    private static Set<String> differing(Map<String, IndexPage> before, Map<String, IndexPage> after) {
        Set<String> files = new TreeSet<>();
        after.forEach((file, page) -> {
            if (!page.equals(before.get(file))) {
                files.add(file);
            }
        });
        return files;
    }

    private static Set<String> gone(Map<String, IndexPage> before, Map<String, IndexPage> after) {
        Set<String> files = new TreeSet<>(before.keySet());
        files.removeAll(after.keySet());
        return files;
    }

    private static List<String> paths(List<ArticleSummary> articles) {
        return articles.stream().map(ArticleSummary::path).toList();
    }
}
