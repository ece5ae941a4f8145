package dev.galley.benchmarks;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadCpuTest {

    private static final long BURN_NANOS = 200_000_000;

    @Test
    void aThreadsCpuIsCountedUnderItsGroupByName() throws Exception {
        Optional<ThreadCpu.Snapshot> before = ThreadCpu.snapshot(processCpuNanos());
        assumeTrue(before.isPresent(), "no /proc/self/task/N/schedstat here");
        Thread burner = new Thread(ThreadCpuTest::burn, "burner-alive");
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            burn();
            burnt.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "burner-waiting");
        waiting.setDaemon(true);
        waiting.start();
        burner.start();
        burner.join();
        burnt.await();
        Map<String, Long> millis = ThreadCpu.between(before.get(), ThreadCpu.snapshot(processCpuNanos()).orElseThrow(),
                name -> name.equals("burner-waiting") ? "burner" : "rest", List.of("burner", "rest"));
        stop.countDown();

        assertTrue(millis.get("burner") >= BURN_NANOS / 1_000_000 * 9 / 10, millis.toString());
        // The one that ended before the second look is counted with the threads that ended, not lost.
        assertTrue(millis.get("threads that ended") >= BURN_NANOS / 1_000_000 * 9 / 10, millis.toString());
        assertEquals(List.of("burner", "rest", "threads that ended"), List.copyOf(millis.keySet()));
    }

    /** Spins until this thread has spent {@link #BURN_NANOS} of CPU. */
    private static void burn() {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < BURN_NANOS) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
