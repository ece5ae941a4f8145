package dev.galley.lambda;

import software.amazon.awssdk.services.sfn.SfnClient;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts a fanned-out re-render: the state machine plans it, renders its chunks in invocations of their own, and
 * sends its commit back to the writer's queue ({@code infrastructure/template.yaml}, {@code docs/rebuild.md}).
 */
@FunctionalInterface
interface RebuildStarter {

    /** The environment variable naming the state machine; without it, a re-render runs in the writer's invocation. */
    String STATE_MACHINE = "GALLEY_REBUILD_STATE_MACHINE";

    /** @param run the execution's name, which names the re-render's records too */
    void start(String run);

    static Optional<RebuildStarter> fromEnvironment(Map<String, String> env, String region) {
        String arn = env.getOrDefault(STATE_MACHINE, "").strip();
        return arn.isEmpty() ? Optional.empty() : Optional.of(stepFunctions(arn, () -> SfnClients.create(region)));
    }

    /** StartExecution, the client built at the first re-render: most containers never start one. */
    static RebuildStarter stepFunctions(String stateMachineArn, Supplier<SfnClient> clients) {
        return new StepFunctionsStarter(stateMachineArn, clients);
    }
}
