package dev.galley.publish;

/** A conditional write lost: someone else changed the object first. Re-read and try again. */
public final class WriteConflictException extends RuntimeException {

    public WriteConflictException(String path, Throwable cause) {
        super("conditional write of " + path + " lost to a concurrent change", cause);
    }
}
