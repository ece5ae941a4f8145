package dev.galley.benchmarks;

import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.benchmarks.corpus.CorpusWriter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Galley's full local build and Hugo's, on the same generated articles, each in a fresh process, alternately.
 * Wall time is measured here around the process; peak memory (maximum resident set size) and CPU time come
 * from GNU time ({@code /usr/bin/time}), which reads them from the kernel's accounting of the finished process.
 * Installs nothing: without Hugo it says how to install it and measures Galley alone.
 *
 * <p>Each run writes into a new, empty folder, as a clean build does, and none is deleted until the end. A
 * build right after deleting the previous one's 1,200 to 12,000 files spent most of its time in the kernel:
 * without a journal, as on this machine, ext4 skips every inode freed in the last two minutes when it
 * allocates a new one ({@code recently_deleted} in the profile), so creating n files after deleting n costs
 * n² checks. It slowed both tools, unequally, and measured the file system rather than either tool.
 */
final class SideBySide {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private int articles = 1_000;
    private int runs = 5;
    private long seed = 2026;
    private Path work = Path.of("target/side-by-side");
    private Path galleyJar = Path.of("functions/galley-local/target/galley-local.jar");
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    /** The options the README's build command gives, unless {@code --java-option} replaces them. */
    static final List<String> BUILD_JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private final List<String> javaOptions = new ArrayList<>();
    private Path launcher;
    private boolean prose;

    static final String USAGE = """
            side-by-side [--articles 1000] [--runs 5] [--seed 2026] [--work target/side-by-side]
                         [--galley-jar functions/galley-local/target/galley-local.jar] [--java PATH] [--java-option OPTION]...
                         [--launcher ./galley]   (runs the README's launcher instead of java -jar)
                         [--prose]   (articles with one code block each instead of one a section)
                         (default options: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, as the README's launcher passes)
            """;

    static SideBySide parse(String[] args) {
        SideBySide command = new SideBySide();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--prose")) {
                command.prose = true;
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--articles" -> command.articles = Integer.parseInt(value);
                case "--runs" -> command.runs = Integer.parseInt(value);
                case "--seed" -> command.seed = Long.parseLong(value);
                case "--work" -> command.work = Path.of(value);
                case "--galley-jar" -> command.galleyJar = Path.of(value);
                case "--java" -> command.java = Path.of(value);
                case "--java-option" -> command.javaOptions.add(value);
                case "--launcher" -> command.launcher = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (command.javaOptions.isEmpty()) {
            command.javaOptions.addAll(BUILD_JAVA_OPTIONS);
        }
        return command;
    }

    /** One finished process: wall seconds, peak resident set in MiB, CPU seconds (user + system). */
    record Run(double wall, double peakMib, double cpu) {
    }

