package dev.galley.local;

import dev.galley.aws.S3ContentStore;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Objects;
import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview's content bucket, read from the content folder wherever the folder holds the very bytes of the
 * object: the preview's start re-renders what it has just uploaded, and reading each file back over S3 would only
 * cost a request per file. A file is taken from the folder when its MD5 is the object's ETag in the latest
 * listing, and from the bucket otherwise (an upload the folder lacks, a multipart upload); statuses are the
 * bucket's tags, as the handler writes them.
 */
final class FolderBackedContentStore implements ContentStore {

    private final Path folder;
    private final S3Http s3;
    private final String bucket;
    private final S3ContentStore bucketStore;
    /** Each object's ETag when the bucket was last listed. */
    private final Map<String, String> listedEtags = new ConcurrentHashMap<>();
    /** The shared drafts' links reported so far, by key, for the preview to print. */
    private final Map<String, String> draftLinks = new java.util.concurrent.ConcurrentSkipListMap<>();

    FolderBackedContentStore(Path folder, S3Http s3, String bucket) {
        this.folder = folder;
        this.s3 = s3;
        this.bucket = bucket;
        this.bucketStore = new S3ContentStore(s3, bucket, "");
    }

    @Override
    public List<String> list() {
        List<String> keys = new ArrayList<>();
        listedEtags.clear();
        for (S3Objects.Listed object : s3.list(bucket, "")) {
            keys.add(object.key());
            listedEtags.put(object.key(), object.etag());
        }
        return keys;
    }

    /**
     * The folder's bytes when they are the object's as listed; an object changed since the listing is read as it
     * was then, as if read a moment earlier, and its own notification publishes the change.
     */
    @Override
    public Optional<SourceFile> read(String key) {
        String etag = listedEtags.get(key);
        return Optional.ofNullable(etag).flatMap(listed -> readFile(key).filter(bytes -> LocalPaths.etag(bytes).equals(listed))
                        .map(bytes -> new SourceFile(key, bytes, listed)))
                .or(() -> bucketStore.read(key));
    }

    @Override
    public void reportStatus(String key, PublishStatus status) {
        bucketStore.reportStatus(key, status);
        if (status.state() == PublishStatus.State.DRAFT && !status.url().isEmpty()) {
            draftLinks.put(key, status.url());
        }
    }

    /** The links of the drafts shared so far (absolute, under the site's {@code baseUrl}), by key. */
    Map<String, String> draftLinks() {
        return draftLinks;
    }

    /** The file's bytes; empty when there is none, or it is larger than any store reads (the bucket's copy decides). */
    private Optional<byte[]> readFile(String key) {
        if (LocalPaths.isHidden(key)) {
            return Optional.empty();
        }
        try {
            Path file = LocalPaths.resolve(folder, key);
            return Files.isRegularFile(file) && Files.size(file) < READ_LIMIT ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IllegalArgumentException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }
}
