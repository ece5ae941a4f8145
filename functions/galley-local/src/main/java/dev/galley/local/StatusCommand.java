package dev.galley.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code status [PREFIX]}: every source file under the prefix with what the publish function said of it. */
final class StatusCommand {

    private final String under;
    private final BucketOptions bucket;

    StatusCommand(String under, BucketOptions bucket) {
        this.under = under;
        this.bucket = bucket;
    }

    static StatusCommand parse(String[] args) {
        String under = "";
        BucketOptions bucket = new BucketOptions();
        for (int i = 0; i < args.length; i++) {
            int used = bucket.parse(args, i);
            if (used >= 0) {
                i = used;
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else if (under.isEmpty()) {
                under = args[i];
            } else {
                throw new IllegalArgumentException("status takes one prefix, not \"" + under + "\" and \"" + args[i] + "\"");
            }
        }
        return new StatusCommand(under, bucket);
    }

    /** @return 0, or 2 for a problem with the command itself */
    int run(PrintStream out, PrintStream err, Map<String, String> env, AwsCredentialsProvider credentials) {
        try (ContentBucket target = ContentBucket.connect(bucket, env, credentials)) {
            String listed = target.prefix() + under;
            List<String> keys = target.call("listing s3://" + target.bucket() + "/" + listed, () -> target.s3()
                    .listObjectsV2Paginator(r -> r.bucket(target.bucket()).prefix(listed)).contents().stream()
                    .map(S3Object::key).filter(key -> !key.endsWith("/")).map(key -> key.substring(target.prefix().length())).toList());
            List<Optional<TaggedStatus>> statuses = ParallelRequests.map(keys, key -> target.status(key));
            Map<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                Optional<TaggedStatus> status = statuses.get(i);
                status.ifPresentOrElse(s -> s.describe(key).forEach(out::println), () -> out.println("pending   " + key + " (no status yet)"));
                counts.merge(status.map(TaggedStatus::state).orElse("pending"), 1, Integer::sum);
            }
            out.println(keys.size() + (keys.size() == 1 ? " file" : " files") + " under s3://" + target.bucket() + "/" + listed
                    + (counts.isEmpty() ? "" : ": " + String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
            return 0;
        } catch (AuthorError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
