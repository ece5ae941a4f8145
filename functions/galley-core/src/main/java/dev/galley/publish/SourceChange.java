package dev.galley.publish;

/**
 * A notification that a source file may have changed. Galley acts on what the store holds now, not on what
 * the notification claims: S3 reads are strongly consistent, so a late, duplicated or reordered notification
 * leads to the same site as a timely one.
 *
 * @param etag      the ETag the notification reports, or "" (deletes carry none)
 * @param sequencer the S3 event sequencer, or "" when unknown; kept in the manifest entry it led to, for diagnosis
 */
public record SourceChange(String key, String etag, String sequencer) {

    public static SourceChange of(String key) {
        return new SourceChange(key, "", "");
    }
}
