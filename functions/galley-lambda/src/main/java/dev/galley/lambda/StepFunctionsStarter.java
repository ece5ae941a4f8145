package dev.galley.lambda;

import dev.galley.tree.JsonText;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link RebuildStarter} over Step Functions' StartExecution. A class of its own, not a lambda in the interface: the
 * JVM loads the exception classes a method catches when it verifies the class that holds it, and every container
 * loads the interface while only those with a state machine start one.
 */
final class StepFunctionsStarter implements RebuildStarter {

    private final String stateMachineArn;
    private final Supplier<SfnClient> clients;
    private SfnClient client;

    StepFunctionsStarter(String stateMachineArn, Supplier<SfnClient> clients) {
        this.stateMachineArn = stateMachineArn;
        this.clients = clients;
    }

    @Override
    public void start(String run) {
        SfnClient sfn;
        synchronized (this) {
            if (client == null) {
                client = clients.get();
            }
            sfn = client;
        }
        try {
            sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(run).input(JsonText.of(Map.of("run", run))));
        } catch (ExecutionAlreadyExistsException e) {
            // A retried invocation keeps its request id, so its run's name: that re-render is under way already.
        }
    }
}
