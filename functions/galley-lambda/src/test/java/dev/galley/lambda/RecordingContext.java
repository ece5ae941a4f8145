package dev.galley.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the Lambda runtime hands the handler, reduced to the logger: it keeps the handler's JSON log lines so a
 * test can read them (and a burst of 200 records does not flood the build's output).
 */
final class RecordingContext implements Context, LambdaLogger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentLinkedQueue<String> lines;
    private final String requestId;
    private final int remainingMillis;

    RecordingContext() {
        this(new ConcurrentLinkedQueue<>(), "test", 60_000);
    }

    private RecordingContext(ConcurrentLinkedQueue<String> lines, String requestId, int remainingMillis) {
        this.lines = lines;
        this.requestId = requestId;
        this.remainingMillis = remainingMillis;
    }

    /** This context, with only so much of the invocation's time left. */
    RecordingContext withRemainingMillis(int millis) {
        return new RecordingContext(lines, requestId, millis);
    }

    /** Another invocation's context, with its own request id, logging into the same lines. */
    RecordingContext forRequest(String requestId) {
        return new RecordingContext(lines, requestId, remainingMillis);
    }

    /** Every line logged so far, as written. */
    List<String> text() {
        return List.copyOf(lines);
    }

    /** Every line logged so far, each parsed as the JSON object the handler writes. */
    List<JsonNode> lines() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                parsed.add(JSON.readTree(line));
            } catch (java.io.IOException e) {
                throw new AssertionError("a log line that is not JSON: " + line, e);
            }
        }
        return parsed;
    }

    /** The lines about records, without the queue batches' own lines. */
    List<JsonNode> recordLines() {
        return lines().stream().filter(line -> !line.path("outcome").asText().equals("batch")).toList();
    }

    /** The queue batches' own lines. */
    List<JsonNode> batchLines() {
        return lines().stream().filter(line -> line.path("outcome").asText().equals("batch")).toList();
    }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/galley-test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "galley-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:galley-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }
}
