package dev.galley.aws;

import dev.galley.aws.s3.S3Failure;
import dev.galley.publish.StoreException;

import java.util.Optional;
import java.util.function.Supplier;

/** Turns S3 failures into the core's terms: retryable (5xx, throttling, timeouts) or not (bad requests, access). */
final class S3Calls {

    private S3Calls() {
    }

    static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Failure e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e.retryable(), e);
        }
    }

    /** Like {@link #call}, but a 404 (no such key or bucket) is an empty result rather than an error. */
    static <T> Optional<T> find(String what, Supplier<T> request) {
        return call(what, () -> {
            try {
                return Optional.of(request.get());
            } catch (S3Failure e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    static void run(String what, Runnable request) {
        call(what, () -> {
            request.run();
            return null;
        });
    }
}
