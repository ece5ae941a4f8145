package dev.galley.lambda;

import java.util.List;

/** Fails an invocation so that Lambda retries it: some records hit errors a retry can fix. */
public final class RetryableFailureException extends RuntimeException {

    public RetryableFailureException(List<String> keys) {
        super("temporary S3 errors for " + keys.size() + " record(s), retrying: " + String.join(", ", keys));
    }
}
