package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.Shards;
import dev.galley.site.SiteFile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The manifest in pieces under {@value #FOLDER}, so that a publish writes what its change touches, not the whole
 * site's state: a small root, {@value #ROOT}, names the shard objects of each of the manifest's maps (the entries
 * by path, the retired paths and the claims by source file), split by key where {@link Shards} says. A shard object
 * is named after a hash of its bytes and never changes, so a commit writes the shards that differ under new names
 * first, then the root with a compare-and-set (the commit); the shards the old root named and the new one does not
 * go in the root's trash, which the commit that brings it to {@value #TRASH_DELETED_AT} names empties in one
 * delete (one request where the store takes many, as S3 does). Shards read are kept by name across invocations: a warm writer reads the root and the shards it did
 * not write itself.
 *
 * <p>A site whose state is still the single {@link ManifestCodec#PATH} reads from it, as a site without a root: its
 * first commit writes the pieces (and every index page that differs, as a new site's does), then deletes the old file.
 */
public final class StatePieces {

    public static final String FOLDER = "_galley/state/";
    /**
     * How many shards and pieces no root names a commit leaves for a later one before it deletes them all, in one
     * request on S3: a commit retires one or two, and a DELETE a commit was a tenth of a burst's requests.
     */
    static final int TRASH_DELETED_AT = 32;
    public static final String ROOT = FOLDER + "root.json";
    static final int AVERAGE_SHARD = 16;
    /**
     * How the site's index pages are laid out, in the root since layout 2 (search chunks of about 32 articles,
     * sitemaps of about 64 pages, no count on tag pages; since 3, archive pages end at a local maximum of the slugs'
     * hashes, see {@link dev.galley.site.Pagination}). A root of an older layout makes the next commit write every index
     * page whose bytes differ, as a new site's first commit does, and remove the search chunks, sitemaps and archive
     * pages no longer named.
     */
    static final int LAYOUT = 3;
    /** Shards kept in memory, by name: every shard of a site of some 130,000 articles. */
    private static final int CACHED = 8192;
    private static final ExecutorService READS = Parallel.pool(8, "galley-state");

    /**
     * The root with its pieces resolved (as stored, it is a {@link RootPieces.Stored}): the manifest's revision and, for
     * each of its maps, its shards' names in key order; and the pages batches left to a refresh (null when none).
     */
    record Root(long revision, List<String> entries, List<String> retired, List<String> claims, PagesOwed owed) {
        static final Root NONE = new Root(-1, List.of(), List.of(), List.of(), null);

        Root {
            owed = owed == null || owed.isEmpty() ? null : owed;
        }

        PagesOwed owedPages() {
            return owed == null ? PagesOwed.NONE : owed;
        }

        Set<String> names() {
            Set<String> all = new HashSet<>(entries);
            all.addAll(retired);
            all.addAll(claims);
            return all;
        }
    }

    /** One of the manifest's maps: how it is read from the manifest and what its values are. */
    private enum Section {
        ENTRIES(ManifestCodec.ENTRY),
        RETIRED(ManifestCodec.NAMES),
        CLAIMS(ManifestCodec.TEXT);

        private final ManifestCodec.ValueReader<?> values;

        Section(ManifestCodec.ValueReader<?> values) {
            this.values = values;
        }

        Map<String, ?> of(Manifest manifest) {
            return switch (this) {
                case ENTRIES -> manifest.entries();
                case RETIRED -> manifest.retired();
                case CLAIMS -> manifest.claims();
            };
        }

        List<String> of(Root root) {
            return switch (this) {
                case ENTRIES -> root.entries();
                case RETIRED -> root.retired();
                case CLAIMS -> root.claims();
            };
        }
    }

    /** Parsed shards by name; a name is a hash of the bytes, so a name means the same shard in every bucket. */
    private static final Map<String, SortedMap<String, ?>> SHARDS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SortedMap<String, ?>> eldest) {
            return size() > CACHED;
        }
    };
    /**
     * The last key of each shard of the lists of shard names the last commits made, by list (by identity), so that a
     * commit does not look up every shard of the site to find the few its change touches. Guarded by {@link #SHARDS}.
     */
    private static final Map<List<String>, List<String>> LAST_KEYS = new java.util.IdentityHashMap<>();

    /** The root of the last manifest read or committed, to compare the next commit's shards against without reading. */
    private static volatile Last last = new Last(null, Root.NONE, RootPieces.Stored.NONE);

    private record Last(Manifest manifest, Root root, RootPieces.Stored stored) {
    }

    private StatePieces() {
    }

    /** Forgets the shards kept from before, as a cold start has none. */
    static void forgetShards() {
        synchronized (SHARDS) {
            SHARDS.clear();
            LAST_KEYS.clear();
        }
        RootPieces.forget();
        last = new Last(null, Root.NONE, RootPieces.Stored.NONE);
    }

    /** The manifest as stored: in pieces, or in the single file of before; empty on a new site. */
    static ManifestStore.Snapshot read(SiteStore site) {
        Optional<SiteStore.Stored> root = site.read(ROOT);
        if (root.isEmpty()) {
            // No version: the first commit creates the root, and writes the index pages as a new site's first does.
            return new ManifestStore.Snapshot(site.read(ManifestCodec.PATH).map(old -> ManifestCodec.read(old.bytes())).orElse(Manifest.EMPTY),
                    Optional.empty());
        }
        RootPieces.Stored stored = RootPieces.parse(root.get().bytes());
        boolean oldLayout = stored.layout() < LAYOUT;
        Last known = last;
        Function<String, Optional<byte[]>> objects = name -> site.read(FOLDER + name + ".json").map(SiteStore.Stored::bytes);
        if (known.manifest() != null && known.stored().sameShards(stored)) {
            // Shard names are hashes of their bytes: the same root is the same manifest, already assembled.
            Root resolved = RootPieces.resolve(stored, objects);  // its pieces are held, unless forgotten since
            // The lists of the root known, the same names: the next commit finds their shards' last keys by them.
            Root same = new Root(resolved.revision(), known.root().entries(), known.root().retired(), known.root().claims(), resolved.owed());
            last = new Last(known.manifest(), same, stored);
            return new ManifestStore.Snapshot(known.manifest(), Optional.of(root.get().version()), same.owedPages(), oldLayout);
        }
        Root parsed = RootPieces.resolve(stored, objects);
        Manifest manifest = assemble(parsed, objects);
        last = new Last(manifest, parsed, stored);
        return new ManifestStore.Snapshot(manifest, Optional.of(root.get().version()), parsed.owedPages(), oldLayout);
    }

    /**
     * The manifest a root names, its shards read through {@code objects} (by name) unless kept from before.
     *
     * @throws StoreException retryable, when a shard is missing: a newer commit deleted it after we read the root
     */
    public static Manifest assemble(byte[] root, Function<String, Optional<byte[]>> objects) {
        return assemble(RootPieces.resolve(RootPieces.parse(root), objects), objects);
    }

    /**
     * The names of every object under {@value #FOLDER} this root knows: the shards and pieces it names, directly or
     * through its pieces, and those in its trash, which a later commit deletes.
     */
    static Set<String> known(SiteStore site, byte[] root) {
        RootPieces.Stored stored = RootPieces.parse(root);
        Set<String> names = RootPieces.resolve(stored, name -> site.read(FOLDER + name + ".json").map(SiteStore.Stored::bytes)).names();
        names.addAll(stored.pieceNames());
        names.addAll(stored.trash());
        return names;
    }

    private static Manifest assemble(Root root, Function<String, Optional<byte[]>> objects) {
        Map<Section, Map<String, Object>> maps = new HashMap<>();
        for (Section section : Section.values()) {
            List<String> names = section.of(root);
            List<String> missing;
            synchronized (SHARDS) {
                missing = names.stream().filter(name -> !SHARDS.containsKey(name)).toList();
            }
            Parallel.map(READS, missing, name -> {
                byte[] bytes = objects.apply(name).orElseThrow(() -> new StoreException("the state shard " + FOLDER + name
                        + ".json is gone: the manifest changed while it was read; try again", true, null));
                SortedMap<String, ?> shard = parseShard(section, bytes);
                synchronized (SHARDS) {
                    SHARDS.put(name, shard);
                }
                return name;
            });
            Map<String, Object> all = new TreeMap<>();
            synchronized (SHARDS) {
                names.forEach(name -> all.putAll(SHARDS.get(name)));
            }
            maps.put(section, all);
        }
        @SuppressWarnings("unchecked")
        Manifest manifest = new Manifest(root.revision(), (Map<String, Manifest.Entry>) (Map<?, ?>) maps.get(Section.ENTRIES),
                (Map<String, List<String>>) (Map<?, ?>) maps.get(Section.RETIRED), (Map<String, String>) (Map<?, ?>) maps.get(Section.CLAIMS));
        return manifest;
    }

    /**
     * Commits {@code next} if the stored root is still the one {@code base} was read from: writes the shards that
     * differ from {@code base}'s, then the root; the shards no longer named go to the root's trash, emptied in one
     * delete once it holds {@value #TRASH_DELETED_AT} (and the old single file is deleted).
     *
     * @return false when another commit came first; the shards written for this one are then left unnamed
     */
    static boolean commit(SiteStore site, ManifestStore.Snapshot base, Manifest next) {
        return commit(site, base, next, base.owed()) != null;
    }

    /**
     * The same, with {@code owed} the pages left to a refresh from then on.
     *
     * @return null when another commit came first; else the new root's ETag, where the store tells it
     */
    static Optional<String> commit(SiteStore site, ManifestStore.Snapshot base, Manifest next, PagesOwed owed) {
        boolean fromLast = last.manifest() == base.value();
        RootPieces.Stored beforeStored = fromLast ? last.stored() : base.version().isPresent()
                ? site.read(ROOT).map(stored -> RootPieces.parse(stored.bytes())).orElse(RootPieces.Stored.NONE) : RootPieces.Stored.NONE;
        Root before = fromLast ? last.root() : RootPieces.resolve(beforeStored, name -> site.read(FOLDER + name + ".json").map(SiteStore.Stored::bytes));
        Map<Section, List<String>> names = new HashMap<>();
        List<SiteFile> toWrite = new ArrayList<>();
        Set<String> beforeNames = null;  // every shard before names: only where the whole map is split again
        for (Section section : Section.values()) {
            List<String> around = fromLast ? shardNamesAround(section.of(base.value()), section.of(next), section.of(before), toWrite) : null;
            if (around == null && beforeNames == null) {
                beforeNames = before.names();
            }
            names.put(section, around != null ? around : shardNames(section.of(next), section.of(before), beforeNames, toWrite));
        }
        Root root = new Root(next.revision(), names.get(Section.ENTRIES), names.get(Section.RETIRED), names.get(Section.CLAIMS), owed);
        RootPieces.Stored stored = RootPieces.store(root, beforeStored.pieceNames(), toWrite);
        Set<String> gone = unnamed(before, beforeStored, root, stored);
        boolean deleting = gone.size() >= TRASH_DELETED_AT;
        if (deleting) {
            gone.removeAll(root.names());  // what unnamed reasons out, checked against every name before anything is deleted
        }
        stored = stored.withTrash(deleting ? List.of() : gone.stream().sorted().toList());
        Map<String, String> written = Map.of(StateSweep.WRITTEN, java.time.Instant.now().toString());  // kept from the sweep a while
        Parallel.map(READS, toWrite, file -> {
            site.write(file, written, new SiteStore.Condition.None());
            return file;
        });
        Optional<String> etag;
        try {
            etag = site.writeTellingEtag(new SiteFile(ROOT, write(stored), ContentKind.INTERNAL_JSON), Map.of(), SiteStore.Condition.of(base.version()));
        } catch (WriteConflictException e) {
            return null;
        }
        last = new Last(next, root, stored);
        if (deleting) {
            site.deleteAll(gone.stream().map(name -> FOLDER + name + ".json").sorted().toList());
        }
        if (base.version().isEmpty() && site.head(ManifestCodec.PATH).isPresent()) {
            site.delete(ManifestCodec.PATH);  // migrated: the pieces hold it now
        }
        return etag;
    }

    /**
     * The shards and pieces that {@code before} names or holds in its trash and the new root does not name. A list of
     * the new root is its list before with one run of names replaced (between a head and a tail the two share, which
     * may be all of it), and no name is in two lists or twice in one (a shard's name is a hash of its keys and values),
     * so a name of before outside that run is named still: only the runs are compared, not every shard of the site.
     */
    private static Set<String> unnamed(Root before, RootPieces.Stored beforeStored, Root root, RootPieces.Stored stored) {
        Set<String> gone = beforeStored.pieceNames();
        gone.addAll(beforeStored.trash());
        Set<String> named = stored.pieceNames();
        for (Section section : Section.values()) {
            List<String> was = section.of(before);
            List<String> is = section.of(root);
            int head = 0;
            while (head < was.size() && head < is.size() && was.get(head).equals(is.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < was.size() - head && tail < is.size() - head && was.get(was.size() - 1 - tail).equals(is.get(is.size() - 1 - tail))) {
                tail++;
            }
            gone.addAll(was.subList(head, was.size() - tail));
            named.addAll(is.subList(head, is.size() - tail));
        }
        gone.removeAll(named);
        return gone;
    }

    /**
     * The names of a map's shards; a shard equal to one of {@code before}'s (the one ending at the same key) keeps its
     * name unwritten, any other is added to {@code toWrite} unless an object of its name exists already.
     */
    private static <V> List<String> shardNames(Map<String, V> map, List<String> before, Set<String> stored, List<SiteFile> toWrite) {
        Map<String, String> beforeByLastKey = new HashMap<>();
        synchronized (SHARDS) {
            for (String name : before) {
                SortedMap<String, ?> shard = SHARDS.get(name);
                if (shard != null) {
                    beforeByLastKey.put(shard.lastKey(), name);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Shards.Shard<Map.Entry<String, V>> shard : Shards.split(List.copyOf(map.entrySet()), Map.Entry::getKey, AVERAGE_SHARD)) {
            SortedMap<String, Object> items = new TreeMap<>();
            shard.items().forEach(e -> items.put(e.getKey(), e.getValue()));
            String same = beforeByLastKey.get(items.lastKey());
            boolean unchanged;
            synchronized (SHARDS) {
                unchanged = same != null && items.equals(SHARDS.get(same));
            }
            if (unchanged) {
                names.add(same);
                continue;
            }
            byte[] bytes = write(items);
            String name = nameOf(bytes);
            names.add(name);
            if (!stored.contains(name)) {
                toWrite.add(new SiteFile(FOLDER + name + ".json", bytes, ContentKind.INTERNAL_JSON));
            }
            synchronized (SHARDS) {
                SHARDS.put(name, items);
            }
        }
        return names;
    }

    /**
     * The same names as {@link #shardNames}, found by splitting again only the shards that hold a changed key and the
     * shard after each (which a removed boundary joins to it); the others keep their names without a look.
     *
     * @param map    the map as {@code before} names it
     * @param next   the map to commit
     * @return null when a shard {@code before} names is not held in memory: then every shard is compared
     */
    @SuppressWarnings("unchecked")
    private static List<String> shardNamesAround(Map<String, ?> map, Map<String, ?> next, List<String> before, List<SiteFile> toWrite) {
        List<String> lastKeys = lastKeysOf(before);
        if (lastKeys == null) {
            return null;
        }
        NavigableMap<String, Object> after = (NavigableMap<String, Object>) next;
        List<String> changed = MapDiff.changedKeys((NavigableMap<String, Object>) map, after);
        if (changed.isEmpty()) {
            return before;
        }
        // Every shard that holds a changed key, and the one after it; shard i holds the keys after lastKeys[i-1] up to lastKeys[i].
        java.util.TreeSet<Integer> affected = new java.util.TreeSet<>();
        for (String key : changed) {
            int at = Collections.binarySearch(lastKeys, key);
            // A key past the last shard's last one joins it when it is the tail (and only makes a new tail after it otherwise).
            int shard = Math.max(0, Math.min(at >= 0 ? at : -at - 1, before.size() - 1));
            affected.add(Math.min(shard, before.size()));
            affected.add(Math.min(shard + 1, before.size()));
        }
        List<String> names = new ArrayList<>();
        List<String> namesLastKeys = new ArrayList<>();
        int done = 0;
        while (!affected.isEmpty()) {
            int from = affected.pollFirst();
            int to = from;
            while (!affected.isEmpty() && affected.first() == to + 1) {
                to = affected.pollFirst();
            }
            names.addAll(before.subList(done, Math.min(from, before.size())));
            namesLastKeys.addAll(lastKeys.subList(done, Math.min(from, before.size())));
            // The keys after the last shard untouched before the run, up to the run's last boundary (the end, past the last shard).
            NavigableMap<String, Object> range = from == 0 ? after : after.tailMap(lastKeys.get(from - 1), false);
            if (to < before.size() - 1) {
                range = range.headMap(lastKeys.get(to), true);
            }
            // Shards hold runs of keys: a shard of the range can only be one of the range's shards before, if any.
            List<String> replaced = before.subList(from, Math.min(to + 1, before.size()));
            List<String> split = shardNames(range, replaced, new HashSet<>(replaced), toWrite);
            names.addAll(split);
            List<String> splitLastKeys = lastKeysOf(split);
            if (splitLastKeys == null) {
                return null;  // just put in memory, so held unless the cache is far too small for the site: compare every shard
            }
            namesLastKeys.addAll(splitLastKeys);
            done = Math.min(to + 1, before.size());
        }
        names.addAll(before.subList(done, before.size()));
        namesLastKeys.addAll(lastKeys.subList(done, before.size()));
        rememberLastKeys(before, names, namesLastKeys);
        return names;
    }

    /** The last key of each named shard, in order, or null when one of them is not held in memory. */
    private static List<String> lastKeysOf(List<String> names) {
        synchronized (SHARDS) {
            List<String> known = LAST_KEYS.get(names);
            if (known != null) {
                return known;
            }
            List<String> lastKeys = new ArrayList<>(names.size());
            for (String name : names) {
                SortedMap<String, ?> shard = SHARDS.get(name);
                if (shard == null) {
                    return null;
                }
                lastKeys.add(shard.lastKey());
            }
            return lastKeys;
        }
    }

    /** Remembers the last keys of the shards of a list a commit made in place of {@code before}, forgotten. */
    private static void rememberLastKeys(List<String> before, List<String> names, List<String> lastKeys) {
        synchronized (SHARDS) {
            LAST_KEYS.remove(before);
            if (LAST_KEYS.size() >= 4 * Section.values().length) {
                LAST_KEYS.clear();  // lists of commits that lost to another: they are never asked about again
            }
            LAST_KEYS.put(names, lastKeys);
        }
    }

    /** 80 bits of the bytes' SHA-256. */
    static String nameOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SortedMap<String, ?> parseShard(Section section, byte[] bytes) {
        return ManifestCodec.readShard(bytes, section.values);
    }

    static byte[] write(Object value) {
        return ManifestCodec.toJson(value);
    }
}
