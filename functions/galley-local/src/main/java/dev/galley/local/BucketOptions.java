package dev.galley.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the author commands find the content bucket: {@code --bucket} (else {@code GALLEY_BUCKET}) and
 * {@code --prefix} (else {@code GALLEY_PREFIX}, else none), or both from the outputs of {@code --stack NAME};
 * {@code --endpoint URL} for the preview's S3, {@code --region} when the SDK's own lookup finds none.
 */
final class BucketOptions {

    private String bucket;
    private String prefix;
    private String stack;
    private URI endpoint;
    private String region;

    /**
     * Reads the option at {@code args[i]} when it is one of these.
     *
     * @return the index of the last argument used, or -1 when {@code args[i]} is not one of these options
     */
    int parse(String[] args, int i) {
        String option = args[i];
        if (!option.equals("--bucket") && !option.equals("--prefix") && !option.equals("--stack") && !option.equals("--endpoint")
                && !option.equals("--region")) {
            return -1;
        }
        if (i + 1 == args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[i + 1];
        switch (option) {
            case "--bucket" -> bucket = value;
            case "--prefix" -> prefix = value;
            case "--stack" -> stack = value;
            case "--endpoint" -> endpoint = endpoint(value);
            default -> region = value;
        }
        return i + 1;
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint needs a URL such as http://127.0.0.1:9000, not \"" + value + "\"");
        }
    }

    Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    Optional<String> region() {
        return Optional.ofNullable(region);
    }

    Optional<String> stack() {
        return Optional.ofNullable(stack);
    }

    /** The bucket named here or in the environment; empty when only a stack can tell. */
    Optional<String> bucket(Map<String, String> env) {
        return Optional.ofNullable(bucket).or(() -> Optional.ofNullable(env.get("GALLEY_BUCKET"))).filter(name -> !name.isBlank());
    }

    /** The prefix named here or in the environment, "" or ending in "/"; empty when neither names one. */
    Optional<String> prefix(Map<String, String> env) {
        return Optional.ofNullable(prefix).or(() -> Optional.ofNullable(env.get("GALLEY_PREFIX"))).map(BucketOptions::asFolder);
    }

    static String asFolder(String prefix) {
        String bare = prefix.strip().replaceAll("^/+", "");
        return bare.isEmpty() || bare.endsWith("/") ? bare : bare + "/";
    }
}
