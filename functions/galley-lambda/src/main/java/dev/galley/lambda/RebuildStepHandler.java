package dev.galley.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.publish.RebuildRun;
import dev.galley.publish.RebuildState.IndexPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The entry point of the re-render's state machine ({@code infrastructure/template.yaml}): one step of a fanned-out
 * re-render an invocation, {@code {"step":"plan","run":...}}, then {@code "read"} and {@code "render"} for each chunk
 * ({@code "chunk"}, {@code "keys"}, as the plan listed them) with {@code "list"} between them, and {@code "index"} for
 * each index part ({@code "part"} of {@code "parts"}, as the plan listed them). A plan may name its
 * {@code "chunkSize"} ({@value RebuildRun#CHUNK} keys by default). The commit is the
 * writer's ({@link PublishHandler}), so that one invocation at a time writes the manifest. Each step is idempotent:
 * Step Functions may retry it.
 */
public final class RebuildStepHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The writer's configuration and stores, so a chunk renders exactly as the writer would. */
    private final PublishHandler writer;

    /** Used by the Lambda runtime: the same environment as the writer's. */
    public RebuildStepHandler() {
        this(new PublishHandler());
    }

    RebuildStepHandler(PublishHandler writer) {
        this.writer = writer;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        Consumer<String> log = context == null || context.getLogger() == null ? System.out::println : context.getLogger()::log;
        String step = event.path("step").asText("");
        String run = event.path("run").asText("");
        long started = System.nanoTime();
        RebuildRun steps = writer.publisher().rebuildRun(run);
        ObjectNode result = JSON.createObjectNode().put("run", run).put("step", step);
        switch (step) {
            case "plan" -> result.put("bucket", writer.siteBucket()).put("chunks", steps.plan(event.path("chunkSize").asInt(RebuildRun.CHUNK)))
                    .put("indexParts", steps.indexParts());
            case "read" -> steps.read(chunk(event, result));
            case "list" -> steps.list();
            case "render" -> steps.render(chunk(event, result));
            case "index" -> steps.index(indexPart(event, result));
            default -> throw new IllegalArgumentException("not a re-render step (plan, read, list, render, index): " + event);
        }
        result.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        log.accept(result.toString());
        JSON.writeValue(output, result);
    }

    private static IndexPart indexPart(JsonNode event, ObjectNode result) {
        if (!event.path("part").isInt() || !event.path("parts").isInt()) {
            throw new IllegalArgumentException("an index step names its \"part\" and \"parts\": " + event);
        }
        result.put("part", event.path("part").asInt());
        return new IndexPart(event.path("part").asInt(), event.path("parts").asInt());
    }

    private static RebuildRun.Chunk chunk(JsonNode event, ObjectNode result) {
        if (!event.path("chunk").isInt() || !event.path("keys").isArray()) {
            throw new IllegalArgumentException("a chunk's step names its \"chunk\" and \"keys\": " + event);
        }
        List<String> keys = new ArrayList<>();
        event.path("keys").forEach(key -> keys.add(key.asText()));
        result.put("chunk", event.path("chunk").asInt()).put("keys", keys.size());
        return new RebuildRun.Chunk(event.path("chunk").asInt(), keys);
    }
}
