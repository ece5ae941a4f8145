package dev.galley.aws;

import dev.galley.aws.s3.S3Failure;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Objects;
import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content bucket. Keys are relative to the content prefix. Status goes back to the author as object tags,
 * which raise no {@code ObjectCreated} notification, so reporting never re-triggers the function.
 */
public final class S3ContentStore implements ContentStore {

    public static final String STATUS_TAG = "galley-status";
    public static final String REASON_TAG = "galley-reason";
    public static final String URL_TAG = "galley-url";
    /** How many warnings, and the first: {@code 3 warnings. line 12: ...}. */
    public static final String WARNINGS_TAG = "galley-warnings";
    /**
     * The ETag of the bytes the status is about. The tags of an object that was overwritten meanwhile may be
     * about the older bytes, so whoever just uploaded a file reads its status only when this is the upload's ETag.
     */
    public static final String ETAG_TAG = "galley-etag";

    // S3 tag values allow letters, digits, spaces and + - = . _ : / @, up to 256 characters.
    private static final Pattern NOT_ALLOWED_IN_TAGS = Pattern.compile("[^\\p{L}\\p{N} +\\-=._:/@]+");
    private static final int MAX_TAG_VALUE = 256;
    private static final int MAX_TAGS = 10;

    private final S3Http s3;
    private final String bucket;
    private final String prefix;
    /**
     * The keys last read with no tags (GetObject answered no {@code x-amz-tagging-count}), with the ETag read: a status
     * about those bytes is tagged without reading the tags first, as there are no author's tags to keep. Used once.
     */
    private final Map<String, String> readUntagged = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 1024;
        }
    });

    public S3ContentStore(S3Http s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Optional<SourceFile> read(String key) {
        return read(key, null);
    }

    /**
     * Lists the object's versions for the one with this ETag: a broken replacement's last good version, which a
     * re-render keeps on the site. A bucket without versions (or a server that cannot list them) has none.
     */
    @Override
    public Optional<SourceFile> readVersion(String key, String etag) {
        Optional<SourceFile> current = read(key);
        if (current.isEmpty() || current.get().etag().equals(etag)) {
            return current.filter(file -> file.etag().equals(etag));
        }
        String object = prefix + key;
        Optional<String> versionId = S3Calls.call("listing the versions of s3://" + bucket + "/" + object, () -> {
            try {
                return s3.versions(bucket, object).stream()
                        .filter(version -> version.key().equals(object) && version.etag().equals(etag))
                        .map(S3Objects.Version::versionId).filter(id -> id != null && !id.equals("null")).findFirst();
            } catch (S3Failure e) {
                if (e.status() == 501 || e.status() == 400) {
                    return Optional.empty();  // S3-compatible servers without versioning
                }
                throw e;
            }
        });
        return versionId.flatMap(id -> read(key, id));
    }

    private Optional<SourceFile> read(String key, String versionId) {
        return S3Calls.find("reading s3://" + bucket + "/" + prefix + key + (versionId == null ? "" : " version " + versionId), () -> {
            S3Objects.Stored object = s3.get(bucket, prefix + key, versionId, READ_LIMIT);
            if (versionId == null && object.tags() == 0) {
                readUntagged.put(key, object.etag());
            } else if (versionId == null) {
                readUntagged.remove(key);
            }
            return new SourceFile(key, object.bytes(), object.etag());
        });
    }

    @Override
    public List<String> list() {
        return S3Calls.call("listing s3://" + bucket + "/" + prefix, () -> {
            List<String> keys = new ArrayList<>();
            s3.list(bucket, prefix).forEach(object -> keys.add(object.key().substring(prefix.length())));
            return keys;
        });
    }

    /** From the listing's ETags: a page of a thousand keys a request, not a read a key. */
    @Override
    public Map<String, String> etags() {
        return S3Calls.call("listing s3://" + bucket + "/" + prefix, () -> {
            Map<String, String> etags = new HashMap<>();
            s3.list(bucket, prefix).forEach(object -> etags.put(object.key().substring(prefix.length()), object.etag()));
            return etags;
        });
    }

    @Override
    public void reportStatus(String key, PublishStatus status) {
        String object = prefix + key;
        String untagged = readUntagged.remove(key);
        // A file deleted meanwhile has nothing to tag: its own notification follows.
        Optional<Map<String, String>> tagged = untagged != null && untagged.equals(status.sourceEtag()) ? Optional.of(Map.of())
                : S3Calls.find("reading the tags of s3://" + bucket + "/" + object, () -> s3.tags(bucket, object));
        tagged.ifPresent(current -> {
            Map<String, String> tags = new LinkedHashMap<>();
            current.forEach((name, value) -> {
                if (!name.startsWith("galley-")) {
                    tags.put(name, value);
                }
            });
            // Most important first: S3 keeps at most 10 tags, and the author's own come before ours.
            List<Tag> ours = new ArrayList<>();
            ours.add(tag(STATUS_TAG, status.state().tagValue()));
            if (!status.sourceEtag().isEmpty()) {
                ours.add(tag(ETAG_TAG, status.sourceEtag()));
            }
            if (!status.reason().isEmpty()) {
                ours.add(tag(REASON_TAG, status.reason()));
            }
            if (!status.warnings().isEmpty()) {
                int count = status.warnings().size();
                ours.add(tag(WARNINGS_TAG, count + (count == 1 ? " warning. " : " warnings. ") + status.warnings().get(0)));
            }
            if (!status.url().isEmpty()) {
                ours.add(tag(URL_TAG, status.url()));
            }
            ours.subList(0, Math.min(ours.size(), Math.max(1, MAX_TAGS - tags.size()))).forEach(tag -> tags.put(tag.key(), tag.value()));
            S3Calls.find("tagging s3://" + bucket + "/" + object, () -> {
                s3.putTags(bucket, object, tags);
                return tags;
            });
        });
    }

    /** An object tag. */
    record Tag(String key, String value) {
    }

    /** A tag S3 accepts: only its allowed characters, at most 256 of them (code points), cut with "..." when longer. */
    static Tag tag(String key, String value) {
        String clean = NOT_ALLOWED_IN_TAGS.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_TAG_VALUE) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_TAG_VALUE - 3)) + "...";
        }
        return new Tag(key, clean);
    }
}
