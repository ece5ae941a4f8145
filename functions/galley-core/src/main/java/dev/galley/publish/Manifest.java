package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteIndex;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Galley's record of what is published: one entry per article path ({@link ArticleSummary#path()}), so that two
 * articles of one slug may both publish where the site's permalink keeps them apart. Manifests written before
 * were keyed by slug and had no path; they read with every article at {@code articles/<slug>/}. Index pages render from it, so an upload never
 * re-reads other articles. Each commit increments {@code revision}; index pages carry the revision they were
 * rendered from, so an older render can never overwrite a newer one. Immutable: its maps are persistent, so the next
 * revision made by one change shares all but a path of each tree with this one, however large the site.
 */
public final class Manifest {

    /**
     * One published article.
     *
     * @param sourceKey  the content file it was rendered from
     * @param sourceEtag the ETag of the bytes it was rendered from
     * @param sequencer  the S3 event sequencer that led to it, or "" when unknown (full builds)
     * @param formerPaths the site paths the article had before, oldest first, which redirect to it
     */
    public record Entry(String sourceKey, String sourceEtag, String sequencer, ArticleSummary article,
                        List<String> formerPaths) {

        public Entry {
            formerPaths = formerPaths == null ? List.of() : List.copyOf(formerPaths);  // null: a manifest written before them
        }

        /** An article published where it has always been. */
        public Entry(String sourceKey, String sourceEtag, String sequencer, ArticleSummary article) {
            this(sourceKey, sourceEtag, sequencer, article, List.of());
        }

        /**
         * This entry, remembering where {@code previous} (of the same source) was and had been, so that a renamed
         * slug or a changed permalink keeps redirecting through any number of later re-renders.
         */
        Entry after(Entry previous) {
            if (previous == null || previous == this) {
                return this;
            }
            return withFormer(previous.allPaths());
        }

        /** Every path this article has had, its own last. */
        List<String> allPaths() {
            Set<String> all = new LinkedHashSet<>(formerPaths);
            all.add(article.path());
            return List.copyOf(all);
        }

        /** This entry, remembering these earlier paths too. */
        Entry withFormer(List<String> earlier) {
            Set<String> former = new LinkedHashSet<>(earlier);
            former.addAll(formerPaths);
            former.remove(article.path());
            return former.equals(new LinkedHashSet<>(formerPaths)) ? this
                    : new Entry(sourceKey, sourceEtag, sequencer, article, List.copyOf(former));
        }
    }

    public static final Manifest EMPTY = new Manifest(0, Map.of());

    private final long revision;
    private final PSortedMap<String, Entry> entries;
    /**
     * The paths of articles that left the site (deleted, drafted, held back, expired, broken), by source file: when
     * the file is published again, its old URLs redirect to it again.
     */
    private final PSortedMap<String, List<String>> retired;
    /**
     * The files refused a URL another file holds ({@link UrlOwner}), by source file: the path each claims. When that
     * path frees, or its owner changes, they are looked at again, so the site does not depend on which came first.
     */
    private final PSortedMap<String, String> claims;
    /**
     * The path of each source file's entry (the first by path, should a manifest list a source twice), made when first
     * asked and handed to the next revisions change by change: {@link #bySource} is asked for every change.
     */
    private volatile HashPMap<String, String> pathsBySource;
    /**
     * The articles newest first, sorted once: every listing sorts them so, and a sorted list sorts in linear time.
     * Sorted under a lock: a rebuild's page writers (sixteen on S3) ask at once, and used to sort the same list as often.
     */
    private volatile List<ArticleSummary> newestFirst;
    /**
     * The manifest this one was made from by one change, until {@link #articles()} has derived its order from the
     * predecessor's (a copy and a binary search, where sorting the site's articles again grows with the site).
     */
    private Manifest predecessor;
    private List<ArticleSummary> removedFromPredecessor = List.of();
    private List<ArticleSummary> addedToPredecessor = List.of();

    /** The entries are keyed by their article's path, whatever keys an old manifest gave them. */
    public Manifest(long revision, Map<String, Entry> entries, Map<String, List<String>> retired, Map<String, String> claims) {
        this(revision, byPath(entries), retired == null ? TreePMap.empty() : TreePMap.from(retired),  // null: written before it
                claims == null ? TreePMap.empty() : TreePMap.from(claims), null);
    }

    /** Takes the maps as they are, keyed as they must be: for the changes below. */
    private Manifest(long revision, PSortedMap<String, Entry> entries, PSortedMap<String, List<String>> retired, PSortedMap<String, String> claims,
                     HashPMap<String, String> pathsBySource) {
        this.revision = revision;
        this.entries = entries;
        this.retired = retired;
        this.claims = claims;
        this.pathsBySource = pathsBySource;
    }

