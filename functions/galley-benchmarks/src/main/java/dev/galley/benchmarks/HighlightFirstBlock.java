package dev.galley.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold cost of highlighting: for a Java block, a TOML block and, as the baseline, the Java block as plain
 * text ({@code text}), starts fresh JVMs with Lambda's JIT setting that each highlight one block, and prints the
 * median classes loaded and time taken by that first block.
 */
final class HighlightFirstBlock {

    static final String USAGE = "highlight-first-block [--runs 7]";

    private int runs = 7;

    static HighlightFirstBlock parse(String[] args) {
        HighlightFirstBlock command = new HighlightFirstBlock();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                command.runs = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
            }
        }
        return command;
    }

    void run() throws IOException, InterruptedException {
        for (String language : List.of("text", "java", "toml")) {
            List<Long> classes = new ArrayList<>();
            List<Long> micros = new ArrayList<>();
            long spans = 0;
            for (int i = 0; i < runs; i++) {
                String line = child(language);
                classes.add(value(line, "classes"));
                micros.add(value(line, "micros"));
                spans = value(line, "spans") - 1;
            }
            System.out.printf("%-5s first block: median %d classes loaded, %.2f ms (%d spans; %d runs)%n", language,
                    median(classes), median(micros) / 1000.0, spans, runs);
        }
    }

    private static String child(String language) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HighlightFirstBlockChild.class.getName(), language);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("HIGHLIGHT ")) {
                    result = line;
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the highlighting child failed for " + language);
        }
        return result;
    }

    private static long value(String line, String name) {
        for (String field : line.split(" ")) {
            if (field.startsWith(name + "=")) {
                return Long.parseLong(field.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException(name + " missing in " + line);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
