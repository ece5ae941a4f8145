package dev.galley.publish;

import java.time.Instant;

/**
 * Wakes the publisher up for one source file at a given time: when a held article's publish time comes, or an
 * article's expiry. The wake-up publishes the file again as the content store holds it then (see
 * {@link Publisher#sync}), so an edit or a deletion since it was set is followed, and a wake-up nobody needs any
 * more changes nothing. On AWS an EventBridge Scheduler one-time schedule; in the local preview a timer.
 *
 * <p>Both calls are idempotent: one wake-up per file at most, named after the file, and setting it again moves it.
 */
public interface PublishSchedule {

    /** No wake-ups: a one-shot build, which reports held articles and publishes them with the next build. */
    PublishSchedule NONE = new PublishSchedule() {
        @Override
        public void wakeAt(String sourceKey, Instant at) {
        }

        @Override
        public void cancel(String sourceKey) {
        }
    };

    /** Sets, or moves, the file's wake-up to {@code at}. */
    void wakeAt(String sourceKey, Instant at);

    /** Drops the file's wake-up, if it has one. */
    void cancel(String sourceKey);
}
