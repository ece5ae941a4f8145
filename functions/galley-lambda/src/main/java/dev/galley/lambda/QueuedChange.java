package dev.galley.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.galley.aws.WakeEvent;
import dev.galley.tree.Tree;
import dev.galley.tree.TreeReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of an SQS event from the function's queue: the EventBridge event of an S3 change, a wake-up of
 * EventBridge Scheduler ({@code {"action":"wake","key":...}}), a hand-run {@code {"action":"rebuild"}}, or, when its
 * body is none of these, the reason why; or a refresh ({@code {"action":"refresh"}}) a batch asked for. Everything that writes the site comes through the one queue, so one
 * invocation at a time writes it.
 *
 * @param messageId  SQS's id of the message, what {@code batchItemFailures} names
 * @param change     the change (a wake-up is one of its key), or null
 * @param rebuild    a full re-render
 * @param unreadable why the body is not an S3 event, or empty
 * @param commitRun  the fanned-out re-render whose chunks are all rendered, to commit; "" for other messages
 * @param refresh    a refresh a batch asked for: the batch that holds it writes the pages batches left owed
 */
record QueuedChange(String messageId, S3Notification change, boolean rebuild, String unreadable, String commitRun, boolean refresh) {

    QueuedChange(String messageId, S3Notification change, boolean rebuild, String unreadable) {
        this(messageId, change, rebuild, unreadable, "", false);
    }

    /** An event from an SQS event source mapping: records whose {@code eventSource} is {@code aws:sqs}. */
    static boolean isQueueEvent(Tree event) {
        Tree records = event.path("Records");
        return records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText());
    }

    /**
     * The messages in the order the queue delivered them.
     *
     * @param contentBucket the bucket a wake-up's key is in
     * @param contentPrefix what a wake-up's key, relative to the content root, is under in that bucket
     */
    static List<QueuedChange> fromEvent(Tree event, String contentBucket, String contentPrefix) {
        List<QueuedChange> messages = new ArrayList<>();
        for (Tree record : event.path("Records")) {
            String id = record.path("messageId").asText("");
            try {
                Tree body = TreeReader.readJson(record.path("body").asText(""));
                String action = body.path("action").asText("");
                if (action.equals(REBUILD)) {
                    messages.add(new QueuedChange(id, null, true, ""));
                } else if (action.equals(COMMIT_REBUILD)) {
                    messages.add(new QueuedChange(id, null, false, "", body.path("run").asText(""), false));
                } else if (action.equals(REFRESH)) {
                    messages.add(new QueuedChange(id, null, false, "", "", true));
                } else if (action.equals(WakeEvent.ACTION)) {
                    messages.add(new QueuedChange(id, S3Notification.wakeUp(contentBucket, contentPrefix + WakeEvent.keyOf(body)), false, ""));
                } else {
                    messages.add(new QueuedChange(id, S3Notification.fromEventBridge(body), false, ""));
                }
            } catch (IOException | IllegalArgumentException e) {
                String reason = e instanceof JsonProcessingException json ? "the body is not JSON: " + json.getOriginalMessage() : e.getMessage();
                messages.add(new QueuedChange(id, null, false, reason));
            }
        }
        return messages;
    }

    /** The body of a message asking for a full re-render. */
    static final String REBUILD = "rebuild";
    /** The body of the message a fanned-out re-render's state machine ends with: {@code "run"} is ready to commit. */
    static final String COMMIT_REBUILD = "commit-rebuild";
    /** The action of a refresh ({@link dev.galley.publish.RefreshRequests#BODY}). */
    static final String REFRESH = "refresh";

    boolean isReadable() {
        return change != null || rebuild || !commitRun.isEmpty() || refresh;
    }
}
