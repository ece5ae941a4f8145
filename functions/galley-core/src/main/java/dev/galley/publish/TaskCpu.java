package dev.galley.publish;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CPU time one caller uses, on its own thread and in the tasks it hands to Galley's pools ({@link Parallel}),
 * wherever they run: what one invocation would take of a CPU of its own when many share a process, as in the
 * fan-out benchmark. Nothing is measured unless a caller asks ({@link #measure}); tasks then run as they are.
 */
public final class TaskCpu {

    private static final ThreadLocal<TaskCpu> CURRENT = new ThreadLocal<>();

    private final AtomicLong nanos = new AtomicLong();

    /** Runs {@code work} on this thread, charging it and every pool task it starts to this meter. */
    public <T> T measure(Supplier<T> work) {
        try {
            return charge(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the CPU time charged so far, in nanoseconds */
    public long nanos() {
        return nanos.get();
    }

    /** A pool task that charges its CPU to the meter of the thread that submits it, if that thread has one. */
    static <T> Callable<T> charged(Callable<T> task) {
        TaskCpu meter = CURRENT.get();
        return meter == null ? task : () -> meter.charge(task);
    }

    private <T> T charge(Callable<T> task) throws Exception {
        TaskCpu outer = CURRENT.get();
        CURRENT.set(this);
        ThreadMXBean threads = Threads.MX;  // loaded only when something is measured: not on a cold start
        long started = threads.getCurrentThreadCpuTime();
        try {
            return task.call();
        } finally {
            nanos.addAndGet(threads.getCurrentThreadCpuTime() - started);
            CURRENT.set(outer);
        }
    }

    private static final class Threads {
        static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    }
}
