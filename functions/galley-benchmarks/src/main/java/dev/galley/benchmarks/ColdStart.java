package dev.galley.benchmarks;

import dev.galley.benchmarks.corpus.CorpusWriter;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.SnapStartCycle;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start: a fresh JVM with the deployment jar, from JVM start to the first S3 event fully handled (GET the
 * article and the manifest, render, PUT the page, the manifest, the index pages, tag the source) against an S3
 * server on loopback. Prints each run and the medians. The JVM loads the function's classes from the jar unpacked
 * into a folder, as Lambda does ({@code /var/task}).
 *
 * <p>{@code --appcds} first runs one training JVM that dumps the classes it loaded into an AppCDS archive
 * ({@code -XX:ArchiveClassesAtExit}), then measures JVMs that map it ({@code -XX:SharedArchiveFile}).
 * {@code --cpus 0} pins each JVM to the listed CPUs with {@code taskset -c}. {@code --primed} runs the SnapStart
 * hooks (priming, then restore) before the event and reports the first event's time apart: what a function
 * restored from a SnapStart snapshot pays, less the restore itself, which only Lambda can measure.
 *
 * <p>{@code --https} puts TLS in front of the loopback server ({@link TlsTerminator}): S3 on AWS is HTTPS only, and the
 * function's first request then pays for the JDK's TLS stack, its trust store and a handshake, as it does there.
 *
 * <p>{@code --baseline-jar} measures a second deployment jar (an older build) too, alternating the two run by run
 * so that both see the same machine load, and prints both medians. {@code --classes} logs every class each JVM
 * loads until its first event is handled ({@code -Xlog:class+load}) and prints them counted by library;
 * {@code --threads} prints each run's threads with their CPU time and their time waiting for a CPU (Linux's
 * schedstat, so the JIT's and the collector's threads too), as they stood when the event was handled;
 * {@code --existing} publishes the other sample articles first (one unmeasured JVM, one event), so that the measured
 * upload lands in a site that has articles, as most uploads do, rather than in an empty one;
 * {@code --class-list DIR} also writes each jar's classes, one per line in load order, to {@code DIR/<jar>.txt}.
 *
 * <p>{@code --variant "OPTIONS"} (repeatable) measures the jar once more with these JVM options added to the others,
 * alternated run by run with the jar as it is, to compare JVM options on the same machine load.
 */
final class ColdStart {

    static final String USAGE = "cold-start [--jar functions/galley-lambda/target/galley-lambda.jar] [--baseline-jar old/galley-lambda.jar] [--runs 7] [--classes [--class-list DIR]] [--https] [--appcds] [--primed] [--threads] [--existing] [--cpus 0] [--variant \"-XX:... -XX:...\"]... [-- JVM options...]";

    // The template's JAVA_TOOL_OPTIONS, and the serial collector, which the JVM picks itself in a 1,024 MB function:
    // how the benchmarks start a JVM as Lambda starts the functions.
    static final List<String> LAMBDA_DEFAULT_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-Dhttp.maxConnections=16", "-XX:+UseSerialGC");

    private Path jar = Path.of("functions/galley-lambda/target/galley-lambda.jar");
    private Path baselineJar;
    private boolean classes;
    private Path classList;
    private int runs = 7;
    private boolean appCds;
    private boolean https;
    private boolean primed;
    private boolean threads;
    private boolean existing;
    private String cpus;
    private final List<String> variants = new ArrayList<>();
    private List<String> jvmOptions = LAMBDA_DEFAULT_OPTIONS;

    static ColdStart parse(String[] args) {
        ColdStart command = new ColdStart();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> command.jar = Path.of(args[++i]);
                case "--baseline-jar" -> command.baselineJar = Path.of(args[++i]);
                case "--classes" -> command.classes = true;
                case "--class-list" -> command.classList = Path.of(args[++i]);
                case "--runs" -> command.runs = Integer.parseInt(args[++i]);
                case "--appcds" -> command.appCds = true;
                case "--https" -> command.https = true;
                case "--primed" -> command.primed = true;
                case "--threads" -> command.threads = true;
                case "--existing" -> command.existing = true;
                case "--cpus" -> command.cpus = args[++i];
                case "--variant" -> command.variants.add(args[++i].strip());
                case "--" -> {
                    command.jvmOptions = List.copyOf(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
            }
        }
        return command;
    }

