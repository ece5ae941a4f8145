package dev.galley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This JVM's CPU time by thread, from Linux's own accounting (/proc/self/task/N/schedstat, nanoseconds on a CPU),
 * which also sees the threads Java does not list: the JIT compilers and the garbage collector. Threads are told
 * apart by their names, which Linux keeps to 15 characters ("C2 CompilerThre", "S3Proxy-Jetty-4").
 */
final class ThreadCpu {

    /** One look at every thread: its name and CPU nanoseconds so far, by thread id. */
    record Snapshot(Map<String, Long> nanosByTid, Map<String, String> nameByTid, long processNanos) {
    }

    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadCpu() {
    }

    /** Empty where the system has no such accounting (not Linux, or a kernel without schedstat). */
    static Optional<Snapshot> snapshot(long processNanos) {
        if (!Files.isDirectory(TASKS)) {
            return Optional.empty();
        }
        Map<String, Long> nanos = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    nanos.put(task.getFileName().toString(), Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                    names.put(task.getFileName().toString(), Files.readString(task.resolve("comm")).strip());
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being looked at: counted with the threads that ended
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(nanos, names, processNanos));
    }

    /**
     * The CPU each group of threads spent between two snapshots, in milliseconds, in the order the groups are
     * named; a thread started in between counts from zero. What threads that ended in between spent is what the
     * process spent beyond all the threads still there, under "threads that ended".
     */
    static Map<String, Long> between(Snapshot before, Snapshot after, java.util.function.Function<String, String> groupOfName,
                                     Iterable<String> groups) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        groups.forEach(g -> nanos.put(g, 0L));
        long counted = 0;
        for (Map.Entry<String, Long> thread : after.nanosByTid().entrySet()) {
            String name = after.nameByTid().get(thread.getKey());
            boolean same = name.equals(before.nameByTid().get(thread.getKey()));  // not a new thread given an old id
            long spent = thread.getValue() - (same ? before.nanosByTid().get(thread.getKey()) : 0L);
            nanos.merge(groupOfName.apply(name), spent, Long::sum);
            counted += spent;
        }
        nanos.put("threads that ended", Math.max(0, after.processNanos() - before.processNanos() - counted));
        Map<String, Long> millis = new LinkedHashMap<>();
        nanos.forEach((group, n) -> millis.put(group, n / 1_000_000));
        return millis;
    }
}
