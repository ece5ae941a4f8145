package dev.galley.emulator;

/** The target {@link QueueDelivery} invokes with each batch, standing in for a function behind an SQS event source. */
@FunctionalInterface
public interface BatchHandler {

    /**
     * @param sqsEventJson {@code {"Records":[...]}} in the shape Lambda gives an SQS event, one record per message
     * @return the function's response; its {@code batchItemFailures} name the messages to hand back to the queue
     * @throws Exception the whole batch failed: every message returns to the queue
     */
    String handle(String sqsEventJson) throws Exception;
}
