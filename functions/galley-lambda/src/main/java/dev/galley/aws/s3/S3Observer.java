package dev.galley.aws.s3;

/**
 * Sees every HTTP attempt {@link S3Http} makes, retries included: benchmarks count requests and bytes with it, and
 * tests fail requests on purpose by throwing (an {@link S3Failure} thrown here is not retried).
 */
public interface S3Observer {

    S3Observer NONE = new S3Observer() {
    };

    /** Before an attempt is sent. */
    default void sending(S3Exchange exchange) {
    }

    /** After an attempt's answer has been read, with its status and the bytes of its body. */
    default void received(S3Exchange exchange, int status, long bodyBytes) {
    }

    /**
     * One attempt of a request.
     *
     * @param operation    the S3 API's name for it: {@code GetObject}, {@code PutObject}, {@code ListObjectsV2}...
     * @param requestBytes the bytes of the request's body
     */
    record S3Exchange(String operation, String bucket, String key, long requestBytes) {
    }
}
