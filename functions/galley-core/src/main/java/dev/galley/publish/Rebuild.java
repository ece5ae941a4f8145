package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleWarning;
import dev.galley.publish.RebuildState.ChunkListing;
import dev.galley.publish.RebuildState.ChunkRead;
import dev.galley.publish.RebuildState.ChunkRendered;
import dev.galley.publish.RebuildState.IndexPart;
import dev.galley.publish.RebuildState.IndexWritten;
import dev.galley.publish.RebuildState.Listing;
import dev.galley.publish.RebuildState.Plan;
import dev.galley.render.SiteRenderer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Re-renders every article in the content store, removes pages whose source is gone, and rewrites the manifest and
 * every index page, in six steps: {@link #plan} cuts the articles and images into chunks; {@link #read} parses a
 * chunk's articles; {@link #list} decides, once every chunk is read, which file owns each URL (a page links to its
 * neighbours, known only once every date and slug is); {@link #render} writes a chunk's pages and images;
 * {@link #index} writes a part of the index pages; and {@link #commit} writes the rest of what shows the whole site
 * and then, last, commits the manifest once. {@link #run} takes them in turn in
 * one process (the local build, the preview, tests); on AWS a state machine runs each chunk in an invocation of its
 * own, so that none grows with the site. Within a step, the site store says how many calls run at a time
 * ({@link SiteStore#concurrentCalls}).
 */
public final class Rebuild {

    /** Keys a chunk holds when one process takes every step: large enough that waiting between chunks costs little. */
    static final int IN_PROCESS_CHUNK = 1_000;

    /**
     * What a rebuild did. Rejected files are listed with their errors, published files that were not published
     * as written with their warnings (links that lead nowhere among them, {@code brokenLinks} of them); every good
     * file is published regardless.
     */
    public record Report(int published, int drafts, List<ArticleException> rejected, List<ArticleWarning> warnings,
                         int brokenLinks, int filesWritten, int pagesRemoved, int scheduled, int expired) {

        /** True when the site's files are exactly what they were: a CDN needs no invalidation. */
        public boolean changedNothing() {
            return filesWritten == 0 && pagesRemoved == 0;
        }
    }

    private final PublishParts parts;
    private final SiteSettings settings;
    private final PendingWrites pending;

    Rebuild(PublishParts parts, SiteSettings settings) {
        this.parts = parts;
        this.settings = settings;
        parts.site().forget();  // a re-render puts right whatever the site holds, even what a hand changed: it asks for every page
        this.pending = new PendingWrites(parts);
    }

    /** Every step in this process, chunk after chunk. */
    Report run() {
        return run(IN_PROCESS_CHUNK);
    }

    Report run(int chunkSize) {
        Plan plan = plan(chunkSize);
        pending.settle(() -> new SiteRenderer(settings.config(), ThemeFiles.load(parts.site())), plan.base());  // before recording its own
        // In one process the render step takes the articles the read step parsed (about the site's HTML in memory)
        // instead of parsing them again, as an invocation of its own must.
        // One reader and one renderer serve every chunk: each reads the theme the plan published when it is made.
        Map<String, Article> parsed = new ConcurrentHashMap<>();
        ChunkReader reader = new ChunkReader(parts, settings, plan::base);
        List<ChunkRead> read = plan.chunks().stream().map(chunk -> reader.read(chunk, parsed)).toList();
        Listing listing = list(plan.base(), read);
        if (!listing.listed().entries().equals(plan.base().entries())) {  // its commit sweeps shards whatever happened before
            pending.record(plan.base(), listing.listed(), Set.of());  // the pages at new paths come next; the commit last
        }
        ChunkRenderer renderer = new ChunkRenderer(parts, settings);
        List<ChunkListing> listed = chunkListings(plan.chunks(), listing);
        List<ChunkRendered> rendered = java.util.stream.IntStream.range(0, plan.chunks().size())
                .mapToObj(i -> renderer.render(plan.chunks().get(i), listed.get(i), parsed, etagsRead(read.get(i)))).toList();
        // One part: in one process the index pages are written in parallel all the same, and their listing worked out once.
        return commit(plan, read, listing, rendered, java.util.Optional.of(List.of(index(plan.base(), listing, new IndexPart(0, 1)))), () -> { });
    }

    static String parsedKey(String key, String etag) {
        return etag + " " + key;
    }

    /** Lists the content, publishes the theme and cuts the articles and images into chunks of {@code chunkSize} keys. */
    public Plan plan(int chunkSize) {
        return new RebuildPlanner(parts).plan(settings, chunkSize);
    }

    /** @param base the plan's manifest, asked for only when a file is broken (for its last good version) */
    public ChunkRead read(List<String> chunk, Supplier<Manifest> base) {
        return new ChunkReader(parts, settings, base).read(chunk, new ConcurrentHashMap<>());
    }

    public static Listing list(Manifest base, List<ChunkRead> chunks) {
        return RebuildLister.list(base, chunks);
    }

    /** What each chunk's render step needs of the listing, chunk by chunk. */
    public static List<ChunkListing> chunkListings(List<List<String>> chunks, Listing listing) {
        return RebuildLister.chunkListings(chunks, listing.listed());
    }

    /**
     * @param read   what the read step found of this chunk
     * @param listed the chunk's part of the listing
     */
    public ChunkRendered render(List<String> chunk, ChunkRead read, ChunkListing listed) {
        return new ChunkRenderer(parts, settings).render(chunk, listed, Map.of(), etagsRead(read));
    }

    private static Function<String, String> etagsRead(ChunkRead read) {
        Map<String, String> etags = new java.util.HashMap<>();
        read.articles().forEach(article -> etags.put(article.key(), article.etag()));
        return etags::get;
    }

    /**
     * Writes a part of the index pages of the site the listing makes, as the commit will commit it if no batch commits
     * meanwhile (if one does, or leaves pages to put right, the commit writes every index page itself).
     *
     * @param base the plan's manifest
     */
    public IndexWritten index(Manifest base, Listing listing, IndexPart part) {
        SiteRenderer renderer = new SiteRenderer(settings.config(), ThemeFiles.load(parts.site()));
        Manifest next = RebuildCommit.next(base, base, listing);
        IndexPages pages = parts.indexPages();
        return pages.publishPart(renderer, base, next, part, pages.feedBodies(new ArticleParser(renderer.site(), parts.imageSizes()), next));
    }

    /**
     * @param indexed       every index part as written; empty when an earlier attempt of this commit forgot them
     * @param forgetIndexed forgets them for good: see {@link RebuildCommit#commit}
     */
    public Report commit(Plan plan, List<ChunkRead> read, Listing listing, List<ChunkRendered> rendered,
                         java.util.Optional<List<IndexWritten>> indexed, Runnable forgetIndexed) {
        return new RebuildCommit(parts, settings, pending).commit(plan, read, listing, rendered, indexed, forgetIndexed);
    }

    /** Runs {@code task} for every item, as many at a time as {@code site}'s store asks, and waits for them all. */
    static <I, T> List<T> inParallel(SiteStore site, List<I> items, Function<I, T> task) {
        ExecutorService pool = Parallel.pool(Math.max(1, site.concurrentCalls()), "galley-rebuild");
        try {
            return Parallel.map(pool, items, task);
        } finally {
            pool.shutdownNow();
        }
    }
}
