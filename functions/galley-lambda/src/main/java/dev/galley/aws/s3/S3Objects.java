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
     */
    public record Stored(byte[] bytes, String etag, Map<String, String> metadata, int tags) {
    }

    /** An object's ETag (without quotes) and user metadata, from HeadObject. */
    public record Head(String etag, Map<String, String> metadata) {
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
     * @param ifMatch     write only over this ETag (without quotes); S3 answers 412 otherwise
     * @param ifNoneMatch write only where no object is ({@code true}: {@code If-None-Match: *})
     */
    public record Put(String contentType, Optional<String> cacheControl, Map<String, String> metadata,
                      Optional<String> ifMatch, boolean ifNoneMatch) {
    }
}
