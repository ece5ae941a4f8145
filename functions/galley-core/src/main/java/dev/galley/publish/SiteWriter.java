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
    static final String CONTENT_HASH = "galley-md5";

    private final SiteStore site;

    SiteWriter(SiteStore site) {
        this.site = site;
    }

    /**
     * Writes a file unless the stored copy has the same bytes (compared by the hash kept in its metadata), so
     * that re-rendering an unchanged site writes nothing. A store that keeps no hashes is written without asking.
     *
     * @return true when it wrote
     */
    boolean writeIfChanged(SiteFile file, Map<String, String> metadata) {
        if (!site.skipsIdenticalWrites()) {
            site.write(file, metadata, new Condition.None());
            return true;
        }
        Map<String, String> withHash = new HashMap<>(metadata);
        withHash.put(CONTENT_HASH, contentHash(file.bytes()));
        Optional<SiteStore.Version> stored = site.head(file.path());
        if (stored.isPresent() && withHash.get(CONTENT_HASH).equals(stored.get().metadata().get(CONTENT_HASH))) {
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
