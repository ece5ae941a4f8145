package dev.galley.benchmarks;

import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.benchmarks.corpus.CorpusWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long {@code galley-local.jar preview} takes to open a whole blog: from starting the command (a fresh
 * process, as an author runs it) to its "ready" line, and to the last article page answering 200 on the preview
 * port. The article URLs come from one {@code build} of the same folder beforehand, so a real blog works as well
 * as the generated corpus; every page served is then compared with the page that build wrote.
 *
 * <p>Each run starts on an empty {@code .galley/} (a first preview of the folder), then starts again on the state
 * it left (a restart, with everything already in the buckets).
 */
final class PreviewStart {

    static final String USAGE = """
            preview-start [--articles 250] [--content FOLDER] [--runs 5] [--seed 2026] [--work target/preview-start]
                          [--galley-jar functions/galley-local/target/galley-local.jar] [--java-option OPTION]...
                          [--launcher ./galley]   (runs the README's launcher instead of java -jar)
            """;
    /** The line the preview prints once its site is served. */
    static final Pattern READY = Pattern.compile("^\\s*site:\\s+(http://\\S+)");
    private static final Pattern BUILT = Pattern.compile("^built\\s+\\S.* -> (/articles/\\S+)$");
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    /** Linux's USER_HZ, the unit of /proc/PID/stat's times: 100 on every common architecture. */
    private static final int CLOCK_TICKS = 100;

