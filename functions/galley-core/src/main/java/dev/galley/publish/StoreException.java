package dev.galley.publish;

/**
 * A store could not be reached or refused a request. {@link #retryable()} says whether trying the same
 * work again later can succeed (S3 5xx, throttling, timeouts), which decides whether a Lambda invocation fails.
 */
public class StoreException extends RuntimeException {

    private final boolean retryable;

    public StoreException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