    /** This manifest's entries under another revision, or with other claims: the entries and their order are shared. */
    private Manifest(long revision, Manifest same, PSortedMap<String, String> claims) {
        this.revision = revision;
        this.entries = same.entries;
        this.retired = same.retired;
        this.claims = claims;
        this.pathsBySource = same.pathsBySource;
        this.newestFirst = same.newestFirst;
        if (newestFirst == null) {
            this.predecessor = same;
        }
    }

    /** The entries keyed by path; a sorted map already so keyed (a manifest's own) is taken in linear time. */
    private static PSortedMap<String, Entry> byPath(Map<String, Entry> entries) {
        if (entries instanceof PSortedMap<String, Entry> persistent && persistent.comparator() == null) {
            return persistent;  // another manifest's: keyed by path already
        }
        if (entries instanceof java.util.SortedMap<String, Entry> sorted && sorted.comparator() == null
                && entries.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue().article().path()))) {
            return TreePMap.fromSortedMap(sorted);
        }
        TreeMap<String, Entry> byPath = new TreeMap<>();
        entries.values().forEach(e -> byPath.put(e.article().path(), e));
        return TreePMap.fromSortedMap(byPath);
    }

    /** The next revision, made from this one by one change: its order derives from this one's when first asked. */
    private Manifest next(PSortedMap<String, Entry> entries, PSortedMap<String, List<String>> retired, PSortedMap<String, String> claims,
                          HashPMap<String, String> pathsBySource, List<ArticleSummary> removed, List<ArticleSummary> added) {
        Manifest next = new Manifest(revision + 1, entries, retired, claims, pathsBySource);
        next.predecessor = this;
        next.removedFromPredecessor = removed;
        next.addedToPredecessor = added;
        return next;
    }

    /** The same manifest under the revision it is committed as. */
    Manifest withRevision(long next) {
        return new Manifest(next, this, claims);
    }

    public Manifest(long revision, Map<String, Entry> entries, Map<String, List<String>> retired) {
        this(revision, entries, retired, Map.of());
    }

    public Manifest(long revision, Map<String, Entry> entries) {
        this(revision, entries, Map.of());
    }

    public long revision() {
        return revision;
    }

    /** The entries by path. */
    public Map<String, Entry> entries() {
        return entries;
    }

    Map<String, List<String>> retired() {
        return retired;
    }

    Map<String, String> claims() {
        return claims;
    }

    /** The files refused the URL at this path, which its owner holds. */
    List<String> claimantsOf(String path) {
        return claims.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey).toList();
    }

    /** This manifest, remembering that a file was refused the path another file holds. */
    Manifest withClaim(String sourceKey, String path) {
        if (path.equals(claims.get(sourceKey))) {
            return this;
        }
        return new Manifest(revision, this, claims.plus(sourceKey, path));
    }

    /** This manifest, with no claim of the file. */
    Manifest withoutClaim(String sourceKey) {
        if (!claims.containsKey(sourceKey)) {
            return this;
        }
        return new Manifest(revision, this, claims.minus(sourceKey));
    }

    /** This manifest with exactly these claims. */
    Manifest withClaims(Map<String, String> all) {
        return new Manifest(revision, this, TreePMap.from(all));
    }

    /** The entries by path, in path order. */
    NavigableMap<String, Entry> entriesByPath() {
        return entries;
    }

    /** The entry of the article at this site path, such as {@code articles/x/}, or null. */
    public Entry byPath(String path) {
        return entries.get(path);
    }

    /** The entry rendered from a source file, or null. */
    public Entry bySource(String sourceKey) {
        String path = pathsBySource().get(sourceKey);
        return path == null ? null : entries.get(path);
    }

    private HashPMap<String, String> pathsBySource() {
        HashPMap<String, String> index = pathsBySource;
        if (index == null) {
            Map<String, String> first = new HashMap<>();
            entries.values().forEach(entry -> first.putIfAbsent(entry.sourceKey(), entry.article().path()));
            index = HashTreePMap.from(first);
            pathsBySource = index;
        }
        return index;
    }

    /** Every listed article, newest first ({@link SiteIndex#NEWEST_FIRST}): no standalone page. */
    public List<ArticleSummary> articles() {
        List<ArticleSummary> sorted = newestFirst;
        if (sorted == null) {
            synchronized (this) {
                sorted = newestFirst;
                if (sorted == null) {
                    sorted = predecessor != null ? fromPredecessor()
                            : entries.values().stream().map(Entry::article).filter(a -> !a.page()).sorted(SiteIndex.NEWEST_FIRST).toList();
                    newestFirst = sorted;
                    predecessor = null;
                }
            }
        }
        return sorted;
    }

    private List<ArticleSummary> fromPredecessor() {
        List<ArticleSummary> sorted = new java.util.ArrayList<>(predecessor.articles());
        for (ArticleSummary gone : removedFromPredecessor) {
            int at = gone.page() ? -1 : Collections.binarySearch(sorted, gone, SiteIndex.NEWEST_FIRST);
            if (at >= 0) {
                sorted.remove(at);
            }
        }
        for (ArticleSummary added : addedToPredecessor) {
            if (!added.page()) {
                int at = Collections.binarySearch(sorted, added, SiteIndex.NEWEST_FIRST);
                sorted.add(at >= 0 ? at : -at - 1, added);
            }
        }
        return Collections.unmodifiableList(sorted);
    }

    /** The standalone pages, by path. */
    public List<ArticleSummary> pages() {
        return entries.values().stream().map(Entry::article).filter(ArticleSummary::page).toList();
    }

    /** The listed articles newest first, then the standalone pages: what the index pages are rendered from. */
    public List<ArticleSummary> summaries() {
        List<ArticleSummary> pages = pages();
        if (pages.isEmpty()) {
            return articles();
        }
        List<ArticleSummary> all = new java.util.ArrayList<>(articles());
        all.addAll(pages);
        return all;
    }

    /** The next revision, with {@code entry} stored under its path and any other entry of the same source gone. */
    public Manifest with(Entry entry) {
        PSortedMap<String, Entry> next = entries;
        HashPMap<String, String> sources = pathsBySource();
        Entry previous = bySource(entry.sourceKey());
        List<ArticleSummary> removed = new java.util.ArrayList<>(2);
        if (previous != null) {
            next = next.minus(previous.article().path());
            removed.add(previous.article());
        }
        Entry stored = returning(entry, previous);
        String path = entry.article().path();
        Entry displaced = next.get(path);
        if (displaced != null) {
            removed.add(displaced.article());
            if (path.equals(sources.get(displaced.sourceKey()))) {
                sources = sources.minus(displaced.sourceKey());
            }
        }
        next = next.plus(path, stored);
        MapDiff.derived(entries, next, previous == null ? List.of(path) : List.of(previous.article().path(), path));
        return next(next, retired.minus(entry.sourceKey()), claims.minus(entry.sourceKey()), sources.plus(entry.sourceKey(), path), removed,
                List.of(stored.article()));
    }

    /**
     * The next revision, without the entry (whose paths it remembers) and the claim of this source file; this one
     * when it has neither.
     */
    public Manifest without(String sourceKey) {
        Entry gone = bySource(sourceKey);
        if (gone == null && !claims.containsKey(sourceKey)) {
            return this;  // nothing of the file to take out
        }
        PSortedMap<String, Entry> next = entries;
        PSortedMap<String, List<String>> nextRetired = retired;
        if (gone != null) {
            next = next.minus(gone.article().path());
            nextRetired = nextRetired.plus(sourceKey, gone.allPaths());
            MapDiff.derived(entries, next, List.of(gone.article().path()));
        }
        return next(next, nextRetired, claims.minus(sourceKey), pathsBySource().minus(sourceKey), gone == null ? List.of() : List.of(gone.article()),
                List.of());
    }

    /**
     * The next revision, holding exactly these entries, each remembering the former paths of its source's entry
     * here (or of its source's retired paths); the entries not kept retire.
     */
    public Manifest replacedBy(Collection<Entry> all) {
        Map<String, Entry> bySource = new HashMap<>();
        entries.values().forEach(e -> bySource.put(e.sourceKey(), e));
        TreeMap<String, Entry> next = new TreeMap<>();
        TreeMap<String, List<String>> nextRetired = new TreeMap<>(retired);
        all.forEach(e -> {
            next.put(e.article().path(), returning(e, bySource.remove(e.sourceKey())));
            nextRetired.remove(e.sourceKey());
        });
        bySource.values().forEach(left -> nextRetired.put(left.sourceKey(), left.allPaths()));
        return new Manifest(revision + 1, TreePMap.fromSortedMap(next), TreePMap.fromSortedMap(nextRetired), claims, null);
    }

    /** An entry of a source that was on the site as {@code previous}, or that left it and comes back. */
    private Entry returning(Entry entry, Entry previous) {
        List<String> left = retired.get(entry.sourceKey());
        return previous != null ? entry.after(previous) : left != null ? entry.withFormer(left) : entry;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest m && revision == m.revision && entries.equals(m.entries) && retired.equals(m.retired)
                && claims.equals(m.claims);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(revision) * 31 + entries.hashCode();
    }

    @Override
    public String toString() {
        return "Manifest[revision=" + revision + ", " + entries.size() + " entries]";
    }
}