    private int articles = 250;
    private Path content;
    private int runs = 5;
    private long seed = 2026;
    private Path work = Path.of("target/preview-start");
    private Path galleyJar = Path.of("functions/galley-local/target/galley-local.jar");
    private final List<String> javaOptions = new ArrayList<>();
    private Path launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static PreviewStart parse(String[] args) {
        PreviewStart command = new PreviewStart();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--articles" -> command.articles = Integer.parseInt(value);
                case "--content" -> command.content = Path.of(value);
                case "--runs" -> command.runs = Integer.parseInt(value);
                case "--seed" -> command.seed = Long.parseLong(value);
                case "--work" -> command.work = Path.of(value);
                case "--galley-jar" -> command.galleyJar = Path.of(value);
                case "--java-option" -> command.javaOptions.add(value);
                case "--launcher" -> command.launcher = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\nusage: " + USAGE);
            }
        }
        return command;
    }

    /**
     * One start: milliseconds from the process starting to its ready line and to the last article page answering,
     * and the CPU time its processes had used by then (steadier than wall time on a shared machine).
     */
    record Start(long readyMillis, long allPagesMillis, double cpuSeconds) {
    }

    void run() throws Exception {
        if (!Files.isRegularFile(galleyJar)) {
            throw new IllegalStateException("no " + galleyJar + "; build it first: mvn -B -q install -DskipTests");
        }
        Path workDir = work.toAbsolutePath();
        Path folder = content != null ? content.toAbsolutePath()
                : CorpusWriter.write(workDir.resolve("corpus"), new Corpus(seed), articles).galleyContent();
        Path built = workDir.resolve("build");
        CorpusWriter.deleteTree(built);
        List<String> pages = articlePages(folder, built);
        System.out.printf("preview of %s: %d article pages (from one build into %s)%n", folder, pages.size(), built);
        System.out.println("command: " + String.join(" ", java()) + " preview " + folder + " --port PORT");
        System.out.println("load average before: " + loadAverage());
        List<Start> first = new ArrayList<>();
        List<Start> again = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path state = workDir.resolve("run");
            CorpusWriter.deleteTree(state);
            Files.createDirectories(state);
            Start fresh = start(folder, state, pages, built);
            Start restart = start(folder, state, pages, built);
            first.add(fresh);
            again.add(restart);
            System.out.printf("run %d: first start ready %5d ms, all pages %5d ms, %4.1f s CPU; restart ready %5d ms, all pages %5d ms, %4.1f s CPU%n",
                    run, fresh.readyMillis(), fresh.allPagesMillis(), fresh.cpuSeconds(), restart.readyMillis(), restart.allPagesMillis(),
                    restart.cpuSeconds());
        }
        System.out.println("load average after: " + loadAverage());
        System.out.printf("%n%d article pages, medians of %d runs, %d cores   ready    all pages answer 200   CPU by then%n",
                pages.size(), runs, Runtime.getRuntime().availableProcessors());
        report("first start (empty .galley/)", first);
        report("restart (buckets already filled)", again);
    }

    /** Builds the folder once and returns the URL of every article page the build wrote. */
    private List<String> articlePages(Path folder, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("build", folder.toString(), "--out", out.toString()));
        Process build = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> pages = new ArrayList<>();
        try (BufferedReader lines = reader(build)) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher built = BUILT.matcher(line);
                if (built.matches()) {
                    pages.add(built.group(1));
                }
            }
        }
        build.waitFor();
        if (pages.isEmpty()) {
            throw new IllegalStateException("the build of " + folder + " published no article");
        }
        return pages;
    }

    /** Starts one preview, waits for every page, checks each against the build, and stops the preview. */
    private Start start(Path folder, Path state, List<String> pages, Path built) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("preview", folder.toString(), "--port", Integer.toString(port)));
        long started = System.nanoTime();
        Process preview = new ProcessBuilder(command).directory(state.toFile()).redirectErrorStream(true).start();
        try {
            CompletableFuture<Long> ready = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> readOutput(preview, started, ready, output), "preview-output");
            reader.setDaemon(true);
            reader.start();
            URI site = URI.create("http://127.0.0.1:" + port);
            long deadline = started + GIVE_UP.toNanos();
            for (String page : pages) {
                while (status(site.resolve(page)) != 200) {
                    if (System.nanoTime() > deadline || !preview.isAlive()) {
                        throw new IllegalStateException(page + " never answered 200; the preview printed:\n" + output);
                    }
                    Thread.sleep(5);
                }
            }
            long allPages = (System.nanoTime() - started) / 1_000_000;
            double cpu = cpuSeconds(preview.toHandle());
            for (String page : pages) {
                compareWithBuild(site, page, built);
            }
            return new Start(ready.get(30, TimeUnit.SECONDS), allPages, cpu);
        } finally {
            preview.destroy();  // SIGTERM: the preview's shutdown hook stops it cleanly
            if (!preview.waitFor(30, TimeUnit.SECONDS)) {
                preview.destroyForcibly().waitFor();
            }
        }
    }

    private void readOutput(Process preview, long started, CompletableFuture<Long> ready, StringBuilder output) {
        try (BufferedReader lines = reader(preview)) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (READY.matcher(line).find()) {
                    ready.complete((System.nanoTime() - started) / 1_000_000);
                }
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The served page, less the preview's reload script, must be the page the build wrote. */
    private void compareWithBuild(URI site, String page, Path built) throws IOException, InterruptedException {
        String served = http.send(HttpRequest.newBuilder(site.resolve(page)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .replace("<script src=\"/_preview/reload.js\"></script>", "");
        String expected = Files.readString(built.resolve(page.substring(1)).resolve("index.html"));
        if (!served.equals(expected)) {
            throw new IllegalStateException(page + " differs from the page the build wrote");
        }
    }

    private int status(URI page) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(page).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return 0;  // not listening yet
        } catch (IOException e) {
            return -1;
        }
    }

    private List<String> java() {
        if (launcher != null) {
            return List.of(launcher.toAbsolutePath().toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", galleyJar.toAbsolutePath().toString()));
        return command;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    }

    private static void report(String what, List<Start> starts) {
        System.out.printf("  %-34s %6d ms  %6d ms             %5.1f s%n", what, median(starts.stream().map(Start::readyMillis).toList()),
                median(starts.stream().map(Start::allPagesMillis).toList()),
                median(starts.stream().map(start -> Math.round(start.cpuSeconds() * 10)).toList()) / 10.0);
    }

    /** User and system time of a process and its children so far, from Linux's /proc; NaN elsewhere. */
    private static double cpuSeconds(ProcessHandle process) {
        double seconds = 0;
        for (ProcessHandle handle : Stream.concat(Stream.of(process), process.descendants()).toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
            } catch (IOException e) {
                return Double.NaN;
            }
        }
        return seconds;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
