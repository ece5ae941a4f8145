package dev.galley.aws.s3;

import java.util.Map;
import java.util.Optional;

/** What {@link S3Http}'s requests take and give: plain values, no SDK model. */
public final class S3Objects {

    private S3Objects() {
    }

    /**
     * An object read, at most as many bytes as asked for.
     *
     * @param etag     S3's ETag, without its quotes
     * @param metadata the user metadata ({@code x-amz-meta-*}), names in lower case
     * @param tags     how many tags the object has: GetObject's {@code x-amz-tagging-count}, which AWS leaves out when
     *                 there are none
     * @param form     how the object is held: its media type and content encoding
     */
    public record Stored(byte[] bytes, String etag, Map<String, String> metadata, int tags, Form form) {
    }

    /** An object's ETag (without quotes), user metadata and form, from HeadObject. */
    public record Head(String etag, Map<String, String> metadata, Form form) {
    }

    /**
     * An object's {@code Content-Type} and {@code Content-Encoding} as S3 answers them, "" where it sends none.
     */
    public record Form(String contentType, String contentEncoding) {
    }

    /** A key of a listing, with its ETag (without quotes). */
    public record Listed(String key, String etag) {
    }

    /** A version of a key, from ListObjectVersions; delete markers are left out. */
    public record Version(String key, String versionId, String etag) {
    }

    /**
     * How to write an object.
     *
     * @param contentEncoding how the body is encoded ({@code gzip}), S3 keeps it and answers every GET with it
     * @param ifMatch         write only over this ETag (without quotes); S3 answers 412 otherwise
     * @param ifNoneMatch     write only where no object is ({@code true}: {@code If-None-Match: *})
     */
    public record Put(String contentType, Optional<String> cacheControl, Optional<String> contentEncoding, Map<String, String> metadata,
                      Optional<String> ifMatch, boolean ifNoneMatch) {
    }
}
