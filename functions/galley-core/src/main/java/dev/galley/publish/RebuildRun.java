package dev.galley.publish;

import dev.galley.publish.RebuildState.ChunkListing;
import dev.galley.publish.RebuildState.ChunkRead;
import dev.galley.publish.RebuildState.ChunkRendered;
import dev.galley.publish.RebuildState.IndexPart;
import dev.galley.publish.RebuildState.IndexWritten;
import dev.galley.publish.RebuildState.Listing;
import dev.galley.publish.RebuildState.Plan;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The steps of one {@link Rebuild} taken in invocations of their own (on AWS, a Step Functions execution's): each
 * keeps what it hands on as JSON under {@code _galley/rebuild/<run>/} in the site store, which the CDN refuses, and
 * the commit removes it.
 */
public final class RebuildRun {

    /** Keys a chunk holds: some seconds of rendering in an invocation, so no invocation grows with the site. */
    public static final int CHUNK = 500;
    static final String ROOT = "_galley/rebuild/";
    /** What a Step Functions execution name may be, and nothing that could leave the run's folder. */
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    /** One chunk of the plan, as the state machine's map hands it to a step. */
    public record Chunk(int chunk, List<String> keys) {
    }

    private final Rebuild rebuild;
    private final SiteStore site;
    private final String folder;

    RebuildRun(Rebuild rebuild, SiteStore site, String run) {
        if (!RUN.matcher(run).matches()) {
            throw new IllegalArgumentException("a re-render's run is named with letters, digits, - and _ (at most 80), not " + run);
        }
        this.rebuild = rebuild;
        this.site = site;
        this.folder = ROOT + run + "/";
    }

    /**
     * Also lists the index parts, as many as chunks and at least one, in {@link #indexParts()}.
     *
     * @return where the chunks are listed, a JSON array of {@link Chunk} that the state machine's maps read
     */
    public String plan(int chunkSize) {
        Plan plan = rebuild.plan(chunkSize);
        put("plan.json", plan);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < plan.chunks().size(); i++) {
            chunks.add(new Chunk(i, plan.chunks().get(i)));
        }
        put("chunks.json", chunks);
        int parts = Math.max(1, chunks.size());
        put("index-parts.json", java.util.stream.IntStream.range(0, parts).mapToObj(part -> new IndexPart(part, parts)).toList());
        return folder + "chunks.json";
    }

    /** Where the plan listed the index parts, a JSON array of {@link IndexPart} that the state machine's index map reads. */
    public String indexParts() {
        return folder + "index-parts.json";
    }

    public void read(Chunk chunk) {
        put(name("read", chunk.chunk()), rebuild.read(chunk.keys(), memoized(() -> plan().base())));
    }

    /** Lists the site for the commit, and keeps apart each chunk's part of it, so that no render step reads the whole. */
    public void list() {
        Listing listing = Rebuild.list(plan().base(), all("read", ChunkRead.class));
        put("listing.json", listing);
        List<List<String>> chunks = Stream.of(get("chunks.json", Chunk[].class)).map(Chunk::keys).toList();
        List<ChunkListing> parts = Rebuild.chunkListings(chunks, listing);
        for (int i = 0; i < parts.size(); i++) {
            put(name("listing", i), parts.get(i));
        }
    }

    public void render(Chunk chunk) {
        put(name("render", chunk.chunk()), rebuild.render(chunk.keys(), get(name("read", chunk.chunk()), ChunkRead.class),
                get(name("listing", chunk.chunk()), ChunkListing.class)));
    }

    /** Writes an index part, once every chunk is rendered (index pages link to the articles' pages). */
    public void index(IndexPart part) {
        put(name("index", part.part()), rebuild.index(plan().base(), get("listing.json", Listing.class), part));
    }

    /** Commits the re-render and removes what its steps kept. */
    public Rebuild.Report commit() {
        // No list of parts: a run planned before the index step (a deploy in between); the commit writes every index page.
        Optional<IndexPart[]> planned = find("index-parts.json", IndexPart[].class);
        List<String> indexRecords = java.util.stream.IntStream.range(0, planned.map(parts -> parts.length).orElse(0))
                .mapToObj(part -> name("index", part)).toList();
        List<IndexWritten> indexed = new ArrayList<>();
        indexRecords.forEach(record -> find(record, IndexWritten.class).ifPresent(indexed::add));
        Rebuild.Report report = rebuild.commit(plan(), all("read", ChunkRead.class), get("listing.json", Listing.class),
                all("render", ChunkRendered.class),
                Optional.of(indexed).filter(all -> planned.isPresent() && all.size() == indexRecords.size()),
                () -> indexRecords.forEach(record -> site.delete(folder + record)));
        Rebuild.inParallel(site, site.list(folder), path -> {  // four records a chunk: one at a time, 20 ms each, they added up
            site.delete(path);
            return path;
        });
        return report;
    }

    private Plan plan() {
        return get("plan.json", Plan.class);
    }

    /** Every chunk's record of one step, in chunk order. */
    private <T> List<T> all(String step, Class<T> record) {
        int chunks = get("chunks.json", Chunk[].class).length;
        List<T> all = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            all.add(get(name(step, i), record));
        }
        return all;
    }

    private static String name(String step, int chunk) {
        return step + "-" + chunk + ".json";
    }

    private void put(String name, Object value) {
        try {
            site.write(new SiteFile(folder + name, RebuildJson.MAPPER.writeValueAsBytes(value), ContentKind.INTERNAL_JSON), Map.of(),
                    new SiteStore.Condition.None());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T get(String name, Class<T> type) {
        return find(name, type).orElseThrow(() -> new StoreException(
                "the re-render's " + folder + name + " is missing: an earlier step did not finish; start the re-render again", false, null));
    }

    private <T> Optional<T> find(String name, Class<T> type) {
        return site.read(folder + name).map(stored -> {
            try {
                return RebuildJson.MAPPER.readValue(stored.bytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException("the re-render's " + folder + name + " is not readable: " + e.getMessage(), e);
            }
        });
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
