package dev.galley.aws;

import dev.galley.publish.StoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns S3 failures into the core's terms: retryable (5xx, throttling, timeouts) or not (bad requests, access). */
final class S3Calls {

    private S3Calls() {
    }

    static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            boolean retryable = e.statusCode() >= 500 || e.statusCode() == 429 || e.isThrottlingException();
            throw new StoreException(what + " failed: " + e.statusCode() + " "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), retryable, e);
        } catch (SdkClientException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e.retryable(), e);
        } catch (UncheckedIOException e) {
            // The url-connection client can let a dropped connection through unwrapped.
            throw new StoreException(what + " failed: " + e.getMessage(), true, e);
        }
    }

    /** Like {@link #call}, but a 404 (no such key or bucket) is an empty result rather than an error. */
    static <T> Optional<T> find(String what, Supplier<T> request) {
        return call(what, () -> {
            try {
                return Optional.of(request.get());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
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

    /** S3 returns ETags in quotes; notifications carry them bare. Galley compares them bare. */
    static String bareEtag(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