    void run() throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IllegalStateException("GNU time is needed for peak memory: sudo apt-get install time");
        }
        if (!Files.isRegularFile(galleyJar)) {
            throw new IllegalStateException("no " + galleyJar + "; build it first: mvn -B -q package -DskipTests");
        }
        System.out.println("load average before: " + loadAverage());
        Path hugo = onPath("hugo");
        if (hugo == null) {
            System.out.println("install Hugo: sudo apt-get install hugo   (measuring Galley alone)");
        }
        // Absolute: Hugo resolves a relative --destination against --source.
        Path corpusDir = work.resolve(articles + "-" + seed + (prose ? "-prose" : "")).toAbsolutePath();
        long started = System.nanoTime();
        CorpusWriter.Written corpus = CorpusWriter.write(corpusDir, prose ? new Corpus(seed).prose() : new Corpus(seed), articles);
        System.out.printf("corpus: %,d articles, seed %d, %.1f KB mean, %.1f MB, written in %.1f s to %s%n", articles, seed,
                corpus.bytes() / 1000.0 / articles, corpus.bytes() / 1e6, (System.nanoTime() - started) / 1e9, corpusDir);

        // Every run builds into a folder of its own, and the folders are deleted only at the end: see the class comment.
        Path outputs = corpusDir.resolve("runs");
        CorpusWriter.deleteTree(outputs);
        int[] outputNumber = {0};
        Function<String, Path> freshOutput = tool -> outputs.resolve(tool + "-" + ++outputNumber[0]);
        Function<Path, List<String>> galley = out -> {
            List<String> command = new ArrayList<>();
            if (launcher != null) {
                command.add(launcher.toAbsolutePath().toString());
            } else {
                command.add(java.toString());
                command.addAll(javaOptions);
                command.addAll(List.of("-jar", galleyJar.toString()));
            }
            command.addAll(List.of("build", corpus.galleyContent().toString(), "--out", out.toString()));
            return command;
        };
        Function<Path, List<String>> hugoCommand = out ->
                List.of(hugo.toString(), "--quiet", "--source", corpus.hugoSite().toString(), "--destination", out.toString());
        System.out.println("galley: " + String.join(" ", galley.apply(outputs.resolve("galley-N"))));
        if (hugo != null) {
            System.out.println("hugo:   " + String.join(" ", hugoCommand.apply(outputs.resolve("hugo-N"))) + "  (" + version(hugo) + ")");
        }

        // One untimed run each first, so that both find the corpus in the page cache.
        Path galleyOut = freshOutput.apply("galley");
        measure(galley.apply(galleyOut), corpusDir.resolve("galley.log"));
        String galleyReport = Files.readString(corpusDir.resolve("galley.log"));
        if (!galleyReport.contains(articles + " published, 0 drafts, 0 failed")) {
            throw new IllegalStateException("galley did not publish every article; see " + corpusDir.resolve("galley.log"));
        }
        Path hugoOut = freshOutput.apply("hugo");
        if (hugo != null) {
            measure(hugoCommand.apply(hugoOut), corpusDir.resolve("hugo.log"));
        }
        System.out.printf("files written: galley %,d, hugo %s%n", countFiles(galleyOut), hugo == null ? "-" : String.format("%,d", countFiles(hugoOut)));
        List<Run> galleyRuns = new ArrayList<>();
        List<Run> hugoRuns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Run g = measure(galley.apply(freshOutput.apply("galley")), corpusDir.resolve("galley.log"));
            galleyRuns.add(g);
            String line = String.format("run %d: galley %.2f s %4.0f MiB %.1f s CPU", run, g.wall(), g.peakMib(), g.cpu());
            if (hugo != null) {
                Run h = measure(hugoCommand.apply(freshOutput.apply("hugo")), corpusDir.resolve("hugo.log"));
                hugoRuns.add(h);
                line += String.format("   hugo %.2f s %4.0f MiB %.1f s CPU", h.wall(), h.peakMib(), h.cpu());
            }
            System.out.println(line);
        }
        CorpusWriter.deleteTree(outputs);
        report(galleyRuns, hugoRuns);
        System.out.println("load average after: " + loadAverage());
    }

    /** Other work on the machine skews wall times: the figures say how busy it was. */
    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    }

    private void report(List<Run> galley, List<Run> hugo) {
        System.out.printf("%n%,d articles, medians of %d runs, %d cores          wall     peak RSS   CPU%n",
                articles, runs, Runtime.getRuntime().availableProcessors());
        System.out.printf("  galley %-40s %6.2f s %6.0f MiB %5.1f s%n", launcher != null ? launcher.toString() : String.join(" ", javaOptions),
                median(galley, Run::wall), median(galley, Run::peakMib), median(galley, Run::cpu));
        if (hugo.isEmpty()) {
            return;
        }
        System.out.printf("  hugo   %-40s %6.2f s %6.0f MiB %5.1f s%n", "",
                median(hugo, Run::wall), median(hugo, Run::peakMib), median(hugo, Run::cpu));
        double wallRatio = median(galley, Run::wall) / median(hugo, Run::wall);
        double memoryRatio = median(galley, Run::peakMib) / median(hugo, Run::peakMib);
        System.out.printf("  galley / hugo %40s %6.2f × %6.2f ×%n", "", wallRatio, memoryRatio);
        if (articles == 10_000) {
            System.out.printf("  target (10k): wall ≤ 0.25 × Hugo: %s; peak memory ≤ 0.3 × Hugo: %s%n",
                    verdict(wallRatio <= 0.25), verdict(memoryRatio <= 0.3));
        } else if (articles == 1_000) {
            System.out.printf("  target (1k): wall ≤ 0.75 × Hugo, JVM start included: %s%n", verdict(wallRatio <= 0.75));
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static Run measure(List<String> command, Path log) throws IOException, InterruptedException {
        Path times = Files.createTempFile("galley-time", ".txt");
        List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-o", times.toString(), "-f", "%M %U %S"));
        timed.addAll(command);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(command.get(0) + " exited with " + status + "; see " + log);
        }
        String[] fields = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        return new Run(wall, Long.parseLong(fields[0]) / 1024.0, Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        return Median.of(runs.stream().mapToDouble(value).toArray());
    }

    private static long countFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String version(Path hugo) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(hugo.toString(), "version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return version;
    }
}
