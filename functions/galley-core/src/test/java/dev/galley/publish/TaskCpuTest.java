package dev.galley.publish;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskCpuTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SPIN_NANOS = 100_000_000;

    private final ExecutorService outer = Parallel.pool(2, "task-cpu-test-outer");
    private final ExecutorService inner = Parallel.pool(2, "task-cpu-test-inner");

    @AfterEach
    void stopPools() {
        outer.shutdownNow();
        inner.shutdownNow();
    }

    @Test
    void tasksOnPoolsAreChargedToTheCallerThatStartedThemAlsoWhenTheyStartMore() {
        TaskCpu meter = new TaskCpu();
        meter.measure(() -> Parallel.map(outer, List.of(1, 2), item -> {
            spin();
            return Parallel.map(inner, List.of(1, 2), nested -> spin());
        }));
        // Four tasks spun; the caller itself only waited.
        assertTrue(meter.nanos() >= 4 * SPIN_NANOS, "charged " + meter.nanos() + " ns");
    }

    @Test
    void twoMetersMeasuringAtOnceOnOnePoolKeepTheirTasksApart() throws Exception {
        TaskCpu spinning = new TaskCpu();
        TaskCpu idle = new TaskCpu();
        Thread other = new Thread(() -> spinning.measure(() -> Parallel.map(outer, List.of(1, 2, 3), item -> spin())));
        other.start();
        idle.measure(() -> Parallel.map(outer, List.of(1, 2, 3), item -> item));
        other.join();
        assertTrue(spinning.nanos() >= 3 * SPIN_NANOS, "charged " + spinning.nanos() + " ns");
        assertTrue(idle.nanos() < SPIN_NANOS, "charged " + idle.nanos() + " ns");
    }

    /** Uses {@value #SPIN_NANOS} ns of this thread's CPU, however long that takes on a busy machine. */
    private static Long spin() {
        long until = THREADS.getCurrentThreadCpuTime() + SPIN_NANOS;
        long sum = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            sum += System.nanoTime() % 7;
        }
        return sum;
    }
}
