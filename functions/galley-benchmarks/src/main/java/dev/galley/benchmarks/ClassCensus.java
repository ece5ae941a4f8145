package dev.galley.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a JVM loaded, counted by library, from its {@code -Xlog:class+load} lines. The AWS SDK is counted
 * by sub-package (one line per service), Jackson by module; runtime-generated classes (lambdas, method handles)
 * count with the library of the class that made them, and apart in the last lines.
 */
final class ClassCensus {

    /** The unified logging option that prints one line per class loaded on standard output. */
    static final String LOG_OPTION = "-Xlog:class+load=info:stdout";

    // [0.012s][info][class,load] java.lang.Object source: shared objects file
    private static final Pattern LINE = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: (.*)");
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.jcp.");

    private final Map<String, Integer> byLibrary = new TreeMap<>();
    private final List<String> loaded = new ArrayList<>();
    private int total;
    private int shared;
    private int generated;

    /** Counts the line if it is a class+load line; returns whether it was one. */
    boolean accept(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.find()) {
            return false;
        }
        String name = matcher.group(1);
        String source = matcher.group(2);
        total++;
        loaded.add(name + " " + source);
        if (source.startsWith("shared objects file")) {
            shared++;
        }
        if (name.contains("$$Lambda$") || name.contains("LambdaForm$") || source.startsWith("__JVM_")) {
            generated++;
        }
        byLibrary.merge(library(name), 1, Integer::sum);
        return true;
    }

    int total() {
        return total;
    }

    /** Every class counted, in load order: its name and where it came from. */
    List<String> loaded() {
        return loaded;
    }

    /** The library a class belongs to, as the table names it. */
    static String library(String className) {
        String name = className.replaceFirst("\\$\\$Lambda.*", "");
        if (JDK.stream().anyMatch(name::startsWith)) {
            return "JDK (java.*, javax.*, jdk.*, sun.*, com.sun.*)";
        }
        String[] parts = name.split("\\.");
        if (name.startsWith("software.amazon.awssdk.services.")) {
            return "AWS SDK " + parts[4] + " service" + (parts.length > 6 && parts[5].equals("model") ? " model" : "");
        } else if (name.startsWith("software.amazon.awssdk.")) {
            return "AWS SDK " + parts[3];
        } else if (name.startsWith("com.fasterxml.jackson.")) {
            return "Jackson " + parts[3];
        }
        for (String prefix : List.of("org.commonmark", "org.jsoup", "gg.jte", "org.yaml.snakeyaml", "dev.galley", "org.crac",
                "com.amazonaws.services.lambda")) {
            if (name.startsWith(prefix + ".")) {
                return prefix;
            }
        }
        return "other: " + (parts.length > 2 ? parts[0] + "." + parts[1] : name);
    }

    /**
     * A Markdown table with one column per census, libraries by the first census's count, then each library
     * group's subtotal (AWS SDK, Jackson) and the total.
     */
    static String table(Map<String, ClassCensus> censuses) {
        List<String> names = new ArrayList<>(censuses.keySet());
        ClassCensus first = censuses.get(names.get(0));
        Map<String, Integer> order = new LinkedHashMap<>();
        censuses.values().forEach(c -> c.byLibrary.forEach((library, count) -> order.merge(library, 0, Integer::sum)));
        List<String> libraries = new ArrayList<>(order.keySet());
        libraries.sort((a, b) -> Integer.compare(first.byLibrary.getOrDefault(b, 0), first.byLibrary.getOrDefault(a, 0)));

        StringBuilder out = new StringBuilder("| library | " + String.join(" | ", names) + " |\n|---|"
                + "---:|".repeat(names.size()) + "\n");
        for (String library : libraries) {
            row(out, library, names.stream().map(n -> censuses.get(n).byLibrary.getOrDefault(library, 0)).toList());
        }
        for (String group : List.of("AWS SDK", "Jackson")) {
            row(out, "*" + group + ", all*", names.stream().map(n -> censuses.get(n).byLibrary.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(group + " ")).mapToInt(Map.Entry::getValue).sum()).toList());
        }
        row(out, "**total**", names.stream().map(n -> censuses.get(n).total).toList());
        row(out, "of which from the JDK's CDS archive", names.stream().map(n -> censuses.get(n).shared).toList());
        row(out, "of which generated at run time (lambdas, method handles)", names.stream().map(n -> censuses.get(n).generated).toList());
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<Integer> counts) {
        out.append("| ").append(label).append(" |");
        counts.forEach(count -> out.append(' ').append(String.format("%,d", count)).append(" |"));
        out.append('\n');
    }
}
