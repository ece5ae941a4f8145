package dev.galley.lambda;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs in a JVM whose class path is the deployment jar and this class only, configured from the environment
 * as on Lambda. Reads one request a line, {@code CONTENT_BUCKET SITE_BUCKET EVENT_JSON}, and answers one line:
 * {@code OK RESULT_JSON} or {@code ERROR MESSAGE}. The event {@code CHECKPOINT} runs what SnapStart runs around
 * a snapshot: the handler's beforeCheckpoint, then its afterRestore.
 */
public final class DeploymentJarRunner {

    private DeploymentJarRunner() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);  // the handler's log lines must not mix with the answers
        Map<String, PublishHandler> handlers = new HashMap<>();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = requests.readLine()) != null; ) {
            String[] parts = line.split(" ", 3);
            try {
                PublishHandler handler = handlers.computeIfAbsent(parts[0] + " " + parts[1], buckets -> {
                    Map<String, String> env = new HashMap<>(System.getenv());
                    env.put("GALLEY_CONTENT_BUCKET", parts[0]);
                    env.put("GALLEY_SITE_BUCKET", parts[1]);
                    return new PublishHandler(FunctionConfig.fromEnvironment(env), null);
                });
                ByteArrayOutputStream result = new ByteArrayOutputStream();
                if (parts[2].equals("CHECKPOINT")) {
                    handler.priming.beforeCheckpoint(null);
                    handler.priming.afterRestore(null);
                    result.writeBytes("{}".getBytes(StandardCharsets.UTF_8));
                } else {
                    handler.handleRequest(new ByteArrayInputStream(parts[2].getBytes(StandardCharsets.UTF_8)), result, null);
                }
                answers.println("OK " + result.toString(StandardCharsets.UTF_8));
            } catch (Throwable e) {
                e.printStackTrace();
                answers.println("ERROR " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }
}
