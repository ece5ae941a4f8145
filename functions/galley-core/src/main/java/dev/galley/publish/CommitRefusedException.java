package dev.galley.publish;

/**
 * The manifest changed between its read and the commit: a second writer, which one queue with one message group
 * rules out. Not retried here: it fails the batch, whose changes the queue delivers again, to be folded into the
 * manifest as it is then.
 */
public final class CommitRefusedException extends StoreException {

    public CommitRefusedException(String path) {
        super("the manifest " + path + " changed since it was read: another writer ran; the changes are handed back", true, null);
    }
}
