package dev.galley.benchmarks;

import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.S3Clients;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One invocation in a fresh JVM, configured from the environment as on Lambda: the handler with an S3 client like
 * the production one that also counts its HTTP requests. Prints one {@code RESULT} line: the handler's answer, its
 * wall and CPU time, the requests by S3 operation, the peak heap used (sampled every 2 ms), the heap still live
 * after a full GC, and the process's peak resident set (VmHWM).
 *
 * <p>Usage: {@code RebuildBenchmarkChild <event.json>}
 */
public final class RebuildBenchmarkChild {

    private RebuildBenchmarkChild() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        FunctionConfig config = FunctionConfig.fromEnvironment(System.getenv());
        Map<String, LongAdder> requests = new ConcurrentHashMap<>();
        S3Http s3 = S3Clients.create(config, EnvironmentVariableCredentialsProvider.create(), new S3Observer() {
            @Override
            public void sending(S3Exchange exchange) {
                requests.computeIfAbsent(exchange.operation(), k -> new LongAdder()).increment();
            }
        });
        PublishHandler handler = new PublishHandler(config, s3);

        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        var threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpuBefore) / 1_000_000;
        sampler.interrupt();
        sampler.join();

        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();

        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((operation, count) -> counts.put(operation, count.sum()));
        System.out.println("RESULT millis=" + millis + " cpuMillis=" + cpuMillis
                + " requests=" + counts.values().stream().mapToLong(Long::longValue).sum() + " " + counts
                + " peakHeapMiB=" + mib(peakHeap.get()) + " heapPoolPeaksMiB=" + mib(poolPeaks) + " liveHeapAfterGcMiB=" + mib(live)
                + " nonHeapMiB=" + mib(nonHeap) + " peakRssMiB=" + peakRssMiB() + " threadsPeak=" + threads.getPeakThreadCount()
                + " answer=" + out.toString(StandardCharsets.UTF_8));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    /** The process's peak resident set from /proc (Linux, as on Lambda); -1 elsewhere. */
    private static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
