package dev.galley.publish;

/** What a batch from the queue holds of the refreshes batches asked for ({@link DeferredPages}). */
public enum Refresh {

    /** None. */
    NONE,
    /**
     * One with changes queued behind it (later in the same batch): a burst is still arriving, and those changes ask for
     * a refresh of their own behind them, so this one pays only a debt owed for longer than {@link DeferredPages#MOST_WAIT}.
     */
    FOLLOWED,
    /** One with nothing queued behind it in its batch, as when the queue has run dry: it pays every page owed. */
    LAST
}
