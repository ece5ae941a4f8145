package dev.galley.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code publish FILE...}: uploads each file to the content bucket as an author would with an S3 tool, waits for
 * the publish function to tag each upload with its status, and prints each file's URL, or why it is not on the
 * site. A file's key is its path under the content folder ({@code --root}, default {@code content}), or its name
 * when it lies elsewhere, after the content prefix.
 */
final class PublishCommand {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private final List<Path> files;
    private final Path root;
    private final BucketOptions bucket;
    private final Duration wait;

    PublishCommand(List<Path> files, Path root, BucketOptions bucket, Duration wait) {
        this.files = List.copyOf(files);
        this.root = root.toAbsolutePath().normalize();
        this.bucket = bucket;
        this.wait = wait;
    }

    static PublishCommand parse(String[] args) {
        List<Path> files = new ArrayList<>();
        Path root = Path.of("content");
        BucketOptions bucket = new BucketOptions();
        Duration wait = DEFAULT_WAIT;
        for (int i = 0; i < args.length; i++) {
            int used = bucket.parse(args, i);
            if (used >= 0) {
                i = used;
            } else if (args[i].equals("--root") || args[i].equals("--wait")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                if (args[i].equals("--root")) {
                    root = Path.of(args[++i]);
                } else {
                    wait = duration(args[++i]);
                }
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("publish needs at least one file");
        }
        return new PublishCommand(files, root, bucket, wait);
    }

    /** {@code 90s}, {@code 2m}, {@code 500ms}; a bare number is seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--wait needs a time such as 60s or 2m, not \"" + text + "\"");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /**
     * The key of a file below the content prefix: its path under the content folder, or its name.
     * Files named twice or two files with one key are refused, as one would overwrite the other.
     */
    Map<String, Path> keys() {
        Map<String, Path> keys = new LinkedHashMap<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute)) {
                throw new AuthorError("no file at " + file);
            }
            String key = (absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName()).toString().replace('\\', '/');
            Path other = keys.put(key, file);
            if (other != null) {
                throw new AuthorError(other + " and " + file + " would both be uploaded as " + key
                        + "; publish them from inside the content folder (--root) so their folders tell them apart");
            }
        }
        return keys;
    }

    /**
     * @param terminal whether {@code out} is a terminal, where a spinner shows the wait
     * @return 0 when every file was published, 1 when one was not (refused, a draft, held back, or no status in
     * time), 2 for a problem with the command itself
     */
    int run(PrintStream out, PrintStream err, Map<String, String> env, AwsCredentialsProvider credentials, boolean terminal) {
        try {
            Map<String, Path> keys = keys();
            try (ContentBucket target = ContentBucket.connect(bucket, env, credentials)) {
                Map<String, String> uploaded = upload(target, keys, out);
                return awaitStatuses(target, uploaded, new WaitingLine(out, terminal)) ? 0 : 1;
            }
        } catch (AuthorError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Uploads every file; returns each key's ETag, in the files' order. */
    private Map<String, String> upload(ContentBucket target, Map<String, Path> keys, PrintStream out) {
        List<String> etags = ParallelRequests.map(List.copyOf(keys.keySet()), key -> target.call("uploading " + keys.get(key) + " as "
                + target.prefix() + key, () -> target.s3().putObject(r -> r.bucket(target.bucket()).key(target.prefix() + key),
                RequestBody.fromFile(keys.get(key))).eTag().replace("\"", "")));
        Map<String, String> uploaded = new LinkedHashMap<>();
        int i = 0;
        for (String key : keys.keySet()) {
            uploaded.put(key, etags.get(i++));
            out.println("uploaded  " + keys.get(key) + " to s3://" + target.bucket() + "/" + target.prefix() + key);
        }
        return uploaded;
    }

    /**
     * Reads each upload's tags until they hold its status, printing each as it comes.
     *
     * @return true when every file was published
     */
    private boolean awaitStatuses(ContentBucket target, Map<String, String> uploaded, WaitingLine waiting) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, String> pending = new LinkedHashMap<>(uploaded);
        boolean allPublished = true;
        waiting.start(pending.size(), wait.toSeconds() + " s");
        while (!pending.isEmpty()) {
            List<String> keys = List.copyOf(pending.keySet());
            List<Optional<TaggedStatus>> statuses = ParallelRequests.map(keys, key -> target.status(key));
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                Optional<TaggedStatus> status = statuses.get(i).filter(tagged -> tagged.isAbout(pending.get(key)));
                if (status.isPresent()) {
                    pending.remove(key);
                    status.get().describe(key).forEach(waiting::println);
                    allPublished &= status.get().published();
                }
            }
            long left = deadline - System.nanoTime();
            if (pending.isEmpty() || left <= 0) {
                break;
            }
            waiting.tick(pending.size(), Duration.ofNanos(left).toSeconds());
            sleep();
        }
        for (String key : pending.keySet()) {
            waiting.println("no status " + key + ": not handled within " + wait.toSeconds() + " s. Is "
                    + (target.prefix().isEmpty() ? "the bucket's root" : target.prefix()) + " the stack's ContentPrefix? "
                    + "`status " + key + "` tells once it is handled");
        }
        waiting.clear();
        return allPublished && pending.isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorError("interrupted while waiting");
        }
    }
}
