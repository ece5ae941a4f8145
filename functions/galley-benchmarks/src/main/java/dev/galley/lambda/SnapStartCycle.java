package dev.galley.lambda;

/**
 * What SnapStart does around its snapshot, for the cold-start benchmark on a JVM without CRaC: the handler's
 * beforeCheckpoint (priming), then its afterRestore. In the function's package to reach the handler's resource.
 */
public final class SnapStartCycle {

    private SnapStartCycle() {
    }

    public static void checkpointAndRestore(PublishHandler handler) throws Exception {
        handler.priming.beforeCheckpoint(null);
        handler.priming.afterRestore(null);
    }
}
