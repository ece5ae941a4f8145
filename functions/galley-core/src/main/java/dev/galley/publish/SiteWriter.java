package dev.galley.publish;

import dev.galley.publish.SiteStore.Condition;
import dev.galley.site.SiteFile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule every page, index page, feed, redirect and internal file of the site is written by, in publishing,
 * batches and the re-render alike: write the bytes unless the stored copy holds the same ones. One writer publishes
 * (one queue, one message group), so the write is unconditional; only the manifest's commit is conditional
 * ({@link ManifestStore}).
 */
final class SiteWriter {

    /** The source file a page was rendered from, kept in the page's metadata. */
    static final String SOURCE = "galley-source";
    /** The ETag of the source bytes a page or an image copy was made from. */
    static final String SOURCE_ETAG = "galley-source-etag";
    /**
     * The MD5 of a written file's bytes, to skip rewriting identical bytes. It only tells our own renderings
     * apart, so it needs no collision resistance; MD5 runs three times as fast as SHA-256 in C1-compiled code,
     * Lambda's default, where a full build hashes every byte of the site.
     */
    static final String CONTENT_HASH = SiteStore.CONTENT_HASH;

    private final KnownSite site;

    SiteWriter(KnownSite site) {
        this.site = site;
    }

    /**
     * Writes a file unless the stored copy has the same bytes (compared by the hash kept in its metadata), so
     * that re-rendering an unchanged site writes nothing. The stored hash is what this writer knows of the path
     * ({@link KnownSite}), or else asked for (a HEAD). A store that keeps no hashes is written without asking.
     *
     * @return true when it wrote
     */
    boolean writeIfChanged(SiteFile file, Map<String, String> metadata) {
        return write(file, metadata, true);
    }

    /**
     * Writes a file the caller expects to differ from the stored copy (a page whose content changed between two
     * revisions of the manifest), unless this writer knows the stored copy has the same bytes; when it knows nothing,
     * without asking. Asking costs a request whatever the answer, and the answer would save one only when the bytes
     * are the same, which the caller expects not: so a PUT alone never costs more requests than a HEAD and a PUT.
     *
     * @return true when it wrote
     */
    boolean writeExpectingChange(SiteFile file, Map<String, String> metadata) {
        return write(file, metadata, false);
    }

    private boolean write(SiteFile file, Map<String, String> metadata, boolean askWhenUnknown) {
        if (!site.skipsIdenticalWrites()) {
            site.write(file, metadata, new Condition.None());
            return true;
        }
        Map<String, String> withHash = new HashMap<>(metadata);
        withHash.put(CONTENT_HASH, contentHash(file.bytes()));
        Optional<KnownSite.Known> known = site.known(file.path());
        Optional<String> stored;
        if (known.isPresent()) {
            stored = Optional.ofNullable(known.get().hash());
        } else if (askWhenUnknown) {
            stored = site.head(file.path()).map(version -> version.metadata().get(CONTENT_HASH));
        } else {
            stored = Optional.empty();
        }
        if (stored.isPresent() && withHash.get(CONTENT_HASH).equals(stored.get())) {
            return false;
        }
        site.write(file, withHash, new Condition.None());
        return true;
    }

    static String contentHash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
