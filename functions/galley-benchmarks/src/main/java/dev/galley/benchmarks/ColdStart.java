package dev.galley.benchmarks;

import dev.galley.emulator.EmbeddedS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cold start: a fresh JVM with the deployment jar, from JVM start to the first S3 event fully handled (GET the
 * article and the manifest, render, PUT the page, the manifest, the index pages, tag the source) against an S3
 * server on loopback. Prints each run and the medians.
 *
 * <p>Usage: {@code java -cp ... dev.galley.benchmarks.ColdStart <galley-lambda.jar> <benchmark-classes> [runs] [jvm options...]}
 */
public final class ColdStart {

    static final String USAGE = "cold-start <galley-lambda.jar> <benchmark-classes> [runs] [jvm options...]";

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<String> jvmOptions = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        String article = Files.readString(Path.of("content/zero-downtime-migrations.md"));

        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<Long> totals = new ArrayList<>();
            List<Long> inits = new ArrayList<>();
            List<Long> cpus = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                String content = "content-" + run;
                String site = "site-" + run;
                server.createBucket(content);
                server.createBucket(site);
                String etag = s3.putObject(r -> r.bucket(content).key("zero-downtime-migrations.md"), RequestBody.fromString(article)).eTag();
                Path event = Files.createTempFile("galley-event", ".json");
                Files.writeString(event, "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                        + content + "\"},\"object\":{\"key\":\"zero-downtime-migrations.md\",\"eTag\":" + etag + ",\"sequencer\":\"01\"}}}]}");

                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                command.addAll(jvmOptions);
                command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + classes, ColdStartChild.class.getName(), event.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(Map.of(
                        "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", server.accessKey(), "AWS_SECRET_ACCESS_KEY", server.secretKey(),
                        "GALLEY_CONTENT_BUCKET", content, "GALLEY_SITE_BUCKET", site, "GALLEY_S3_ENDPOINT", server.endpoint().toString()));
                Process process = builder.start();
                String result = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("COLDSTART")) {
                            result = line;
                        } else if (line.contains("\"outcome\"") && !line.contains("\"published\"")) {
                            throw new IllegalStateException("the event was not published: " + line);
                        }
                    }
                }
                if (process.waitFor() != 0 || result == null) {
                    throw new IllegalStateException("the child JVM failed");
                }
                System.out.println("run " + (run + 1) + ": " + result.substring("COLDSTART ".length()));
                totals.add(value(result, "total"));
                inits.add(value(result, "jvmToMain") + value(result, "init"));
                cpus.add(value(result, "cpu"));
                Files.delete(event);
            }
            System.out.printf("cold start, %s, %d runs: median %d ms from JVM start to first event handled (median %d ms to handler constructed, %d ms CPU)%n",
                    String.join(" ", jvmOptions), runs, median(totals), median(inits), median(cpus));
        }
    }

    private static long value(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
