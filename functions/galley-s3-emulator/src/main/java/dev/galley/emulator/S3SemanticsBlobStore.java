package dev.galley.emulator;

import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Gives S3Proxy's nio2 stores the S3 behaviour Galley relies on and they lack.
 *
 * <p>Every write or delete of a key runs under that key's lock, so a conditional PUT re-checks its
 * If-Match / If-None-Match against the current object and writes without anyone writing in between:
 * exactly one of many racing conditional writers wins, as on S3. (S3Proxy checks If-Match with a read
 * before an unconditional write, which lets several racing writers through.)
 *
 * <p>The same layer emits S3 event notifications for what was actually written or deleted, and keeps
 * object tags, which S3Proxy 4.1.0 does not implement.
 */
final class S3SemanticsBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3SemanticsBlobStore.class);

    /** Keys S3Proxy writes for its own multipart bookkeeping, which S3 would never announce. */
    private static final String[] INTERNAL_KEY_PREFIXES = {".s3proxy-mpu-stub-", ".mpus-"};
    private static final int LOCK_STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final Map<BucketKey, Map<String, String>> tags = new ConcurrentHashMap<>();
    private final Set<String> notifyingBuckets;
    private final NotificationSink sink;
    private final S3EventFactory events;
    private final Sequencer sequencer = new Sequencer();

    /** Announces changes in the buckets {@code notifyingBuckets} holds, read live. */
    S3SemanticsBlobStore(BlobStore delegate, NotificationSink sink, S3EventFactory events,
            Set<String> notifyingBuckets) {
        super(delegate);
        this.sink = sink;
        this.events = events;
        this.notifyingBuckets = notifyingBuckets;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        ListObjectsV2Response page = delegate().list(request);
        if (page.contents().stream().noneMatch(object -> StorageTempFiles.isTemporary(object.key()))) {
            return page;
        }
        List<S3Object> objects = page.contents().stream().filter(object -> !StorageTempFiles.isTemporary(object.key())).toList();
        return page.toBuilder().contents(objects).keyCount(objects.size() + page.commonPrefixes().size()).build();
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        hideTemporary(request.bucket(), request.key());
        return delegate().getBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        hideTemporary(request.bucket(), request.key());
        return delegate().blobMetadata(request);
    }

    private static void hideTemporary(String bucket, String key) {
        if (StorageTempFiles.isTemporary(key)) {
            throw S3Exceptions.noSuchKey(bucket, key, null);
        }
    }

    /** An object may not take a name the store uses for its temporary files: it would be hidden and swept away. */
    private static void refuseTemporaryName(String key) {
        if (StorageTempFiles.isTemporary(key)) {
            throw S3Exceptions.invalidArgument("the preview's storage reserves keys that end in a dash and a UUID: " + key);
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        String bucket = request.bucket();
        String key = request.key();
        refuseTemporaryName(key);
        PutObjectResponse response;
        String sequence;
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            checkConditions(bucket, key, request.ifMatch(), request.ifNoneMatch());
            response = delegate().putBlob(request, payload);
            tags.remove(new BucketKey(bucket, key));
            sequence = sequencer.next();
        } finally {
            lock.unlock();
        }
        notifyCreated("ObjectCreated:Put", bucket, key, request.contentLength(), response.eTag(),
                response.versionId(), sequence);
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        String bucket = request.destinationBucket();
        String key = request.destinationKey();
        refuseTemporaryName(key);
        CopyObjectResponse response;
        HeadObjectResponse copied;
        String sequence;
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            response = delegate().copyBlob(request);
            copied = delegate().blobMetadata(bucket, key);
            // S3's default x-amz-tagging-directive is COPY.
            Map<String, String> sourceTags = tags.get(new BucketKey(request.sourceBucket(), request.sourceKey()));
            if (sourceTags == null) {
                tags.remove(new BucketKey(bucket, key));
            } else {
                tags.put(new BucketKey(bucket, key), sourceTags);
            }
            sequence = sequencer.next();
        } finally {
            lock.unlock();
        }
        notifyCreated("ObjectCreated:Copy", bucket, key, copied.contentLength(), copied.eTag(),
                copied.versionId(), sequence);
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload mpu,
            CompleteMultipartUploadRequest request) {
        String bucket = mpu.containerName();
        String key = mpu.blobName();
        refuseTemporaryName(key);
        CompleteMultipartUploadResponse response;
        HeadObjectResponse completed;
        String sequence;
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            checkConditions(bucket, key, request.ifMatch(), request.ifNoneMatch());
            response = delegate().completeMultipartUpload(mpu, request);
            completed = delegate().blobMetadata(bucket, key);
            tags.remove(new BucketKey(bucket, key));
            sequence = sequencer.next();
        } finally {
            lock.unlock();
        }
        notifyCreated("ObjectCreated:CompleteMultipartUpload", bucket, key, completed.contentLength(),
                completed.eTag(), completed.versionId(), sequence);
        return response;
    }

    /**
     * Also serves DeleteObjects, whose default implementation deletes key by key through here. As on
     * S3, deleting a key that does not exist succeeds and is announced as ObjectRemoved:Delete.
     */
    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        String bucket = request.bucket();
        String key = request.key();
        DeleteObjectResponse response;
        String sequence;
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            response = delegate().removeBlob(request);
            if (request.versionId() == null) {
                tags.remove(new BucketKey(bucket, key));
            }
            sequence = sequencer.next();
        } finally {
            lock.unlock();
        }
        if (shouldNotify(bucket, key)) {
            String eventName = Boolean.TRUE.equals(response.deleteMarker()) && request.versionId() == null
                    ? "ObjectRemoved:DeleteMarkerCreated"
                    : "ObjectRemoved:Delete";
            deliver(events.removed(eventName, bucket, key, response.versionId(), sequence, Instant.now()));
        }
        return response;
    }

    /** PutObjectTagging: replaces the object's tag set. Emits no notification, as S3 sends none by default. */
    void putTags(String bucket, String key, Map<String, String> tagSet) {
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            requireObject(bucket, key);
            tags.put(new BucketKey(bucket, key), Map.copyOf(new LinkedHashMap<>(tagSet)));
        } finally {
            lock.unlock();
        }
    }

    /** How many tags the key has; none when there is no such object. */
    int tagCount(String bucket, String key) {
        return tags.getOrDefault(new BucketKey(bucket, key), Map.of()).size();
    }

    Map<String, String> getTags(String bucket, String key) {
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            requireObject(bucket, key);
            return tags.getOrDefault(new BucketKey(bucket, key), Map.of());
        } finally {
            lock.unlock();
        }
    }

    void deleteTags(String bucket, String key) {
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            requireObject(bucket, key);
            tags.remove(new BucketKey(bucket, key));
        } finally {
            lock.unlock();
        }
    }

    private void requireObject(String bucket, String key) {
        if (!delegate().containerExists(bucket)) {
            throw S3Exceptions.noSuchBucket(bucket, null);
        }
        if (delegate().blobMetadataIfPresent(bucket, key) == null) {
            throw S3Exceptions.noSuchKey(bucket, key, null);
        }
    }

    /** Judged against the current object while the caller holds the key's lock. */
    private void checkConditions(String bucket, String key, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        HeadObjectResponse current = delegate().blobMetadataIfPresent(bucket, key);
        if (ifMatch != null) {
            if (current == null) {
                throw S3Exceptions.noSuchKey(bucket, key, "If-Match names an object that does not exist");
            }
            if (!ifMatch.equals("*") && !sameETag(ifMatch, current.eTag())) {
                throw S3Exceptions.preconditionFailed(null);
            }
        }
        if (ifNoneMatch != null && current != null
                && (ifNoneMatch.equals("*") || sameETag(ifNoneMatch, current.eTag()))) {
            throw S3Exceptions.preconditionFailed(null);
        }
    }

    private void notifyCreated(String eventName, String bucket, String key, Long size, String eTag,
            String versionId, String sequence) {
        if (shouldNotify(bucket, key)) {
            deliver(events.created(eventName, bucket, key, size == null ? 0L : size, eTag, versionId, sequence,
                    Instant.now()));
        }
    }

    private boolean shouldNotify(String bucket, String key) {
        if (!notifyingBuckets.contains(bucket)) {
            return false;
        }
        for (String prefix : INTERNAL_KEY_PREFIXES) {
            if (key.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private void deliver(String eventJson) {
        try {
            sink.accept(eventJson);
        } catch (RuntimeException e) {
            // The write has happened; a failing consumer must not turn it into an error for the client.
            LOG.warn("notification sink failed", e);
        }
    }

    private ReentrantLock lockFor(String bucket, String key) {
        return locks[Math.floorMod(new BucketKey(bucket, key).hashCode(), LOCK_STRIPES)];
    }

    private static boolean sameETag(String a, String b) {
        return b != null && unquote(a).equals(unquote(b));
    }

    private static String unquote(String eTag) {
        String trimmed = eTag.trim();
        if (trimmed.startsWith("W/")) {
            trimmed = trimmed.substring(2);
        }
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private record BucketKey(String bucket, String key) {
    }
}
