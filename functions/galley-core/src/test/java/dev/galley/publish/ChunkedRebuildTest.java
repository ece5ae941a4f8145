package dev.galley.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A re-render cut into chunks makes the site that one pass over every article makes, whatever changes meanwhile. */
class ChunkedRebuildTest {

    /** A small blog with what a re-render decides across chunks: neighbours, a shared slug, a broken replacement, a draft, images. */
    private static void writeBlog(InMemoryStores.Content content) {
        content.put("site.yaml", "title: Field notes\npageSize: 2\n");
        content.put("posts/2026-01-05-zero-downtime.md", """
                ---
                title: Zero-downtime migrations
                tags: [PostgreSQL, DevOps]
                ---
                Add the column first, backfill in batches, then switch reads. ![plan](../media/plan.png)
                See [the checklist](/articles/checklist/).
                """);
        content.put("posts/checklist.md", "---\ntitle: A release checklist\ndate: 2026-01-07\ntags: [DevOps]\n---\nOne list for every release.\n");
        content.put("posts/twin-a.md", "---\ntitle: Twin from A\ndate: 2026-01-09\nslug: twin\n---\nClaims /articles/twin/ first by date.\n");
        content.put("posts/twin-b.md", "---\ntitle: Twin from B\ndate: 2026-01-08\nslug: twin\n---\nThe earlier date owns the URL.\n");
        content.put("posts/wip.md", "---\ntitle: Work in progress\ndate: 2026-01-10\ndraft: true\n---\nNot yet.\n");
        content.put("posts/broken-link.md", "---\ntitle: Links to nothing\ndate: 2026-01-03\n---\nSee [gone](/articles/gone/).\n");
        content.put("posts/rust.md", "---\ntitle: Rust in production\ndate: 2026-01-02\ntags: [Rust]\n---\nOwnership, in anger.\n");
        content.put("posts/later.md", "---\ntitle: Held back\ndate: 2099-01-01\n---\nNot yet either.\n");
        content.put("notes.txt", "not an article");
        content.files.put("media/plan.png", png());
        content.files.put("media/logo.png", "not a png".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png() {
        try {
            return ImageSizePublishingTest.png(4, 3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The blog published, then one article replaced by a broken version: its last good version stays up. */
    private static Stores publishedBlog() {
        Stores stores = new Stores();
        writeBlog(stores.content);
        stores.publisher.rebuild();
        stores.content.put("posts/rust.md", "---\ntitle: Rust in production\ndate: someday\n---\nBroken date.\n");
        return stores;
    }

    private record Stores(InMemoryStores.Content content, InMemoryStores.Site site, Publisher publisher) {
        Stores() {
            this(new InMemoryStores.Content(), new InMemoryStores.Site());
        }

        Stores(InMemoryStores.Content content, InMemoryStores.Site site) {
            this(content, site, new Publisher(content, site));
        }

        /** Every object and its bytes (but the writer's claim, a random token), and every author's status. */
        Map<String, String> everything() {
            Map<String, String> all = new TreeMap<>();
            site.objects.forEach((path, stored) -> all.put(path, new String(stored.bytes(), StandardCharsets.UTF_8)));
            all.remove(KnownSite.CLAIM);
            all.remove(PendingWrites.PATH);  // a writer's bookkeeping, as the claim: it stays once committed, with what the last commit changed
            content.statuses.forEach((key, status) -> all.put("status of " + key, status.toString()));
            return all;
        }
    }

    @Test
    void aReRenderByChunksOfThreeWritesWhatOnePassWrites() {
        Stores onePass = publishedBlog();
        Stores chunked = publishedBlog();

        Rebuild.Report whole = onePass.publisher.rebuildInSteps().run(Integer.MAX_VALUE);
        Rebuild.Report byChunks = chunked.publisher.rebuildInSteps().run(3);

        assertEquals(onePass.everything(), chunked.everything());
        assertEquals(whole.rejected().stream().map(Throwable::getMessage).toList(), byChunks.rejected().stream().map(Throwable::getMessage).toList());
        assertEquals(List.of(whole.published(), whole.drafts(), whole.scheduled(), whole.brokenLinks()),
                List.of(byChunks.published(), byChunks.drafts(), byChunks.scheduled(), byChunks.brokenLinks()));
        assertTrue(chunked.site.objects.containsKey("articles/rust/index.html"), "the broken file's last good version stays up");
        assertEquals(1, byChunks.brokenLinks(), "the link to a missing page is found across chunks");
    }

    @Test
    void aRunWhoseStepsKeepTheirRecordsAsJsonWritesWhatOnePassWrites() throws IOException {
        Stores onePass = publishedBlog();
        Stores stepped = publishedBlog();
        onePass.publisher.rebuild();

        String chunksPath = stepped.publisher.rebuildRun("run-1").plan(3);
        List<RebuildRun.Chunk> chunks = List.of(RebuildJson.MAPPER.readValue(stepped.site.objects.get(chunksPath).bytes(), RebuildRun.Chunk[].class));
        // Each step in an invocation of its own: a new Rebuild, as each reads site.yaml anew.
        chunks.forEach(chunk -> stepped.publisher.rebuildRun("run-1").read(chunk));
        stepped.publisher.rebuildRun("run-1").list();
        chunks.forEach(chunk -> stepped.publisher.rebuildRun("run-1").render(chunk));
        List<RebuildState.IndexPart> parts = indexParts(stepped);
        parts.forEach(part -> stepped.publisher.rebuildRun("run-1").index(part));
        stepped.publisher.rebuildRun("run-1").commit();

        assertEquals(4, chunks.size());
        assertEquals(4, parts.size(), "as many index parts as chunks");
        assertEquals(onePass.everything(), stepped.everything(), "the same site, and nothing of the run left under " + RebuildRun.ROOT);
    }

    @Test
    void aRunNameThatCouldLeaveItsFolderIsRefused() {
        Stores stores = new Stores();
        assertThrows(IllegalArgumentException.class,
                () -> stores.publisher.rebuildRun("../manifest"));
    }

    @Test
    void thePlanCutsArticlesAndImagesInKeyOrder() {
        Stores stores = publishedBlog();
        RebuildState.Plan plan = stores.publisher.rebuildInSteps().plan(3);
        assertEquals(List.of(
                List.of("media/logo.png", "media/plan.png", "posts/2026-01-05-zero-downtime.md"),
                List.of("posts/broken-link.md", "posts/checklist.md", "posts/later.md"),
                List.of("posts/rust.md", "posts/twin-a.md", "posts/twin-b.md"),
                List.of("posts/wip.md")), plan.chunks());
    }

    /** Where between the steps an author's change lands. */
    enum Moment { AFTER_PLAN, AFTER_READ, AFTER_LIST, AFTER_RENDER, AFTER_INDEX }

    /** An edit that moves the article among its neighbours, a deletion of a URL's owner, and a new file. */
    private static final Consumer<InMemoryStores.Content> AUTHOR_CHANGES = content -> {
        content.put("posts/checklist.md", "---\ntitle: The release checklist, revised\ndate: 2026-01-01\ntags: [Ops]\n---\nShorter now.\n");
        content.files.remove("posts/twin-b.md");
        content.put("posts/new.md", "---\ntitle: Brand new\ndate: 2026-01-06\n---\nUploaded during the re-render.\n");
    };

    @ParameterizedTest
    @EnumSource(Moment.class)
    void sourcesChangedWhileChunksRenderArePublishedAsTheyAreNow(Moment moment) {
        Stores chunked = publishedBlog();
        Rebuild steps = chunked.publisher.rebuildInSteps();
        RebuildState.Plan plan = steps.plan(3);
        changeAt(Moment.AFTER_PLAN, moment, chunked);
        List<RebuildState.ChunkRead> read = plan.chunks().stream().map(chunk -> steps.read(chunk, plan::base)).toList();
        changeAt(Moment.AFTER_READ, moment, chunked);
        RebuildState.Listing listing = Rebuild.list(plan.base(), read);
        List<RebuildState.ChunkListing> listed = Rebuild.chunkListings(plan.chunks(), listing);
        changeAt(Moment.AFTER_LIST, moment, chunked);
        List<RebuildState.ChunkRendered> rendered = java.util.stream.IntStream.range(0, plan.chunks().size())
                .mapToObj(i -> steps.render(plan.chunks().get(i), read.get(i), listed.get(i))).toList();
        changeAt(Moment.AFTER_RENDER, moment, chunked);
        List<RebuildState.IndexWritten> indexed = List.of(steps.index(plan.base(), listing, new RebuildState.IndexPart(0, 2)),
                steps.index(plan.base(), listing, new RebuildState.IndexPart(1, 2)));
        changeAt(Moment.AFTER_INDEX, moment, chunked);
        steps.commit(plan, read, listing, rendered, java.util.Optional.of(indexed), () -> { });
        // The new file's notification is delivered too, at any time: a sync is idempotent.
        chunked.publisher.publish(List.of(SourceChange.of("posts/new.md")), () -> true);

        Stores fresh = publishedBlog();
        AUTHOR_CHANGES.accept(fresh.content);
        fresh.publisher.rebuild();

        assertEquals(withoutState(fresh.everything()), withoutState(chunked.everything()));
        assertTrue(chunked.site.objects.get("articles/checklist/index.html") != null
                && new String(chunked.site.objects.get("articles/checklist/index.html").bytes(), StandardCharsets.UTF_8).contains("Shorter now."));
    }

    private static void changeAt(Moment now, Moment chosen, Stores stores) {
        if (now == chosen) {
            AUTHOR_CHANGES.accept(stores.content);
        }
    }

    /** Without Galley's own state, whose root's revision counts commits (the re-synced changes make one more). */
    private static Map<String, String> withoutState(Map<String, String> everything) {
        Map<String, String> served = new TreeMap<>(everything);
        served.keySet().removeIf(path -> path.startsWith(StatePieces.FOLDER));
        return served;
    }

    /** The steps up to the index parts, each in an invocation of its own, for a run that then writes its index and commits. */
    private static RebuildRun renderedRun(Stores stores) throws IOException {
        String chunksPath = stores.publisher.rebuildRun("run-1").plan(3);
        List<RebuildRun.Chunk> chunks = List.of(RebuildJson.MAPPER.readValue(stores.site.objects.get(chunksPath).bytes(), RebuildRun.Chunk[].class));
        chunks.forEach(chunk -> stores.publisher.rebuildRun("run-1").read(chunk));
        stores.publisher.rebuildRun("run-1").list();
        chunks.forEach(chunk -> stores.publisher.rebuildRun("run-1").render(chunk));
        return stores.publisher.rebuildRun("run-1");
    }

    /** The index parts as the plan listed them, which the state machine's index map reads. */
    private static List<RebuildState.IndexPart> indexParts(Stores stores) throws IOException {
        return List.of(RebuildJson.MAPPER.readValue(stores.site.objects.get(stores.publisher.rebuildRun("run-1").indexParts()).bytes(),
                RebuildState.IndexPart[].class));
    }

    private static void writeIndex(Stores stores) throws IOException {
        indexParts(stores).forEach(part -> stores.publisher.rebuildRun("run-1").index(part));
    }

    /** A change to the site's settings: every page moves, so every index page differs from the state before. */
    private static final String CHANGED_SITE_YAML = "title: Notes from the field\npageSize: 2\npermalink: /:year/:slug/\n";

    /** A re-render of a changed {@code site.yaml} run up to its commit: planned, read, listed, rendered, index written. */
    private static RebuildRun indexWrittenAfterASiteChange(Stores stores) throws IOException {
        stores.content.put("site.yaml", CHANGED_SITE_YAML);
        RebuildRun run = renderedRun(stores);
        writeIndex(stores);
        return run;
    }

    private static final String NEW_ARTICLE = "---\ntitle: Feature flags without regret\ndate: 2026-01-12\ntags: [DevOps]\n---\nShip dark, then turn it on.\n";

    @Test
    void theCommitStepWritesTheManifestAfterEveryOtherFile() throws IOException {
        Stores stores = publishedBlog();
        stores.content.put("posts/flags.md", NEW_ARTICLE);
        RebuildRun run = renderedRun(stores);
        List<String> written = new CopyOnWriteArrayList<>();
        stores.site.beforeWrite = written::add;

        writeIndex(stores);
        run.commit();

        assertTrue(written.contains("index.html"), "the home page lists the new article: " + written);
        assertEquals(StatePieces.ROOT, written.get(written.size() - 1), "the manifest is written last: " + written);
    }

    @Test
    void aCommitStepThatFailsAtTheManifestIsRunAgainInFullAndMakesTheOnePassSite() throws IOException {
        Stores onePass = publishedBlog();
        Stores stepped = publishedBlog();
        onePass.content.put("posts/flags.md", NEW_ARTICLE);
        stepped.content.put("posts/flags.md", NEW_ARTICLE);
        onePass.publisher.rebuild();
        RebuildRun run = renderedRun(stepped);
        writeIndex(stepped);
        byte[] manifestBefore = stepped.site.objects.get(StatePieces.ROOT).bytes();
        stepped.site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT)) {
                throw new StoreException("S3 answered 503 to the manifest's PUT", true, null);
            }
        };

        assertThrows(StoreException.class, run::commit);

        assertArrayEquals(manifestBefore, stepped.site.objects.get(StatePieces.ROOT).bytes(), "nothing is committed");
        stepped.site.beforeWrite = path -> { };
        stepped.publisher.rebuildRun("run-1").commit();
        assertEquals(onePass.everything(), stepped.everything());
    }

    /**
     * A batch that commits between the index parts and the commit (its own index pages show its state, without the
     * re-render's listing and configuration): the commit writes every index page itself, and the site is the one a
     * re-render of the final bucket makes.
     */
    @Test
    void aBatchCommittedAfterTheIndexPartsMakesTheCommitWriteTheIndexPagesItself() throws IOException {
        Stores stepped = publishedBlog();
        RebuildRun run = indexWrittenAfterASiteChange(stepped);
        stepped.content.put("posts/flags.md", NEW_ARTICLE);
        stepped.publisher.publish(List.of(SourceChange.of("posts/flags.md")), () -> true);
        assertTrue(new String(stepped.site.objects.get("tags/devops/index.html").bytes(), StandardCharsets.UTF_8).contains("Feature flags"),
                "the batch wrote the tag page");

        run.commit();

        Stores fresh = publishedBlog();
        fresh.content.put("site.yaml", CHANGED_SITE_YAML);
        fresh.content.put("posts/flags.md", NEW_ARTICLE);
        fresh.publisher.rebuild();
        assertEquals(withoutState(fresh.everything()), withoutState(stepped.everything()));
    }

    /** A run planned by a version before the index step, committed by this one: the commit writes every index page. */
    @Test
    void aRunPlannedWithoutIndexPartsIsCommittedWithEveryIndexPage() throws IOException {
        Stores stepped = publishedBlog();
        stepped.content.put("site.yaml", CHANGED_SITE_YAML);
        RebuildRun run = renderedRun(stepped);
        stepped.site.objects.remove(stepped.publisher.rebuildRun("run-1").indexParts());

        run.commit();

        Stores fresh = publishedBlog();
        fresh.content.put("site.yaml", CHANGED_SITE_YAML);
        fresh.publisher.rebuild();
        assertEquals(withoutState(fresh.everything()), withoutState(stepped.everything()));
    }

    /**
     * A batch that fails at its commit after the index parts, its article deleted, delivered again before the
     * re-render's commit (a FIFO queue delivers it first): it puts its pages right from the state before the re-render
     * and has nothing else to commit. Its put right still counts a revision, so the commit writes every index page.
     */
    @Test
    void aBatchThatPutRightItsOwnPagesAfterTheIndexPartsMakesTheCommitWriteTheIndexPagesItself() throws IOException {
        Stores stepped = publishedBlog();
        RebuildRun run = indexWrittenAfterASiteChange(stepped);
        stepped.content.put("posts/flags.md", NEW_ARTICLE);
        stepped.site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT)) {
                throw new StoreException("S3 answered 503 to the manifest's PUT", true, null);
            }
        };
        assertTrue(stepped.publisher.publish(List.of(SourceChange.of("posts/flags.md")), () -> true).handBackCause().isPresent(),
                "the batch fails at its commit");
        stepped.site.beforeWrite = path -> { };
        stepped.content.files.remove("posts/flags.md");
        stepped.publisher.publish(List.of(SourceChange.of("posts/flags.md")), () -> true);  // delivered again: gone
        assertTrue(!stepped.site.objects.containsKey(PendingWrites.PATH), "the batch put its pages right");

