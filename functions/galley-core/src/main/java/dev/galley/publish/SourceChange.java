package dev.galley.publish;

/**
 * A notification that a source file may have changed. Galley acts on what the store holds now, not on what
 * the notification claims; the ETag and sequencer only stop an old notification from undoing a newer one.
 *
 * @param etag      the ETag the notification reports, or "" (deletes carry none)
 * @param sequencer the S3 event sequencer, or "" when unknown
 */
public record SourceChange(String key, String etag, String sequencer) {

    public static SourceChange of(String key) {
        return new SourceChange(key, "", "");
    }

    /**
     * Compares S3 sequencers: hexadecimal strings compared after right-padding the shorter with zeros,
     * as S3's documentation prescribes for events of the same key.
     */
    public static int compareSequencers(String a, String b) {
        int length = Math.max(a.length(), b.length());
        String left = (a + "0".repeat(length - a.length())).toUpperCase(java.util.Locale.ROOT);
        String right = (b + "0".repeat(length - b.length())).toUpperCase(java.util.Locale.ROOT);
        return left.compareTo(right);
    }
}
