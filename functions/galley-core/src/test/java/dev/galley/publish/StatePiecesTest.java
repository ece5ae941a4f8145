package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatePiecesTest {

    /** A manifest of before the pieces, as a site published by an older Galley holds it. */
    private static final String OLD_MANIFEST = """
            {"revision":7,"entries":{"articles/designing-dashboards/":{"sourceKey":"designing-dashboards.md","sourceEtag":"\\"9b2cf535f27731c974343645a3985328\\"",\
            "sequencer":"0062A3B1C2D3E4F5","article":{"slug":"designing-dashboards","title":"Designing dashboards people read",\
            "date":"2026-02-14T00:00:00Z","updated":null,"tags":["Observability"],"summary":["A dashboard is a question."],\
            "canonical":"","authors":[],"minutes":3,"image":null,"path":"articles/designing-dashboards/"}}},\
            "retired":{"old-post.md":["articles/old-post/"]},"claims":{"copy.md":"articles/designing-dashboards/"}}
            """;

    private final InMemoryStores.Site site = new InMemoryStores.Site();

    @BeforeEach
    void coldStart() {
        StatePieces.forgetShards();
        site.checkLinks = false;
    }

    private static Manifest manifest(int articles) {
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        for (int i = 0; i < articles; i++) {
            Manifest.Entry entry = entry(i, "etag-" + i);
            entries.put(entry.article().path(), entry);
        }
        return new Manifest(1, entries).without("post-3.md").withClaim("copy.md", "articles/post-1/");
    }

    private static Manifest.Entry entry(int i, String etag) {
        ArticleSummary article = new ArticleSummary("post-" + i, "Post " + i, OffsetDateTime.parse("2024-01-01T00:00:00Z").plusDays(i), null,
                List.of(i % 2 == 0 ? "Go" : "Rust"), List.of("The summary of post " + i + "."), "", List.of(), 2, null, false);
        return new Manifest.Entry("post-" + i + ".md", etag, "seq-" + i, article);
    }

    /**
     * A warm writer re-splits only the shards around the keys a commit changes; a cold one (or a writer whose last
     * manifest is another) splits every map again. Over random changes both commit the same root: the same shards.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aWarmCommitSplittingAroundTheChangesNamesTheShardsAFullSplitDoes(long seed) {
        java.util.Random random = new java.util.Random(seed);
        InMemoryStores.Site cold = new InMemoryStores.Site();
        cold.checkLinks = false;
        assertTrue(commit(manifest(600 + random.nextInt(600))));
        for (int step = 0; step < 30; step++) {
            ManifestStore.Snapshot warm = StatePieces.read(site);
            Manifest next = warm.value();
            for (int change = 1 + random.nextInt(4); change > 0; change--) {
                int i = random.nextInt(1400);
                List<Manifest.Entry> ending = next.entries().values().stream()
                        .filter(e -> dev.galley.site.Shards.ends(e.article().path(), StatePieces.AVERAGE_SHARD)).toList();
                next = switch (random.nextInt(5)) {
                    case 0 -> next.without("post-" + i + ".md");
                    // an entry that ends a shard: its removal joins two shards
                    case 4 -> ending.isEmpty() ? next : next.without(ending.get(random.nextInt(ending.size())).sourceKey());
                    case 1 -> next.withClaim("claim-" + i + ".md", "articles/post-" + i + "/");
                    case 2 -> next.withoutClaim("claim-" + i + ".md");
                    default -> next.with(entry(i, "etag-" + step));
                };
            }
            next = next.withRevision(warm.value().revision() + 1);
            // The same commit made cold, on a copy of the store: this process then holds no shard and no last manifest.
            cold.objects.clear();
            cold.objects.putAll(site.objects);
            assertTrue(StatePieces.commit(site, warm, next), "warm, step " + step);
            StatePieces.forgetShards();
            assertTrue(StatePieces.commit(cold, new ManifestStore.Snapshot(warm.value(), cold.head(StatePieces.ROOT)), next), "cold, step " + step);
            assertArrayEquals(cold.read(StatePieces.ROOT).orElseThrow().bytes(), site.read(StatePieces.ROOT).orElseThrow().bytes(),
                    "seed " + seed + ", step " + step);
            assertEquals(next, StatePieces.assemble(site.read(StatePieces.ROOT).orElseThrow().bytes(),
                    name -> site.read(StatePieces.FOLDER + name + ".json").map(SiteStore.Stored::bytes)));
        }
    }

    private boolean commit(Manifest next) {
        return StatePieces.commit(site, StatePieces.read(site), next);
    }

    @Test
    void aManifestCommittedInPiecesReadsBackEqualOnAColdStart() {
        Manifest manifest = manifest(700);
        assertTrue(commit(manifest));
        StatePieces.forgetShards();
        Manifest read = StatePieces.read(site).value();
        assertEquals(manifest, read);
        assertEquals(List.of("articles/post-3/"), read.retired().get("post-3.md"));
        assertEquals("articles/post-1/", read.claims().get("copy.md"));
        assertTrue(site.objects.keySet().stream().filter(path -> path.startsWith(StatePieces.FOLDER)).count() > 4,
                "700 entries make several shards: " + site.objects.keySet());
    }

    @Test
    void everyShardIsNamedAfterAHashOfItsBytesAndTheRootNamesExactlyTheShardsStored() throws Exception {
        assertTrue(commit(manifest(700)));
        assertTrue(commit(StatePieces.read(site).value().with(entry(5, "edited"))));
        java.util.Set<String> named = StatePieces.known(site, site.objects.get(StatePieces.ROOT).bytes());
        List<String> stored = site.objects.keySet().stream().filter(path -> path.startsWith(StatePieces.FOLDER) && !path.equals(StatePieces.ROOT))
                .map(path -> path.substring(StatePieces.FOLDER.length(), path.length() - ".json".length())).sorted().toList();
        assertEquals(named.stream().sorted().toList(), stored, "the old shard of the edited entry is deleted after the commit");
        for (String name : stored) {
            byte[] bytes = site.objects.get(StatePieces.FOLDER + name + ".json").bytes();
            assertEquals(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 10));
        }
    }

    @Test
    void anEditRewritesOneShardAndTheRootAndPutsTheShardItReplacedInTheTrash() {
        assertTrue(commit(manifest(600)));
        int writes = site.writes;
        int deletes = site.deletes;
        assertTrue(commit(StatePieces.read(site).value().with(entry(1_234, "edited"))));
        assertEquals(2, site.writes - writes, "the edited entry's shard and the root");
        assertEquals(0, site.deletes - deletes, "the shard it replaced waits in the trash");
        assertEquals(1, RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).trash().size());
    }

    @Test
    void theCommitThatFillsTheTrashEmptiesItAndAShardNamedAgainIsNeverDeleted() {
        assertTrue(commit(manifest(600)));
        Manifest first = StatePieces.read(site).value();
        assertTrue(commit(first.with(entry(5, "edited"))));
        assertTrue(commit(new Manifest(first.revision() + 2, first.entries(), first.retired(), first.claims())),
                "the edit undone: the shard it trashed is named again");
        int deletes = site.deletes;
        Manifest last = null;
        for (int edit = 1; edit <= StatePieces.TRASH_DELETED_AT; edit++) {
            last = StatePieces.read(site).value().with(entry(100 + edit * 13, "edit " + edit));
            assertTrue(commit(last));
        }
        assertTrue(site.deletes - deletes >= StatePieces.TRASH_DELETED_AT, "a trashful deleted: " + (site.deletes - deletes));
        assertTrue(RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).trash().size() < StatePieces.TRASH_DELETED_AT);
        for (String name : StatePieces.known(site, site.objects.get(StatePieces.ROOT).bytes())) {
            assertTrue(site.objects.containsKey(StatePieces.FOLDER + name + ".json"), name + " is named or in the trash, and there");
        }
        StatePieces.forgetShards();
        assertEquals(last.entries(), StatePieces.read(site).value().entries(), "read back cold");
    }

    /** 10,000 entries make some 600 shards: their names are in pieces, and the root names the pieces. */
    @Test
    void aLargeSitesRootStaysSmallAndAnEditRewritesOneShardOnePieceAndTheRoot() {
        assertTrue(commit(manifest(10_000)));
        byte[] root = site.objects.get(StatePieces.ROOT).bytes();
        assertTrue(root.length < 2_000, "the root names some 10 pieces, not 600 shards: " + new String(root, StandardCharsets.UTF_8));
        int writes = site.writes;
        int deletes = site.deletes;
        assertTrue(commit(StatePieces.read(site).value().with(entry(1_234, "edited"))));
        assertEquals(3, site.writes - writes, "the edited entry's shard, the piece naming it and the root");
        assertEquals(0, site.deletes - deletes, "the shard and the piece they replaced wait in the trash");
        StatePieces.forgetShards();
        assertEquals("edited", StatePieces.read(site).value().byPath("articles/post-1234/").sourceEtag(), "read back cold, through the pieces");
    }

    /** A root written before pieces names every shard itself, however many: it reads, and its next commit stores pieces. */
    @Test
    void aLongRootOfBeforePiecesReadsAndItsNextCommitPutsItInPieces() {
        Manifest manifest = manifest(10_000);
        assertTrue(commit(manifest));
        StatePieces.Root resolved = RootPieces.resolve(RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()),
                name -> site.read(StatePieces.FOLDER + name + ".json").map(SiteStore.Stored::bytes));
        for (String piece : RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).pieceNames()) {
            site.delete(StatePieces.FOLDER + piece + ".json");
        }
        RootPieces.Stored before = new RootPieces.Stored(resolved.revision(), 0, resolved.entries(), resolved.retired(), resolved.claims(), Map.of(),
                resolved.owed());  // layout 0: as a root without one reads
        site.write(new SiteFile(StatePieces.ROOT, StatePieces.write(before), ContentKind.INTERNAL_JSON), Map.of(), new SiteStore.Condition.None());
        StatePieces.forgetShards();

        ManifestStore.Snapshot old = StatePieces.read(site);
        assertEquals(manifest, old.value());
        assertTrue(StatePieces.commit(site, old, old.value().with(entry(7, "edited"))));
        assertFalse(RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).pieceNames().isEmpty(), "the root names pieces now");
        StatePieces.forgetShards();
        assertEquals("edited", StatePieces.read(site).value().byPath("articles/post-7/").sourceEtag());
    }

    @Test
    void aCommitOverAStaleRootWritesNoRootAndDeletesNothing() {
        assertTrue(commit(manifest(300)));
        ManifestStore.Snapshot stale = StatePieces.read(site);
        assertTrue(commit(stale.value().with(entry(1, "first"))));
        byte[] root = site.objects.get(StatePieces.ROOT).bytes();
        int deletes = site.deletes;
        assertFalse(StatePieces.commit(site, stale, stale.value().with(entry(2, "second"))));
        assertArrayEquals(root, site.objects.get(StatePieces.ROOT).bytes());
        assertEquals(deletes, site.deletes);
        assertEquals("first", StatePieces.read(site).value().byPath("articles/post-1/").sourceEtag());
    }

    @Test
    void aShardDeletedUnderAReaderIsARetryableFailure() {
        assertTrue(commit(manifest(300)));
        StatePieces.forgetShards();
        byte[] root = site.objects.get(StatePieces.ROOT).bytes();
        StoreException gone = assertThrows(StoreException.class, () -> StatePieces.assemble(root, name -> Optional.empty()));
        assertTrue(gone.retryable(), gone.getMessage());
        assertTrue(gone.getMessage().contains(StatePieces.FOLDER), gone.getMessage());
    }

    @Test
    void anOldSitesSingleManifestIsReadAndItsFirstCommitLeavesOnlyPieces() {
        site.objects.put(ManifestCodec.PATH, new SiteStore.Stored(OLD_MANIFEST.strip().getBytes(StandardCharsets.UTF_8), new SiteStore.Version("e1", Map.of())));
        ManifestStore.Snapshot old = StatePieces.read(site);
        assertEquals(Optional.empty(), old.version(), "read as a site without a root, so the first commit writes every index page");
        assertEquals(7, old.value().revision());
        assertEquals("designing-dashboards.md", old.value().byPath("articles/designing-dashboards/").sourceKey());

        assertTrue(StatePieces.commit(site, old, new Manifest(8, old.value().entries(), old.value().retired(), old.value().claims())));
        assertNull(site.objects.get(ManifestCodec.PATH), "the single file is gone once the pieces hold it");
        StatePieces.forgetShards();
        Manifest migrated = StatePieces.read(site).value();
        assertEquals(8, migrated.revision());
        assertEquals(old.value().entries(), migrated.entries());
        assertEquals(old.value().retired(), migrated.retired());
        assertEquals(old.value().claims(), migrated.claims());
    }

    /** The sitemap and search index of an older Galley: one file each, with every article. */
    private static final String OLD_SITEMAP = """
            <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>\
            <loc>http://localhost/</loc><lastmod>2024-12-30T00:00:00Z</lastmod></url><url><loc>http://localhost/articles/post-1/</loc>\
            <lastmod>2024-01-02T00:00:00Z</lastmod></url></urlset>""";
    private static final String OLD_SEARCH = """
            [{"title":"Post 1","slug":"post-1","url":"/articles/post-1/","date":"2024-01-02","tags":["Go"],"summary":"Body of Post 1."}]""";

    @Test
    void anOldSiteMigratesOnItsFirstPublishToTheSiteAFreshBuildOfItsBucketMakes() {
        InMemoryStores.Content content = new InMemoryStores.Content();
        for (int i = 0; i < 400; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString(),
                    "tags: [" + (i % 2 == 0 ? "Go" : "Rust") + "]"));
        }
        Publisher publisher = new Publisher(content, site);
        publisher.rebuild();
        // What an older Galley left: the state in one file, the sitemap and the search index in one file each.
        Manifest manifest = StatePieces.read(site).value();
        site.list("").stream().filter(path -> path.startsWith(StatePieces.FOLDER) || path.startsWith("sitemaps/")
                || path.startsWith("search/") && path.endsWith(".json")).forEach(site::delete);
        site.write(new SiteFile(ManifestCodec.PATH, ManifestCodec.write(manifest), ContentKind.INTERNAL_JSON), Map.of(), new SiteStore.Condition.None());
        site.write(new SiteFile("sitemap.xml", OLD_SITEMAP.getBytes(StandardCharsets.UTF_8), ContentKind.XML), Map.of(), new SiteStore.Condition.None());
        site.write(new SiteFile("search.json", OLD_SEARCH.getBytes(StandardCharsets.UTF_8), ContentKind.JSON), Map.of(), new SiteStore.Condition.None());
        StatePieces.forgetShards();

        content.put("new.md", article("New", "2025-06-01", "tags: [Go]"));
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of("new.md")).kind());

        InMemoryStores.Site fresh = new InMemoryStores.Site();
        fresh.checkLinks = false;
        new Publisher(content, fresh).rebuild();
        assertEquals(fresh.list(""), site.list(""), "the migrated site holds the files a fresh build does, and no manifest.json");
        for (String path : fresh.list("")) {
            if (!path.startsWith("_galley/")) {
                assertEquals(fresh.text(path), site.text(path), path + " differs from a fresh build");
            }
        }
        assertEquals(StatePieces.read(fresh).value().entries().keySet(), StatePieces.read(site).value().entries().keySet());
    }

    /**
     * A site an older Galley laid out (search chunks of about 128 articles, sitemaps of about 256 pages, counts on the
     * tag pages, archive pages of other boundaries, a root without a layout) becomes, on its first publish, the site a fresh build of its bucket makes: every index page written
     * again where it differs, and the old chunks gone.
     */
    @Test
    void anOlderLayoutIsLaidOutAgainByTheFirstPublish() {
        InMemoryStores.Content content = new InMemoryStores.Content();
        for (int i = 0; i < 300; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString(),
                    "tags: [" + (i % 2 == 0 ? "Go" : "Rust") + "]"));
        }
        Publisher publisher = new Publisher(content, site);
        publisher.rebuild();
        String root = new String(site.objects.get(StatePieces.ROOT).bytes(), StandardCharsets.UTF_8);
        assertTrue(root.contains("\"layout\":" + StatePieces.LAYOUT), root);
        site.write(new SiteFile(StatePieces.ROOT, root.replace("\"layout\":" + StatePieces.LAYOUT + ",", "").getBytes(StandardCharsets.UTF_8),
                ContentKind.INTERNAL_JSON), Map.of(), new SiteStore.Condition.None());
        site.list("search/").stream().filter(path -> path.endsWith(".json")).forEach(site::delete);
        site.write(new SiteFile("search/0123456789ab.json", OLD_SEARCH.getBytes(StandardCharsets.UTF_8), ContentKind.JSON), Map.of(),
                new SiteStore.Condition.None());
        site.write(new SiteFile("search.json", "{\"chunks\":[\"/search/0123456789ab.json\"]}".getBytes(StandardCharsets.UTF_8), ContentKind.JSON),
                Map.of(), new SiteStore.Condition.None());
        site.list("sitemaps/").stream().filter(path -> !path.equals("sitemaps/listings.xml")).forEach(site::delete);
        site.write(new SiteFile("sitemaps/0123456789ab.xml", OLD_SITEMAP.getBytes(StandardCharsets.UTF_8), ContentKind.XML), Map.of(),
                new SiteStore.Condition.None());
        site.write(new SiteFile("tags/go/index.html", site.text("tags/go/index.html").replace("<p class=\"page-lede\">",
                "<p class=\"page-lede\">150 articles · ").getBytes(StandardCharsets.UTF_8), ContentKind.HTML), Map.of(), new SiteStore.Condition.None());
        for (String archive : List.of("page/post-7/index.html", "tags/go/page/post-8/index.html")) {  // layout 2's boundaries
            site.write(new SiteFile(archive, "<p>an older layout's archive page</p>".getBytes(StandardCharsets.UTF_8), ContentKind.HTML),
                    Map.of(), new SiteStore.Condition.None());
        }
        site.delete(KnownSite.CLAIM);  // an older Galley's writer wrote last: this one knows nothing of the site
        StatePieces.forgetShards();

        content.put("new.md", article("New", "2023-06-01", "tags: [Rust]"));  // lands on no page of Go's
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of("new.md")).kind());

        InMemoryStores.Site fresh = new InMemoryStores.Site();
        fresh.checkLinks = false;
        new Publisher(content, fresh).rebuild();
        java.util.Set<String> differ = new java.util.TreeSet<>(fresh.list(""));
        differ.addAll(site.list(""));
        differ.removeIf(path -> fresh.list("").contains(path) && site.list("").contains(path));
        List<String> trash = RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).trash();
        differ.removeIf(path -> trash.stream().anyMatch(name -> path.equals(StatePieces.FOLDER + name + ".json")));  // a later commit's to delete
        assertEquals(java.util.Set.of(), differ, "the old chunk, sitemap and archive pages are gone, the new ones are there");
        for (String path : fresh.list("")) {
            if (!path.startsWith("_galley/")) {
                assertEquals(fresh.text(path), site.text(path), path + " differs from a fresh build");
            }
        }
        assertEquals(StatePieces.LAYOUT, RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).layout());
    }

    @Test
    void onePublishIntoALargeSiteWritesAtMostTwoShardsOfTheStateTheSitemapAndTheSearchIndex() {
        InMemoryStores.Content content = new InMemoryStores.Content();
        for (int i = 0; i < 1_500; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString(), "tags: [Go]"));
        }
        Publisher publisher = new Publisher(content, site);
        publisher.rebuild();
        for (String key : List.of("added.md", "post-700.md")) {
            content.put(key, article("Changed " + key, "2022-03-01", "tags: [Rust]"));
            List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
            site.beforeWrite = written::add;
            publisher.sync(SourceChange.of(key));
            assertTrue(written.stream().filter(path -> path.startsWith(StatePieces.FOLDER) && !path.equals(StatePieces.ROOT)).count() <= 2, written.toString());
            assertTrue(written.stream().filter(path -> path.startsWith("sitemaps/") && !path.equals("sitemaps/listings.xml")).count() <= 2, written.toString());
            assertTrue(written.stream().filter(path -> path.startsWith("search/") && path.endsWith(".json")).count() <= 2, written.toString());
            assertTrue(site.list("search/").size() > 10 && site.list("sitemaps/").size() > 5, "the site has many shards to leave alone");
        }
    }
}
