package dev.galley.benchmarks;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.FaultKind;
import dev.galley.emulator.FaultPlan;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Full re-render measured: generates N articles ({@link RebuildArticles}, deterministic), uploads them to the
 * in-process S3 server, and invokes the real handler with {@code {"action":"rebuild"}} in a fresh JVM configured
 * like the Lambda function (its JAVA_TOOL_OPTIONS, serial GC as the JVM picks on a Lambda-sized machine, the given
 * heap limit). Three invocations per heap limit: a rebuild into an empty site bucket, a rebuild over the built site,
 * and one ordinary publish of an edited article into it. Each prints its time, S3 requests by operation, peak heap
 * and peak RSS. With {@code --latency-ms} every S3 request is held back that long, as S3's own latency would.
 *
 * <p>Usage: {@code RebuildBenchmark [--articles 1000] [--heap 64m,128m,256m] [--latency-ms 0] [--jvm "-Dx=y ..."]}
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(option(args, "--articles", "1000"));
        List<String> heaps = List.of(option(args, "--heap", "256m").split(","));
        long latency = Long.parseLong(option(args, "--latency-ms", "0"));
        String extraOptions = option(args, "--jvm", "").strip();
        List<String> jvm = extraOptions.isEmpty() ? List.of() : List.of(extraOptions.split("\\s+"));

        List<RebuildArticles.Source> corpus = RebuildArticles.generate(articles, 42);
        long bytes = corpus.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf("%,d articles, %,d bytes of Markdown (%,d on average); S3 latency added: %d ms; %d cores%n",
                articles, bytes, bytes / articles, latency, Runtime.getRuntime().availableProcessors());

        EmbeddedS3.Builder builder = EmbeddedS3.builder().inMemory();
        if (latency > 0) {
            builder.faults(FaultPlan.builder().rate(1.0).kinds(FaultKind.DELAY).delay(Duration.ofMillis(latency)).enabledAtStart(false).build());
        }
        try (EmbeddedS3 server = builder.build().start();
             S3Client s3 = S3Client.builder().region(Region.of(server.region())).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (String heap : heaps) {
                String content = "content-" + heap.toLowerCase();
                String site = "site-" + heap.toLowerCase();
                server.createBucket(content);
                server.createBucket(site);
                upload(s3, content, corpus);
                Map<String, String> env = Map.of(
                        "AWS_REGION", server.region(), "AWS_ACCESS_KEY_ID", server.accessKey(), "AWS_SECRET_ACCESS_KEY", server.secretKey(),
                        "GALLEY_CONTENT_BUCKET", content, "GALLEY_SITE_BUCKET", site, "GALLEY_S3_ENDPOINT", server.endpoint().toString());

                server.faults().enable();
                System.out.println("-Xmx" + heap + " rebuild, empty site:   " + invoke(heap, jvm, env, "{\"action\":\"rebuild\"}"));
                System.out.println("-Xmx" + heap + " rebuild, built site:   " + invoke(heap, jvm, env, "{\"action\":\"rebuild\"}"));
                server.faults().disable();

                RebuildArticles.Source edited = corpus.get(articles / 2);
                String etag = s3.putObject(r -> r.bucket(content).key(edited.key()),
                        RequestBody.fromString(edited.text() + "\nOne more paragraph.\n")).eTag();
                String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                        + content + "\"},\"object\":{\"key\":\"" + edited.key() + "\",\"eTag\":" + etag + ",\"sequencer\":\"0A\"}}}]}";
                server.faults().enable();
                System.out.println("-Xmx" + heap + " one publish, " + articles + " listed: " + invoke(heap, jvm, env, event));
                server.faults().disable();
            }
        }
    }

    private static void upload(S3Client s3, String bucket, List<RebuildArticles.Source> corpus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (RebuildArticles.Source article : corpus) {
                uploads.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key(article.key()), RequestBody.fromString(article.text()))));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the handler on one event in a fresh JVM; returns its RESULT line, without the prefix. */
    private static String invoke(String heap, List<String> jvm, Map<String, String> env, String event) throws Exception {
        Path eventFile = Files.createTempFile("galley-event", ".json");
        Files.writeString(eventFile, event);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ColdStart.LAMBDA_DEFAULT_OPTIONS);
        command.add("-Xmx" + heap);
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RebuildBenchmarkChild.class.getName(), eventFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else {
                    output.add(line);
                }
            }
        }
        Files.delete(eventFile);
        if (process.waitFor() != 0 || result == null) {
            return "FAILED (exit " + process.exitValue() + "): " + output.stream().filter(l -> !l.contains("\"outcome\"")).limit(5).toList();
        }
        return result;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
