package dev.galley.local;

import dev.galley.aws.S3ContentStore;
import dev.galley.publish.PublishStatus;
import software.amazon.awssdk.services.s3.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the publish function said of a source file, read back from the object's {@code galley-*} tags.
 *
 * @param state    the {@code galley-status} value: published, draft, rejected, scheduled or expired
 * @param warnings the {@code galley-warnings} value ("2 warnings. line 12: ..."), "" when none
 * @param etag     the ETag of the bytes the status is about, "" when the function did not say
 */
record TaggedStatus(String state, String reason, String url, String warnings, String etag) {

    /** What a shared draft's link is for. */
    static final String SHARE = "draft, share this link for review";

    /** The status the tags hold; empty when the function has not tagged this object (yet). */
    static Optional<TaggedStatus> of(List<Tag> tags) {
        Map<String, String> byKey = tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
        return Optional.ofNullable(byKey.get(S3ContentStore.STATUS_TAG)).map(state -> new TaggedStatus(state,
                byKey.getOrDefault(S3ContentStore.REASON_TAG, ""), byKey.getOrDefault(S3ContentStore.URL_TAG, ""),
                byKey.getOrDefault(S3ContentStore.WARNINGS_TAG, ""), byKey.getOrDefault(S3ContentStore.ETAG_TAG, "")));
    }

    /**
     * True when this status is about the upload whose ETag is given. A status that names no version is taken too:
     * an upload replaces an object's tags, so whatever tags it has were written since.
     */
    boolean isAbout(String uploadedEtag) {
        return etag.isEmpty() || etag.equals(uploadedEtag);
    }

    boolean published() {
        return state.equals(PublishStatus.State.PUBLISHED.tagValue());
    }

    /** What the author reads: one line, and one more for the warnings. */
    List<String> describe(String key) {
        List<String> lines = new ArrayList<>();
        if (published()) {
            lines.add("published " + key + (url.isEmpty() ? "" : " -> " + url));
        } else if (state.equals(PublishStatus.State.DRAFT.tagValue())) {
            lines.add("draft     " + key + (url.isEmpty() ? " (not published)" : " -> " + url + " (" + SHARE + ")"));
        } else if (state.equals(PublishStatus.State.SCHEDULED.tagValue())) {
            lines.add("held      " + key + " (not published yet: " + reason + ")");
        } else if (state.equals(PublishStatus.State.EXPIRED.tagValue())) {
            lines.add("expired   " + key + " (not published: " + reason + ")");
        } else if (state.equals(PublishStatus.State.REJECTED.tagValue())) {
            lines.add("rejected  " + key + ": " + reason);
        } else {
            lines.add(state + " " + key + (reason.isEmpty() ? "" : ": " + reason));  // from a newer function than this command
        }
        if (!warnings.isEmpty()) {
            lines.add("warning   " + key + ": " + warnings);
        }
        return lines;
    }
}
