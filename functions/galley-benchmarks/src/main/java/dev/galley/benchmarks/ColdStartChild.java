package dev.galley.benchmarks;

import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.SnapStartCycle;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

/**
 * Runs in a fresh JVM whose class path is the deployment jar plus this class: builds the handler as the Lambda
 * runtime does (configuration from the environment), handles one event, and prints the milliseconds from JVM
 * start to the end of the first event, with the init part (handler construction) apart. With {@code primed}
 * it first runs the SnapStart priming and restore hooks, so the first event is what a restored function pays.
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    /** Printed as soon as the event is handled: the classes the measurement loads after it are not the function's. */
    static final String HANDLED = "COLDSTART-HANDLED";

    public static void main(String[] args) throws Exception {
        long mainStart = System.currentTimeMillis();
        PublishHandler handler = new PublishHandler();
        long primed = 0;
        if (args.length > 1 && args[1].equals("primed")) {
            long started = System.currentTimeMillis();
            SnapStartCycle.checkpointAndRestore(handler);
            primed = System.currentTimeMillis() - started;
        }
        long initDone = System.currentTimeMillis();
        try (InputStream event = new FileInputStream(args[0])) {
            handler.handleRequest(event, new ByteArrayOutputStream(), null);
        }
        long done = System.currentTimeMillis();
        System.out.println(HANDLED);
        // java.management (some 200 classes) only now: the function itself never loads it.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // CPU of every thread of the process (JIT and GC included): steadier than wall time on a busy machine.
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.println("COLDSTART jvmToMain=" + (mainStart - jvmStart) + " init=" + (initDone - mainStart - primed)
                + " primed=" + primed + " firstEvent=" + (done - initDone) + " total=" + (done - jvmStart) + " cpu=" + cpu);
        System.out.println(THREADS + threadTimes());
    }

    /** Prefix of the line listing each live thread's name, milliseconds on a CPU and waiting for one. */
    static final String THREADS = "COLDSTART-THREADS ";

    /**
     * Linux's accounting of every thread still alive (/proc/self/task/N/schedstat: nanoseconds run, nanoseconds
     * runnable but waiting for a CPU), the JIT's and the collector's included, which Java does not list.
     */
    private static String threadTimes() throws java.io.IOException {
        StringBuilder times = new StringBuilder();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip().replace(' ', '_');
                String[] schedstat = java.nio.file.Files.readString(task.toPath().resolve("schedstat")).strip().split(" ");
                times.append(name).append('=').append(Long.parseLong(schedstat[0]) / 1_000_000).append('/')
                        .append(Long.parseLong(schedstat[1]) / 1_000_000).append(' ');
            } catch (java.io.IOException ended) {
                // the thread ended while being read
            }
        }
        return times.toString().strip();
    }
}