    void run() throws Exception {
        String article = Files.readString(Path.of("content/zero-downtime-migrations.md"));
        Path here = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        // The child's entry point goes in a jar of its own: AppCDS archives classes from jars only.
        Path childJar = childJar(here.resolve("cold-start-child.jar"));
        // The jars measured, in the order each round runs them: the baseline first, as the older build, then this
        // jar, then this jar with each variant's options; and the JVM options of each.
        Map<String, Path> jars = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (baselineJar != null) {
            jars.put("baseline", appCds ? baselineJar : taskRoot(baselineJar, here.resolve("cold-start-task-baseline")));
            options.put("baseline", jvmOptions);
        }
        Path thisJar = appCds ? jar : taskRoot(jar, here.resolve("cold-start-task"));
        String thisJarName = baselineJar == null ? "jar" : "this jar";
        jars.put(thisJarName, thisJar);
        options.put(thisJarName, jvmOptions);
        for (String variant : variants) {
            jars.put(variant, thisJar);
            // After the common options, so that the variant's win where both set one.
            List<String> withVariant = new ArrayList<>(jvmOptions);
            withVariant.addAll(List.of(variant.split("\\s+")));
            options.put(variant, withVariant);
        }

        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .httpClient(UrlConnectionHttpClient.create()).build();
             TlsTerminator tls = https ? TlsTerminator.start(here, server.endpoint()) : null) {
            Child child = new Child(server, s3, article, childJar, tls);
            if (classes) {
                census(child, jars, options);
                return;
            }
            int index = 0;
            for (Map.Entry<String, Path> measured : jars.entrySet()) {
                List<String> jvm = new ArrayList<>(options.get(measured.getKey()));
                if (appCds) {
                    Path archive = here.resolve("galley-lambda" + (index++ == 0 ? "" : "-" + index) + ".jsa");
                    Files.deleteIfExists(archive);
                    List<String> training = new ArrayList<>(jvm);
                    training.add("-XX:ArchiveClassesAtExit=" + archive);
                    child.run(measured.getValue(), "training", training, null);
                    System.out.printf("AppCDS archive of %s: %s, %.1f MB%n", measured.getKey(), archive, Files.size(archive) / 1e6);
                    jvm.add("-XX:SharedArchiveFile=" + archive);
                }
                options.put(measured.getKey(), jvm);
            }
            Map<String, Runs> results = new LinkedHashMap<>();
            jars.keySet().forEach(name -> results.put(name, new Runs()));
            for (int run = 0; run < runs; run++) {
                for (Map.Entry<String, Path> measured : jars.entrySet()) {
                    String result = child.run(measured.getValue(), Integer.toString(run), options.get(measured.getKey()), null);
                    System.out.println("run " + (run + 1) + (jars.size() > 1 ? ", " + measured.getKey() : "") + ": "
                            + result.substring("COLDSTART ".length()));
                    results.get(measured.getKey()).add(result);
                }
            }
            results.forEach((name, measured) -> {
                System.out.printf("cold start%s, %s%s, %d runs: median %d ms from JVM start to first event handled (median %d ms to handler constructed, %d ms CPU)%n",
                        jars.size() > 1 ? " of " + name + " (" + jars.get(name) + ")" : "", (https ? "S3 over HTTPS, " : "") + (cpus == null ? "" : "taskset -c " + cpus + ", "),
                        String.join(" ", options.get(name)), runs, median(measured.totals), median(measured.inits), median(measured.cpuTimes));
                if (primed) {
                    System.out.printf("after SnapStart priming and restore: median %d ms for the first event%n", median(measured.firstEvents));
                }
            });
        }
    }

    /** One JVM per jar with the class+load log on, then the table of what each loaded by its first event. */
    private void census(Child child, Map<String, Path> jars, Map<String, List<String>> jvmOptionsOf) throws IOException, InterruptedException {
        Map<String, ClassCensus> censuses = new LinkedHashMap<>();
        List<String> totals = new ArrayList<>();
        for (Map.Entry<String, Path> measured : jars.entrySet()) {
            List<String> options = new ArrayList<>(jvmOptionsOf.get(measured.getKey()));
            options.add(ClassCensus.LOG_OPTION);
            ClassCensus census = new ClassCensus();
            String result = child.run(measured.getValue(), "classes", options, census);
            censuses.put(measured.getKey(), census);
            if (classList != null) {
                Files.createDirectories(classList);
                Files.write(classList.resolve(measured.getKey().replace(' ', '-') + ".txt"), census.loaded());
            }
            totals.add(measured.getKey() + ": " + value(result, "total") + " ms to the first event handled, "
                    + (value(result, "jvmToMain") + value(result, "init")) + " ms to the handler, with the log on");
        }
        System.out.println("classes loaded from JVM start to the first event handled (" + String.join(" ", jvmOptions) + ")"
                + (https ? ", S3 over HTTPS" : ""));
        System.out.print(ClassCensus.table(censuses));
        totals.forEach(System.out::println);
    }

    /** The medians' inputs of one jar. */
    private static final class Runs {
        final List<Long> totals = new ArrayList<>();
        final List<Long> inits = new ArrayList<>();
        final List<Long> cpuTimes = new ArrayList<>();
        final List<Long> firstEvents = new ArrayList<>();

        void add(String result) {
            totals.add(value(result, "total"));
            inits.add(value(result, "jvmToMain") + value(result, "init"));
            cpuTimes.add(value(result, "cpu"));
            firstEvents.add(value(result, "firstEvent"));
        }
    }

    /** Starts child JVMs against the one S3 server, each with its own pair of buckets. */
    private final class Child {
        private final EmbeddedS3 server;
        private final S3Client s3;
        private final String article;
        private final Path childJar;
        private final TlsTerminator tls;

        /** @param tls the HTTPS front the function talks to, or null for the server's plain HTTP */
        Child(EmbeddedS3 server, S3Client s3, String article, Path childJar, TlsTerminator tls) {
            this.server = server;
            this.s3 = s3;
            this.article = article;
            this.childJar = childJar;
            this.tls = tls;
        }

        /** @param census counts the class+load lines printed before the result, or null */
        String run(Path deploymentJar, String name, List<String> options, ClassCensus census) throws IOException, InterruptedException {
            String content = "content-" + name + "-" + System.nanoTime();
            String site = "site-" + name + "-" + System.nanoTime();
            server.createBucket(content);
            server.createBucket(site);
            if (existing) {
                seed(deploymentJar, options, content, site);
            }
            String etag = s3.putObject(r -> r.bucket(content).key("zero-downtime-migrations.md"), RequestBody.fromString(article)).eTag();
            Path event = Files.createTempFile("galley-event", ".json");
            Files.writeString(event, "{\"Records\":[" + record(content, "zero-downtime-migrations.md", etag) + "]}");

            Process process = start(deploymentJar, options, event, content, site);
            String result = null;
            boolean handled = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!handled && census != null && census.accept(line)) {
                        continue;
                    } else if (line.equals(ColdStartChild.HANDLED)) {
                        handled = true;
                    } else if (line.startsWith(ColdStartChild.THREADS)) {
                        if (threads) {
                            System.out.println("  threads, ms on a CPU/waiting for one: " + line.substring(ColdStartChild.THREADS.length()));
                        }
                    } else if (line.startsWith("COLDSTART")) {
                        result = line;
                    } else if (line.contains("[class,load")) {
                        continue;  // loaded after the first event: not counted
                    } else if (line.contains("\"outcome\"") && !line.contains("\"published\"") && !line.contains("s3:TestEvent")) {
                        throw new IllegalStateException("the event was not published: " + line);
                    } else if (line.contains("Error") || line.contains("[warning]") && !line.contains("Pre JDK 6") && !line.contains("Skipping")) {
                        System.out.println(line);  // e.g. the JVM refusing an archive; not the classes it leaves out
                    }
                }
            }
            Files.delete(event);
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("the child JVM failed");
            }
            return result;
        }

        /** A child JVM handling the event in {@code event} against the two buckets, its output merged into one stream. */
        private Process start(Path deploymentJar, List<String> options, Path event, String content, String site) throws IOException {
            List<String> command = new ArrayList<>();
            if (cpus != null) {
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            if (tls != null) {
                command.addAll(tls.trustOptions());
            }
            command.addAll(List.of("-cp", deploymentJar + java.io.File.pathSeparator + childJar, ColdStartChild.class.getName(), event.toString(),
                    primed ? "primed" : "cold"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", server.accessKey(), "AWS_SECRET_ACCESS_KEY", server.secretKey(),
                    "GALLEY_CONTENT_BUCKET", content, "GALLEY_SITE_BUCKET", site, "GALLEY_S3_ENDPOINT", (tls == null ? server.endpoint() : tls.endpoint()).toString(),
                    // As Lambda tells the function how it started: a SnapStart init primes, an on-demand one warms up.
                    "AWS_LAMBDA_INITIALIZATION_TYPE", primed ? "snap-start" : "on-demand"));
            return builder.start();
        }

        /**
         * Publishes the other articles of {@code content/} in one event, in a JVM of its own that is not measured: the
         * site the measured upload then lands in has articles, index pages, tags and a manifest to compare with.
         */
        private void seed(Path deploymentJar, List<String> options, String content, String site) throws IOException, InterruptedException {
            List<String> records = new ArrayList<>();
            try (java.util.stream.Stream<Path> files = Files.list(Path.of("content"))) {
                for (Path source : files.sorted().toList()) {
                    String key = source.getFileName().toString();
                    if (key.endsWith(".md") && !key.equals("zero-downtime-migrations.md")) {
                        String etag = s3.putObject(r -> r.bucket(content).key(key), RequestBody.fromFile(source)).eTag();
                        records.add(record(content, key, etag));
                    }
                }
            }
            Path event = Files.createTempFile("galley-seed", ".json");
            Files.writeString(event, "{\"Records\":[" + String.join(",", records) + "]}");
            List<String> unlogged = options.stream().filter(option -> !option.equals(ClassCensus.LOG_OPTION)).toList();
            Process process = start(deploymentJar, unlogged, event, content, site);
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            Files.delete(event);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the child JVM that seeds the site failed");
            }
        }
    }

    /**
     * Unpacks a deployment jar into a folder, as Lambda unpacks the package into {@code /var/task} and loads the
     * function's classes from there: a JVM reading them from the jar also inflates each one, which Lambda does not.
     * AppCDS archives classes from jars only, so {@code --appcds} runs the jar as it is.
     */
    private static Path taskRoot(Path deploymentJar, Path folder) throws IOException {
        CorpusWriter.deleteTree(folder);
        try (ZipFile zip = new ZipFile(deploymentJar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("an entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return folder;
    }

    /** Writes the child's classes into a jar, unless an identical one exists (AppCDS checks the jar's time stamp). */
    private static Path childJar(Path target) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "cold-start-child", ".jar");
        try (OutputStream file = Files.newOutputStream(temporary); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(ColdStartChild.class, SnapStartCycle.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(entry)) {
                    JarEntry jarEntry = new JarEntry(entry);
                    jarEntry.setTime(0);
                    out.putNextEntry(jarEntry);
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(temporary))) {
            Files.delete(temporary);
        } else {
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** One S3 notification record of an upload, as the event's {@code Records} list carries it. */
    private static String record(String bucket, String key, String quotedEtag) {
        return "{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + key + "\",\"eTag\":" + quotedEtag + ",\"sequencer\":\"01\"}}}";
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
