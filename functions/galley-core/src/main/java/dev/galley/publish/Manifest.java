package dev.galley.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.galley.article.ArticleSummary;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Galley's record of what is published: one entry per slug. Index pages render from it, so an upload never
 * re-reads other articles. Each commit increments {@code revision}; index pages carry the revision they were
 * rendered from, so an older render can never overwrite a newer one.
 */
public record Manifest(long revision, Map<String, Entry> entries) {

    /**
     * One published article.
     *
     * @param sourceKey  the content file it was rendered from
     * @param sourceEtag the ETag of the bytes it was rendered from
     * @param sequencer  the S3 event sequencer that led to it, or "" when unknown (full builds)
     */
    public record Entry(String sourceKey, String sourceEtag, String sequencer, ArticleSummary article) {
    }

    public static final Manifest EMPTY = new Manifest(0, Map.of());

    public Manifest {
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public Entry bySlug(String slug) {
        return entries.get(slug);
    }

    /** The entry rendered from a source file, or null. */
    public Entry bySource(String sourceKey) {
        for (Entry entry : entries.values()) {
            if (entry.sourceKey().equals(sourceKey)) {
                return entry;
            }
        }
        return null;
    }

    @JsonIgnore
    public List<ArticleSummary> articles() {
        return entries.values().stream().map(Entry::article).toList();
    }

    /** The next revision, with {@code entry} stored under its slug and any other entry of the same source gone. */
    public Manifest with(Entry entry) {
        Map<String, Entry> next = new TreeMap<>(entries);
        next.values().removeIf(e -> e.sourceKey().equals(entry.sourceKey()));
        next.put(entry.article().slug(), entry);
        return new Manifest(revision + 1, next);
    }

    /** The next revision, without the entry of this source file. */
    public Manifest without(String sourceKey) {
        Map<String, Entry> next = new TreeMap<>(entries);
        next.values().removeIf(e -> e.sourceKey().equals(sourceKey));
        return new Manifest(revision + 1, next);
    }

    /** The next revision, holding exactly these entries. */
    public Manifest replacedBy(Collection<Entry> all) {
        Map<String, Entry> next = new TreeMap<>();
        all.forEach(e -> next.put(e.article().slug(), e));
        return new Manifest(revision + 1, next);
    }
}
