package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.corpus.CorpusWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code corpus-report}: builds every corpus under a folder (as scripts/corpus/fetch-corpus.sh makes them) with
 * the real build, and reports what an author migrating from Jekyll or Hugo would meet. One corpus failing, or
 * one page, never stops the report: it is reported with the rest.
 */
public final class CorpusReport {

    public static final String USAGE = """
            corpus-report [target/corpus] [--markdown] [--galley-jar functions/galley-local/target/galley-local.jar]
                          [--java PATH] [--java-option OPTION]... [--keep]
                          (builds each corpus folder into a temporary folder, deleted unless --keep)
            """;

    private Path root = Path.of("target/corpus");
    private boolean markdown;
    private boolean keep;
    private Path galleyJar = Path.of("functions/galley-local/target/galley-local.jar");
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    /** The README's build command's options, unless {@code --java-option} replaces them. */
    private final List<String> javaOptions = new ArrayList<>();

    private CorpusReport() {
    }

    public static CorpusReport parse(String[] args) {
        CorpusReport command = new CorpusReport();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--markdown" -> command.markdown = true;
                case "--keep" -> command.keep = true;
                case "--galley-jar" -> command.galleyJar = Path.of(value(args, ++i));
                case "--java" -> command.java = Path.of(value(args, ++i));
                case "--java-option" -> command.javaOptions.add(value(args, ++i));
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    command.root = Path.of(args[i]);
                }
            }
        }
        if (command.javaOptions.isEmpty()) {
            command.javaOptions.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        return command;
    }

    public void run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(galleyJar)) {
            throw new IllegalStateException("no " + galleyJar + ": build it with mvn -B -q install -DskipTests");
        }
        List<Path> corpora = corporaIn(root);
        if (corpora.isEmpty()) {
            throw new IllegalStateException("no corpus under " + root.toAbsolutePath() + ": run scripts/corpus/fetch-corpus.sh");
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", galleyJar.toString()));
        CorpusRun run = new CorpusRun(command, Duration.ofMinutes(20));
        Path work = Files.createTempDirectory("galley-corpus-report");
        List<CorpusResult> results = new ArrayList<>();
        for (Path corpus : corpora) {
            System.err.println("building " + corpus + " ...");
            Path site = work.resolve(corpus.getFileName().toString());
            try {
                results.add(run.run(corpus, site));
            } catch (IOException | RuntimeException e) {
                CorpusResult failed = new CorpusResult(corpus.getFileName().toString());
                failed.failure = e.toString();
                results.add(failed);
            }
            if (!keep) {
                CorpusWriter.deleteTree(site);
            }
        }
        if (keep) {
            System.err.println("built sites kept in " + work);
        } else {
            CorpusWriter.deleteTree(work);
        }
        System.out.print(ReportWriter.write(results, markdown));
    }

    private static List<Path> corporaIn(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
