package dev.galley.emulator;

/**
 * Receives S3 event notifications from {@link EmbeddedS3}.
 *
 * <p>Each call carries one JSON document {@code {"Records":[...]}} holding exactly one record, in the
 * shape AWS documents for S3 event notifications. It is called on the thread that served the write,
 * after the write succeeded, so an implementation should hand the event off rather than do slow work.
 */
@FunctionalInterface
public interface NotificationSink {

    void accept(String eventJson);
}
