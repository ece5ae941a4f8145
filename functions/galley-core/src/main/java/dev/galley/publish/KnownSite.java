package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site store as this writer knows it: what it wrote, deleted, or found there itself, so that a write need not
 * ask first ({@link SiteWriter}) and a draft's note or the theme need not be read when they are known to be absent.
 *
 * <p>What one writer knows is true only while no other writer wrote. Galley has one writer by construction (one
 * queue, one message group), but not one container: consecutive batches may run in different containers, and the
 * re-render's chunks run in containers of their own. So every writer, before it writes, claims the site: it leaves a
 * token of its own in {@value #CLAIM}, unless the token there is already the one it left. Each operation
 * ({@link #begin}) checks the token before using anything it knows: its own token means no other writer has
 * written since it last did, so all it knows holds; any other token (or none, on a cold start) means it forgets
 * everything, and claims the site anew before its first write. A write or delete that fails is unknown from then on.
 * The state's pieces ({@link StatePieces}) are never remembered: the root must be read every time, and the shards are
 * named after their bytes.
 *
 * <p>A store that keeps no hashes (a local folder) is used as it is: nothing is remembered, nothing claimed.
 */
final class KnownSite implements SiteStore {

    /** The token of the writer that wrote the site last. */
    static final String CLAIM = StatePieces.FOLDER + "writer";

    /** What is known of one path: nothing there, or an object whose bytes have this hash (null: not kept in its metadata). */
    record Known(boolean present, String hash) {
        static final Known ABSENT = new Known(false, null);

        static Known of(Map<String, String> metadata) {
            return new Known(true, metadata.get(SiteWriter.CONTENT_HASH));
        }
    }

    private final SiteStore site;
    private final boolean remembers;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Folders listed whole the first time a path under one is asked for: a path under one that is not listed is absent. */
    private final Set<String> wholeFolders;
    private final Set<String> listed = ConcurrentHashMap.newKeySet();
    /** Objects this writer left and knows need no look while the claim is its own: a record of pending writes whose commit is done. */
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    /** The token this writer left in {@link #CLAIM} last, null before it left one. */
    private String token;
    /** Whether this operation checked the claim. */
    private boolean checked;
    /** Whether the claim is another writer's (or none), so this writer must leave its own before it writes. */
    private boolean mustClaim;
    /** How many times this writer forgot what it knew: see {@link #mark}. */
    private long forgotten;

    /** @param wholeFolders folders of few objects, each asked for one by one: one listing answers them all */
    KnownSite(SiteStore site, Set<String> wholeFolders) {
        this.site = site;
        this.remembers = site.skipsIdenticalWrites();
        this.wholeFolders = Set.copyOf(wholeFolders);
    }

    /** A new operation: what is known is used again only once the claim is checked. */
    synchronized void begin() {
        checked = false;
    }

    /** Forgets what is known, keeping the claim: what follows asks the store again. */
    synchronized void forget() {
        forgotten++;
        known.clear();
        listed.clear();
        done.clear();
    }

    /**
     * A mark of what this writer knows now, checking the claim first; empty for a store that keeps nothing. What it
     * learns elsewhere (the content's {@code site.yaml}, {@link KeptSiteConfig}) holds while {@link #stillKnows} the mark.
     */
    synchronized Optional<Long> mark() {
        if (!remembers) {
            return Optional.empty();
        }
        check();
        return Optional.of(forgotten);
    }

    /** Whether this writer has forgotten nothing since {@code mark}: no other writer has written since, checking the claim. */
    synchronized boolean stillKnows(long mark) {
        check();
        return forgotten == mark;
    }

    /**
     * Leaves a new token of this writer's, so that every other writer forgets what it knows (a {@code site.yaml} this
     * writer saw change, which another writer may have kept): one PUT.
     */
    synchronized void claimAgain() {
        if (remembers) {
            check();
            mustClaim = true;
            claim();
        }
    }

    /**
     * Notes that nothing is at {@code path}, unless this writer knows otherwise: for a page the state says was never
     * written ({@link DeferredPages}). A delete of a path known to be empty is skipped.
     */
    void learnAbsent(String path) {
        if (remembered(path)) {
            check();
            known.putIfAbsent(path, Known.ABSENT);
        }
    }

    /** Notes that the object at {@code path}, as this writer last wrote or read it, needs no look (see {@link PendingWrites}). */
    void markDone(String path) {
        if (knownPresent(path)) {
            done.add(path);
        }
    }

    /** Whether the object at {@code path} is one this writer marked done since it last wrote it, and no other writer wrote since. */
    boolean knownDone(String path) {
        return knownPresent(path) && done.contains(path);
    }

    private boolean knownPresent(String path) {
        return known(path).filter(Known::present).isPresent();
    }

    /** Whether this writer knows nothing is at {@code path}: it deleted it, found it absent, or knows it was never written. */
    private boolean knownAbsent(String path) {
        return known(path).filter(k -> !k.present()).isPresent();
    }

    /** What this writer knows of a path, checking the claim first: empty when it knows nothing. */
    Optional<Known> known(String path) {
        if (!remembered(path)) {
            return Optional.empty();
        }
        check();
        Known found = known.get(path);
        if (found != null) {
            return Optional.of(found);
        }
        Optional<String> folder = wholeFolders.stream().filter(path::startsWith).findFirst();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        listWhole(folder.get());
        return Optional.of(known.getOrDefault(path, Known.ABSENT));
    }

    private synchronized void listWhole(String folder) {
        if (!listed.contains(folder)) {
            site.list(folder).forEach(path -> known.putIfAbsent(path, new Known(true, null)));
            listed.add(folder);
        }
    }

    /** Checks the claim once an operation: a site another writer wrote (or whose writer we cannot tell) is forgotten. */
    private synchronized void check() {
        if (checked) {
            return;
        }
        Optional<Stored> claim = site.read(CLAIM);
        if (token == null || claim.isEmpty() || !new String(claim.get().bytes(), StandardCharsets.UTF_8).equals(token)) {
            forget();
            mustClaim = true;
        }
        checked = true;
    }

    /** Leaves this writer's token before its first write since another writer's. */
    private synchronized void claim() {
        check();
        if (mustClaim) {
            String next = UUID.randomUUID().toString();
            site.write(new SiteFile(CLAIM, next.getBytes(StandardCharsets.UTF_8), ContentKind.INTERNAL_TEXT), Map.of(), new Condition.None());
            token = next;
            mustClaim = false;
        }
    }

    private boolean remembered(String path) {
        return remembers && !path.startsWith(StatePieces.FOLDER) && !path.startsWith(RebuildRun.ROOT) && !path.equals(ManifestCodec.PATH);
    }

    @Override
    public Optional<Stored> read(String path) {
        if (knownAbsent(path)) {
            return Optional.empty();
        }
        Optional<Stored> stored = site.read(path);
        learn(path, stored.map(Stored::version));
        return stored;
    }

    @Override
    public Optional<Version> head(String path) {
        if (knownAbsent(path)) {
            return Optional.empty();
        }
        Optional<Version> version = site.head(path);
        learn(path, version);
        return version;
    }

    private void learn(String path, Optional<Version> version) {
        if (remembered(path)) {
            known.put(path, version.map(v -> Known.of(v.metadata())).orElse(Known.ABSENT));
        }
    }

    @Override
    public void write(SiteFile file, Map<String, String> metadata, Condition condition) {
        if (!remembered(file.path())) {
            site.write(file, metadata, condition);
            return;
        }
        claim();
        known.remove(file.path());
        done.remove(file.path());
        site.write(file, metadata, condition);
        known.put(file.path(), Known.of(metadata));
    }

    @Override
    public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
        if (remembered(file.path())) {
            write(file, metadata, condition);
            return Optional.empty();
        }
        return site.writeTellingEtag(file, metadata, condition);
    }

    /**
     * Leaves this writer's token before a write of a path it does not remember (the state's root), unless it is there:
     * so that every change of the state by any writer changes the claim, and a writer that holds it knows the root.
     */
    void claimBefore() {
        if (remembers) {
            claim();
        }
    }

    @Override
    public void delete(String path) {
        if (!remembered(path)) {
            site.delete(path);
            return;
        }
        if (knownAbsent(path)) {
            return;
        }
        claim();
        known.remove(path);
        done.remove(path);
        site.delete(path);
        known.put(path, Known.ABSENT);
    }

    /** The paths this writer does not remember (the state's shards) in one call; the others one by one, as above. */
    @Override
    public void deleteAll(List<String> paths) {
        List<String> unremembered = paths.stream().filter(path -> !remembered(path)).toList();
        site.deleteAll(unremembered);
        paths.stream().filter(this::remembered).forEach(this::delete);
    }

    @Override
    public boolean skipsIdenticalWrites() {
        return site.skipsIdenticalWrites();
    }

    @Override
    public int concurrentCalls() {
        return site.concurrentCalls();
    }

    @Override
    public List<String> list(String prefix) {
        return site.list(prefix);
    }
}
