package dev.galley.aws;

import dev.galley.aws.s3.S3Failure;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Objects;
import dev.galley.publish.SiteStore;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.SiteFile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site bucket, with S3 conditional writes (If-Match / If-None-Match) for the state's root. Text is held
 * gzip-encoded ({@code Content-Encoding: gzip}, {@link GzipEncoding}) unless told otherwise, and read back plain
 * whichever way each object is held: the core only ever sees the bytes it rendered.
 */
public final class S3SiteStore implements SiteStore {

    private final S3Http s3;
    private final String bucket;
    private final boolean gzipText;

    /** A site bucket that holds text gzip-encoded, for CloudFront. */
    public S3SiteStore(S3Http s3, String bucket) {
        this(s3, bucket, true);
    }

    /** @param gzipText whether text ({@link GzipEncoding#encodes}) is written gzip-encoded; false: every object plain */
    public S3SiteStore(S3Http s3, String bucket, boolean gzipText) {
        this.s3 = s3;
        this.bucket = bucket;
        this.gzipText = gzipText;
    }

    @Override
    public Optional<Stored> read(String path) {
        return S3Calls.find("reading s3://" + bucket + "/" + path, () -> {
            S3Objects.Stored object = s3.get(bucket, path, null, Integer.MAX_VALUE);
            return new Stored(GzipEncoding.decode(object.bytes(), object.form().contentEncoding()),
                    version(object.etag(), object.metadata(), object.form()));
        });
    }

    @Override
    public Optional<Version> head(String path) {
        return S3Calls.find("inspecting s3://" + bucket + "/" + path, () -> {
            S3Objects.Head head = s3.head(bucket, path);
            return version(head.etag(), head.metadata(), head.form());
        });
    }

    /**
     * The hash of the rendered bytes kept in the metadata says whether writing them again can be skipped; it does only
     * where the object is held as this store would write it now. An object held plain where this store encodes (stored
     * before the encoding was turned on), or encoded where it would not, reports no hash, so it is written again.
     */
    private Version version(String etag, Map<String, String> metadata, S3Objects.Form form) {
        Map<String, String> decoded = decode(metadata);
        boolean encoded = GzipEncoding.isGzip(form.contentEncoding());
        if (encoded != encodes(form.contentType())) {
            decoded.remove(CONTENT_HASH);
        }
        return new Version(etag, decoded);
    }

    private boolean encodes(String contentType) {
        return gzipText && GzipEncoding.encodes(contentType);
    }

    @Override
    public void write(SiteFile file, Map<String, String> metadata, Condition condition) {
        writeTellingEtag(file, metadata, condition);
    }

    @Override
    public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
        boolean encode = encodes(file.kind().contentType());
        byte[] body = encode ? GzipEncoding.encode(file.bytes()) : file.bytes();
        S3Objects.Put put = new S3Objects.Put(file.kind().contentType(), Optional.ofNullable(file.kind().cacheControl()),
                encode ? Optional.of(GzipEncoding.GZIP) : Optional.empty(), encode(metadata),
                condition instanceof Condition.Matches matches ? Optional.of(matches.etag()) : Optional.empty(),
                condition instanceof Condition.Absent);
        return S3Calls.call("writing s3://" + bucket + "/" + file.path(), () -> {
            try {
                return Optional.ofNullable(s3.put(bucket, file.path(), body, put)).filter(etag -> !etag.isEmpty());
            } catch (S3Failure e) {
                // S3 answers If-Match with 404 when the object was deleted meanwhile: a change like any other.
                if (e.status() == 412 || e.status() == 409 || e.status() == 404 && condition instanceof Condition.Matches) {
                    throw new WriteConflictException(file.path(), e);
                }
                // A server that rejects a conditional PUT early may close the connection while the body is
                // still being sent; the client then reports a broken pipe instead of the 412.
                if (e.status() == 0 && !(condition instanceof Condition.None) && isBrokenPipe(e)) {
                    throw new WriteConflictException(file.path(), e);
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(String path) {
        S3Calls.run("deleting s3://" + bucket + "/" + path, () -> s3.delete(bucket, path));
    }

    @Override
    public void deleteAll(List<String> paths) {
        if (!paths.isEmpty()) {
            S3Calls.run("deleting " + paths.size() + " objects from s3://" + bucket + "/", () -> s3.deleteAll(bucket, paths));
        }
    }

    @Override
    public List<String> list(String prefix) {
        return S3Calls.call("listing s3://" + bucket + "/" + prefix, () -> {
            List<String> keys = new ArrayList<>();
            s3.list(bucket, prefix).forEach(o -> keys.add(o.key()));
            return keys;
        });
    }

    // S3 user metadata travels in HTTP headers and must be US-ASCII; source keys may not be.
    private static Map<String, String> encode(Map<String, String> metadata) {
        Map<String, String> encoded = new java.util.HashMap<>();
        metadata.forEach((k, v) -> encoded.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return encoded;
    }

    private static Map<String, String> decode(Map<String, String> metadata) {
        Map<String, String> decoded = new java.util.HashMap<>();
        metadata.forEach((k, v) -> decoded.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        return decoded;
    }

    private static boolean isBrokenPipe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Broken pipe") || message.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
