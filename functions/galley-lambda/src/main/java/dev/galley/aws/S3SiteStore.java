package dev.galley.aws;

import dev.galley.publish.SiteStore;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.SiteFile;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The site bucket, with S3 conditional writes (If-Match / If-None-Match) for the manifest and index pages. */
public final class S3SiteStore implements SiteStore {

    private final S3Client s3;
    private final String bucket;

    public S3SiteStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<Stored> read(String path) {
        return S3Calls.find("reading s3://" + bucket + "/" + path, () -> {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(path));
            return new Stored(object.asByteArray(), new Version(S3Calls.bareEtag(object.response().eTag()), decode(object.response().metadata())));
        });
    }

    @Override
    public Optional<Version> head(String path) {
        return S3Calls.find("inspecting s3://" + bucket + "/" + path, () -> {
            HeadObjectResponse response = s3.headObject(r -> r.bucket(bucket).key(path));
            return new Version(S3Calls.bareEtag(response.eTag()), decode(response.metadata()));
        });
    }

    @Override
    public void write(SiteFile file, Map<String, String> metadata, Condition condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(file.path())
                .contentType(file.kind().contentType())
                .cacheControl(file.kind().cacheControl())
                .metadata(encode(metadata));
        if (condition instanceof Condition.Absent) {
            request.ifNoneMatch("*");
        } else if (condition instanceof Condition.Matches matches) {
            request.ifMatch("\"" + matches.etag() + "\"");
        }
        S3Calls.run("writing s3://" + bucket + "/" + file.path(), () -> {
            try {
                s3.putObject(request.build(), RequestBody.fromBytes(file.bytes()));
            } catch (S3Exception e) {
                // S3 answers If-Match with 404 when the object was deleted meanwhile: a change like any other.
                if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404 && condition instanceof Condition.Matches) {
                    throw new WriteConflictException(file.path(), e);
                }
                throw e;
            } catch (SdkClientException e) {
                // A server that rejects a conditional PUT early may close the connection while the body is
                // still being sent; the SDK then reports a broken pipe instead of the 412.
                if (!(condition instanceof Condition.None) && isBrokenPipe(e)) {
                    throw new WriteConflictException(file.path(), e);
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(String path) {
        S3Calls.run("deleting s3://" + bucket + "/" + path, () -> s3.deleteObject(r -> r.bucket(bucket).key(path)));
    }

    @Override
    public List<String> list(String prefix) {
        return S3Calls.call("listing s3://" + bucket + "/" + prefix, () -> {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
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
