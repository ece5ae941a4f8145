package dev.galley.emulator;

/** The target {@link LambdaStyleDelivery} invokes, standing in for a Lambda function's handler. */
@FunctionalInterface
public interface EventHandler {

    /** Throwing makes the delivery count as failed, and Lambda-style retries follow. */
    void handle(String eventJson) throws Exception;
}