        run.commit();

        Stores fresh = publishedBlog();
        fresh.content.put("site.yaml", CHANGED_SITE_YAML);
        fresh.publisher.rebuild();
        assertEquals(withoutState(fresh.everything()), withoutState(stepped.everything()));
    }

    /**
     * A batch that fails at its commit leaves pages of a state never committed, and its author deletes the article
     * before it comes again. The re-render's commit puts them right from the state before the re-render, and fails
     * while it writes the index pages again; run again, it writes them all again (the put right's record is gone by
     * then, so the index parts were forgotten for good before it), and the site is the one a re-render makes.
     */
    @Test
    void aCommitThatPutRightAnUncommittedBatchAndFailedWritesEveryIndexPageWhenRunAgain() throws IOException {
        Stores stepped = publishedBlog();
        RebuildRun run = indexWrittenAfterASiteChange(stepped);
        stepped.content.put("posts/flags.md", NEW_ARTICLE);
        stepped.site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT)) {
                throw new StoreException("S3 answered 503 to the manifest's PUT", true, null);
            }
        };
        assertTrue(stepped.publisher.publish(List.of(SourceChange.of("posts/flags.md")), () -> true).handBackCause().isPresent(),
                "the batch fails at its commit");
        stepped.content.files.remove("posts/flags.md");
        AtomicInteger tagPageWrites = new AtomicInteger();
        stepped.site.beforeWrite = path -> {
            if (path.equals("tags/devops/index.html") && tagPageWrites.incrementAndGet() == 2) {  // put right, then written again
                throw new StoreException("S3 answered 503 to a tag page's PUT", true, null);
            }
        };
        assertThrows(StoreException.class, run::commit);
        assertTrue(!stepped.site.objects.containsKey(PendingWrites.PATH), "the pages were put right, and its record deleted");

        stepped.site.beforeWrite = path -> { };
        stepped.publisher.rebuildRun("run-1").commit();
        stepped.publisher.publish(List.of(SourceChange.of("posts/flags.md")), () -> true);  // delivered again: gone

        Stores fresh = publishedBlog();
        fresh.content.put("site.yaml", CHANGED_SITE_YAML);
        fresh.publisher.rebuild();
        assertEquals(withoutState(fresh.everything()), withoutState(stepped.everything()));
    }
}
