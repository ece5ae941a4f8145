package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.Shards;
import dev.galley.site.SiteFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state root as stored: a map's list of shard names is kept in the root itself while it is short, and in pieces
 * of about {@value #AVERAGE_PIECE} names once it is longer than {@value #DIRECT}, which the root names instead, so
 * that the root a publish reads and writes stays a few KB at any site size (3,000 shard names at 100,000 articles
 * are some 70 KB). Pieces end after a name where {@link Shards} says, so a shard added or removed changes one piece
 * (two where it ends one). A piece is a JSON array of names under {@link StatePieces#FOLDER}, named, as a shard is,
 * after a hash of its bytes: it never changes, and a warm writer holds the pieces it read or wrote.
 *
 * <p>A root of short lists is stored as before pieces existed, so an older site's root reads as it is.
 */
final class RootPieces {

    /** The longest list kept in the root itself. */
    static final int DIRECT = 64;
    static final int AVERAGE_PIECE = 64;
    /** Pieces kept in memory, by name: every piece of a site of some 500,000 articles. */
    private static final int CACHED = 1024;

    /**
     * The root's bytes: the revision, the layout of the index pages it was committed with (0 before there was one),
     * each map's shard names, or (when {@code pieces} has the map's field name) empty,
     * its names being those of the pieces listed there, in order.
     */
    record Stored(long revision, int layout, List<String> entries, List<String> retired, List<String> claims,
                  Map<String, List<String>> pieces, PagesOwed owed, List<String> trash) {
        static final Stored NONE = new Stored(-1, StatePieces.LAYOUT, List.of(), List.of(), List.of(), Map.of(), null);

        Stored {
            pieces = pieces == null ? Map.of() : pieces;  // null: a root from before pieces
            owed = owed == null || owed.isEmpty() ? null : owed;  // none: the root's bytes are those of before
            trash = trash == null ? List.of() : List.copyOf(trash);  // null: a root from before the trash
        }

        /** A root with no shards left to delete. */
        Stored(long revision, int layout, List<String> entries, List<String> retired, List<String> claims,
               Map<String, List<String>> pieces, PagesOwed owed) {
            this(revision, layout, entries, retired, claims, pieces, owed, List.of());
        }

        /** The same root, with {@code trash} the shards and pieces no root names that are left to delete. */
        Stored withTrash(List<String> trash) {
            return new Stored(revision, layout, entries, retired, claims, pieces, owed, trash);
        }

        /** The same shards and pieces: the same manifest, whatever is owed. */
        boolean sameShards(Stored other) {
            return revision == other.revision && layout == other.layout && entries.equals(other.entries)
                    && retired.equals(other.retired) && claims.equals(other.claims) && pieces.equals(other.pieces);
        }

        /** The names of the piece objects this root names. */
        Set<String> pieceNames() {
            Set<String> all = new HashSet<>();
            pieces.values().forEach(all::addAll);
            return all;
        }
    }

    private static final Map<String, List<String>> PIECES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > CACHED;
        }
    };
    /**
     * The names of the pieces held, by their lists: a commit splits every list again, and all but a piece or two come
     * out as before, named without their JSON written and hashed again. Guarded by {@link #PIECES}.
     */
    private static final Map<List<String>, String> NAMES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, String> eldest) {
            return size() > CACHED;
        }
    };

    private RootPieces() {
    }

    static Stored parse(byte[] bytes) {
        return ManifestCodec.parse(bytes, "the state root " + StatePieces.ROOT, ManifestCodec::readRoot);
    }

    /**
     * The root with every map's shard names, its pieces read through {@code objects} (by name) unless held already.
     *
     * @throws StoreException retryable, when a piece is missing: a newer commit deleted it after the root was read
     */
    static StatePieces.Root resolve(Stored stored, Function<String, Optional<byte[]>> objects) {
        return new StatePieces.Root(stored.revision(), names(stored, "entries", stored.entries(), objects),
                names(stored, "retired", stored.retired(), objects), names(stored, "claims", stored.claims(), objects), stored.owed());
    }

    private static List<String> names(Stored stored, String field, List<String> direct, Function<String, Optional<byte[]>> objects) {
        List<String> pieces = stored.pieces().get(field);
        if (pieces == null) {
            return direct;
        }
        List<String> names = new ArrayList<>();
        for (String piece : pieces) {
            List<String> held;
            synchronized (PIECES) {
                held = PIECES.get(piece);
            }
            if (held == null) {
                byte[] bytes = objects.apply(piece).orElseThrow(() -> new StoreException("the state root's piece " + StatePieces.FOLDER + piece
                        + ".json is gone: the manifest changed while it was read; try again", true, null));
                held = readNames(bytes);
                hold(piece, held);
            }
            names.addAll(held);
        }
        return names;
    }

    /**
     * The root to store for {@code root}: each list longer than {@value #DIRECT} in pieces, those not among
     * {@code stored} (the piece objects there are) added to {@code toWrite}.
     */
    static Stored store(StatePieces.Root root, Set<String> stored, List<SiteFile> toWrite) {
        Map<String, List<String>> pieces = new TreeMap<>();
        List<String> entries = direct("entries", root.entries(), pieces, stored, toWrite);
        List<String> retired = direct("retired", root.retired(), pieces, stored, toWrite);
        List<String> claims = direct("claims", root.claims(), pieces, stored, toWrite);
        return new Stored(root.revision(), StatePieces.LAYOUT, entries, retired, claims, pieces, root.owed());
    }

    /** The list as the root holds it: itself, or nothing, its pieces' names put in {@code pieces}. */
    private static List<String> direct(String field, List<String> names, Map<String, List<String>> pieces, Set<String> stored,
                                       List<SiteFile> toWrite) {
        if (names.size() <= DIRECT) {
            return names;
        }
        List<String> pieceNames = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            current.add(names.get(i));
            if (Shards.ends(names.get(i), AVERAGE_PIECE) || i == names.size() - 1) {
                List<String> piece = List.copyOf(current);
                String name;
                synchronized (PIECES) {
                    name = NAMES.get(piece);
                }
                if (name == null || !stored.contains(name)) {
                    byte[] bytes = StatePieces.write(piece);
                    name = StatePieces.nameOf(bytes);
                    if (!stored.contains(name)) {
                        toWrite.add(new SiteFile(StatePieces.FOLDER + name + ".json", bytes, ContentKind.INTERNAL_JSON));
                    }
                }
                pieceNames.add(name);
                hold(name, piece);
                current = new ArrayList<>();
            }
        }
        pieces.put(field, pieceNames);
        return List.of();
    }

    private static void hold(String name, List<String> piece) {
        synchronized (PIECES) {
            PIECES.put(name, piece);
            NAMES.put(piece, name);
        }
    }

    /** Forgets the pieces held, as a cold start has none. */
    static void forget() {
        synchronized (PIECES) {
            PIECES.clear();
            NAMES.clear();
        }
    }

    private static List<String> readNames(byte[] bytes) {
        return List.copyOf(ManifestCodec.parse(bytes, "a piece of the state root", ManifestCodec.NAMES));
    }
}
