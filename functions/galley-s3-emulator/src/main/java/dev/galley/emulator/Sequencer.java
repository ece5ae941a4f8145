package dev.galley.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues S3 event sequencers: upper-case hex strings, all of one length, so that comparing them as
 * strings (S3's rule: right-pad with zeros to equal length, then compare) orders them by issue.
 * Seeded from the clock in microseconds, so a restarted preview keeps issuing larger values.
 */
final class Sequencer {

    private static final int WIDTH = 18;

    private final AtomicLong last = new AtomicLong();

    String next() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long value = last.updateAndGet(previous -> Math.max(previous + 1, now));
        return String.format("%0" + WIDTH + "X", value);
    }
}
