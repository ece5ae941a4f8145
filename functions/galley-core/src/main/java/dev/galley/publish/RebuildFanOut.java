package dev.galley.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where the full re-render that a {@code site.yaml} or theme upload asks for runs when it may not run in the writer's
 * invocation: on AWS, a Step Functions execution renders the chunks in invocations of their own and sends its commit
 * back to the writer's queue ({@link RebuildRun}, docs/rebuild.md), so no invocation grows with the site. Without one
 * (the preview, the build, tests), the writer runs the same steps in process ({@link Rebuild#run}).
 */
@FunctionalInterface
public interface RebuildFanOut {

    /**
     * Starts a fanned-out re-render; starting one of the same name again starts nothing (a record delivered again).
     *
     * @param run the re-render's name (what {@link RebuildRun} accepts), which names its records too
     */
    void start(String run);

    /**
     * The run a change starts, named after the change: the same record delivered again names the same run, and another
     * upload of the same bytes another one. A change without a sequencer (a test's, a wake-up's) gets a name of its own.
     */
    static String runFor(SourceChange change) {
        if (change.sequencer().isEmpty()) {
            return "config-" + UUID.randomUUID();
        }
        String run = "config-" + keyHash(change.key()) + "-" + change.sequencer().replaceAll("[^A-Za-z0-9_-]", "-");
        return run.substring(0, Math.min(80, run.length()));
    }

    /** 32 bits of the key's SHA-256: two keys' sequencers may be equal, their runs may not. */
    private static String keyHash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
