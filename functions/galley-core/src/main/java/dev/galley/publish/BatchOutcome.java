package dev.galley.publish;

import java.util.List;
import java.util.Optional;

/**
 * What publishing a batch of changes did ({@link Publisher#publish}). The changes before {@link #handedBackFrom()}
 * were done, each with its result; that change and every later one were not, and are to be delivered again, in
 * order.
 *
 * @param results          one per change done, in the batch's order
 * @param handedBackFrom   the index of the first change not done; the batch's size when all were done
 * @param handBackCause    why they were not: a failure a retry can fix, or the invocation's time running out
 * @param afterCommit      a failure after the manifest was committed (a status tag could not be written); the
 *                         changes count as done, and the next delivery of the same change writes the status again
 * @param distinctKeys     how many keys the done changes named
 * @param commits          how many times the manifest was written
 * @param commitMillis     how long publishing the batch took, reads to index pages
 */
public record BatchOutcome(List<Result> results, int handedBackFrom, Optional<RuntimeException> handBackCause,
                           Optional<RuntimeException> afterCommit, int distinctKeys, int commits, long commitMillis) {

    /** The reason of changes handed back because the invocation's time is nearly up. */
    public static final String OUT_OF_TIME = "handed back unstarted: the invocation's time is nearly up";

    public BatchOutcome {
        results = List.copyOf(results);
    }

    /**
     * What became of one change: an outcome, or a failure no retry fixes.
     *
     * @param millis how long reading and rendering its file took (it shares the batch's commit)
     */
    public record Result(Optional<Outcome> outcome, Optional<RuntimeException> failure, long millis) {

        static Result of(Outcome outcome, long millis) {
            return new Result(Optional.of(outcome), Optional.empty(), millis);
        }

        static Result failed(RuntimeException failure, long millis) {
            return new Result(Optional.empty(), Optional.of(failure), millis);
        }
    }
}
