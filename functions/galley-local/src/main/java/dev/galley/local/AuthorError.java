package dev.galley.local;

/**
 * A problem the author can fix (no credentials, no bucket, access denied, S3 out of reach, a missing file): the
 * author commands print its message as one line and exit with status 2, never with a stack trace.
 */
final class AuthorError extends RuntimeException {

    AuthorError(String message) {
        super(message, null, false, false);
    }
}
