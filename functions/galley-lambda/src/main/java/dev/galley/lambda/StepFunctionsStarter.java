package dev.galley.lambda;

import dev.galley.tree.JsonText;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.utils.Lazy;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link RebuildStarter} over Step Functions' StartExecution. A class of its own, not a lambda in the interface: the
 * JVM loads the exception classes a method catches when it verifies the class that holds it, and every container
 * loads the interface while only those with a state machine start one.
 */
final class StepFunctionsStarter implements RebuildStarter {

    private final String stateMachineArn;
    private final Lazy<SfnClient> client;

    StepFunctionsStarter(String stateMachineArn, Supplier<SfnClient> clients) {
        this.stateMachineArn = stateMachineArn;
        this.client = new Lazy<>(clients);
    }

    @Override
    public void start(String run) {
        try {
            client.getValue().startExecution(r -> r.stateMachineArn(stateMachineArn).name(run).input(JsonText.of(Map.of("run", run))));
        } catch (ExecutionAlreadyExistsException e) {
            // A retried invocation keeps its request id, so its run's name: that re-render is under way already.
        }
    }
}
