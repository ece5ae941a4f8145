package dev.galley.emulator;

/** The kinds of failure a {@link FaultPlan} can inject in front of the emulator. */
public enum FaultKind {

    /** 500 with S3's {@code InternalError} error document; SDKs retry it. */
    INTERNAL_ERROR,

    /** 503 with S3's {@code SlowDown} error document; SDKs classify it as throttling and retry. */
    SLOW_DOWN,

    /** The connection is closed without any response: the client sees an I/O error. */
    DROP_CONNECTION,

    /** The response is held back for the plan's delay, then the request is served normally. */
    DELAY
}
