package dev.galley.aws.s3;

/**
 * A request S3 refused (its status and its XML error's code and message) or that never got an answer (status 0:
 * a refused or dropped connection, a timeout). {@link #retryable()} says whether the same request can succeed later.
 */
public final class S3Failure extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean retryable;

    public S3Failure(String message, int status, String code, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryable = retryable;
    }

    /** No answer: the connection failed, dropped or timed out, which a later attempt may not meet. */
    public static S3Failure unanswered(String message, Throwable cause) {
        return new S3Failure(message, 0, "", true, cause);
    }

    /** An answer with an error status: 5xx and throttling are worth another attempt, the rest is not. */
    static S3Failure answered(int status, String code, String message) {
        boolean retryable = status >= 500 || status == 429 || code.equals("SlowDown") || code.equals("RequestTimeout")
                || code.equals("Throttling") || code.equals("ThrottlingException") || code.equals("RequestLimitExceeded");
        return new S3Failure(status + " " + (code.isEmpty() ? "" : code + ": ") + message, status, code, retryable, null);
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** S3's error code ({@code NoSuchKey}, {@code PreconditionFailed}, {@code SlowDown}), or "". */
    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
