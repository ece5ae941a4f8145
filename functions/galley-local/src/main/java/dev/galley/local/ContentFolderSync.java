package dev.galley.local;

import dev.galley.publish.Publisher;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keeps the preview's content folder and its content bucket the same, both ways, and never deletes what an
 * author made. An upload to the bucket with any S3 tool is written into the folder, so the folder stays the
 * author's working copy; a file saved in the folder is uploaded. A deletion crosses over only when the other
 * side still holds what both sides last agreed on: an edit that has not crossed yet is never overwritten.
 *
 * <p>Crossing changes cannot loop: a file is uploaded only when the bucket holds other bytes, and written into
 * the folder only when the folder holds other bytes.
 */
final class ContentFolderSync {

    /** Files this class is still writing into the folder: hidden, so neither the watcher nor a build sees them. */
    private static final String PULL_SUFFIX = ".galley-pull";

    private final Path folder;
    private final S3Client s3;
    private final String bucket;
    /** The MD5 of each key's bytes when the folder and the bucket last held the same; absent: never, or deleted on both. */
    private final Map<String, String> agreed = new ConcurrentHashMap<>();

    ContentFolderSync(Path folder, S3Client s3, String bucket) {
        this.folder = folder;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * What the preview's start does. Writes into the folder every object the bucket holds and the folder does not,
     * and removes what an earlier preview was still writing when it was killed; then does {@link #push} for every
     * file of the folder, from one listing of the bucket (its ETags instead of a request for each file) with the
     * uploads run {@code threads} at a time. Deletes nothing.
     *
     * @return the keys written into the folder, and how many files were uploaded
     */
    synchronized Converged converge(int threads) {
        Map<String, String> bucketEtags = listBucket();
        List<String> pulled = pullMissing(bucketEtags);
        List<String> files = LocalPaths.listFiles(folder).stream().filter(this::isMirrored).toList();
        ExecutorService uploads = Executors.newFixedThreadPool(threads);
        int uploaded = 0;
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (String key : files) {
                String etag = bucketEtags.get(key);
                if (etag != null && etag.contains("-")) {
                    uploaded += push(key) ? 1 : 0;  // a multipart upload's ETag is not an MD5: push compares the bytes
                } else {
                    done.add(uploads.submit(() -> uploadUnlessHeld(key, etag)));
                }
            }
            for (Future<Boolean> upload : done) {
                uploaded += upload.get() ? 1 : 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading " + folder, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            uploads.shutdownNow();
        }
        return new Converged(pulled, uploaded);
    }

    /** What {@link #converge} changed: the keys it wrote into the folder, and how many files it uploaded. */
    record Converged(List<String> pulled, int uploaded) {
    }

    /** Every object's ETag, unquoted. */
    private Map<String, String> listBucket() {
        Map<String, String> etags = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            etags.put(object.key(), object.eTag().replace("\"", ""));
        }
        return etags;
    }

    private List<String> pullMissing(Map<String, String> bucketEtags) {
        LocalPaths.listFiles(folder).stream().filter(key -> key.endsWith(PULL_SUFFIX)).forEach(key -> deleteFile(key));
        List<String> pulled = new ArrayList<>();
        for (String key : bucketEtags.keySet()) {
            if (isMirrored(key) && !Files.exists(LocalPaths.resolve(folder, key))) {
                pull(key);
                pulled.add(key);
            }
        }
        return pulled;
    }

    /**
     * Uploads a folder file unless the bucket holds its bytes ({@code bucketEtag}); either way both sides agree.
     *
     * @return true when it uploaded
     */
    private boolean uploadUnlessHeld(String key, String bucketEtag) {
        Optional<byte[]> local = readFile(key);
        if (local.isEmpty()) {
            return false;  // deleted since it was listed: the watcher's event for it follows
        }
        String localMd5 = LocalPaths.etag(local.get());
        boolean upload = !localMd5.equals(bucketEtag);
        if (upload) {
            upload(key, local.get());
        }
        agree(key, localMd5);
        return upload;
    }

    /**
     * After a change in the folder: uploads the file unless the bucket holds its bytes, or deletes the object when
     * the author deleted a file while the bucket still held what both sides had. A key that is neither a file nor
     * an object is a folder that was removed or renamed: each object under it is handled the same way.
     *
     * @return true when the bucket was changed
     */
    synchronized boolean push(String key) {
        if (!isMirrored(key)) {
            return false;
        }
        Optional<byte[]> local = readFile(key);
        Optional<String> remote = remoteMd5(key);
        String localMd5 = local.map(LocalPaths::etag).orElse(null);
        if (Objects.equals(localMd5, remote.orElse(null))) {
            agree(key, localMd5);
            return local.isEmpty() && pushFolder(key);
        }
        if (local.isPresent() && localMd5.equals(agreed.get(key))) {
            return false;  // the folder holds what both sides agreed on: the bucket changed since, and its notification brings that here
        }
        if (local.isPresent()) {
            upload(key, local.get());
            agree(key, localMd5);
            return true;
        }
        if (remote.get().equals(agreed.get(key))) {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
            agree(key, null);
            return true;
        }
        // The bucket holds bytes the folder never had (an S3 tool uploaded them): kept, and written into the folder.
        readObject(key).ifPresent(bytes -> {
            if (writeFile(key, bytes, null)) {
                agree(key, LocalPaths.etag(bytes));
            }
        });
        return false;
    }

    /** Handles every object under a folder that is gone from the content folder. */
    private boolean pushFolder(String folderKey) {
        boolean changed = false;
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(folderKey + "/")).contents()) {
            changed |= push(object.key());
        }
        return changed;
    }

    /**
     * After a change in the bucket: writes the object into the folder, or deletes the file, unless the folder
     * holds an edit that has not been uploaded yet.
     */
    synchronized void pull(String key) {
        if (!isMirrored(key)) {
            return;
        }
        Optional<byte[]> local = readFile(key);
        Optional<byte[]> remote = readObject(key);
        String localMd5 = local.map(LocalPaths::etag).orElse(null);
        String remoteMd5 = remote.map(LocalPaths::etag).orElse(null);
        if (Objects.equals(localMd5, remoteMd5)) {
            agree(key, localMd5);
            return;
        }
        String base = agreed.get(key);
        boolean folderChangedSinceAgreement = local.isPresent() ? !localMd5.equals(base) : base != null;
        if (folderChangedSinceAgreement) {
            return;  // the watcher uploads it
        }
        if (remote.isPresent() ? writeFile(key, remote.get(), localMd5) : deleteFile(key)) {
            agree(key, remoteMd5);
        }
    }

    private void upload(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(Publisher.isArticle(key) ? "text/markdown; charset=utf-8" : null),
                RequestBody.fromBytes(bytes));
    }

    private void agree(String key, String md5) {
        if (md5 == null) {
            agreed.remove(key);
        } else {
            agreed.put(key, md5);
        }
    }

    /** Hidden files (editor swap files, .DS_Store) and folder markers stay on their side. */
    private boolean isMirrored(String key) {
        if (key.isEmpty() || key.endsWith("/") || LocalPaths.isHidden(key)) {
            return false;
        }
        try {
            LocalPaths.resolve(folder, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;  // a key such as ../x cannot be a file of the folder
        }
    }

    private Optional<byte[]> readFile(String key) {
        try {
            return Optional.of(Files.readAllBytes(LocalPaths.resolve(folder, key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    /** The MD5 of what the bucket holds: its ETag, or for a multipart upload (whose ETag is not one) its bytes'. */
    private Optional<String> remoteMd5(String key) {
        try {
            String etag = s3.headObject(r -> r.bucket(bucket).key(key)).eTag().replace("\"", "");
            return etag.contains("-") ? readObject(key).map(LocalPaths::etag) : Optional.of(etag);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> readObject(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(object.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Written beside its place under a hidden name, then moved over it: an editor or a kill never sees half of it.
     * If the file changed since it was read as {@code expectedMd5} (an editor saved meanwhile), it is left as it is.
     */
    private boolean writeFile(String key, byte[] bytes, String expectedMd5) {
        Path target = LocalPaths.resolve(folder, key);
        Path partial = target.resolveSibling("." + target.getFileName() + PULL_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            Files.write(partial, bytes);
            if (!Objects.equals(readFile(key).map(LocalPaths::etag).orElse(null), expectedMd5)) {
                Files.delete(partial);
                return false;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private boolean deleteFile(String key) {
        try {
            Files.deleteIfExists(LocalPaths.resolve(folder, key));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }
}
