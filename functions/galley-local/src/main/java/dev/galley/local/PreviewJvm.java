package dev.galley.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the preview in a JVM with the build's options when the author started it without JIT options of their
 * own. The start re-renders the whole site once, and with the optimising compiler running beside it that costs
 * about twice the CPU time (docs/performance.md). The child JVM ends as soon as this one does, however it ends.
 */
final class PreviewJvm {

    /** The build's options: Lambda's JIT setting and the single-threaded collector. */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** Set on the child: it runs the preview itself, and ends when its parent's end closes its standard input. */
    private static final String CHILD = "galley.preview.child";

    private PreviewJvm() {
    }

    /** True when this JVM should run the preview itself: it is the child, or the author chose its JIT options. */
    static boolean isChosen() {
        return Boolean.getBoolean(CHILD)
                || ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    /** In the child: ends this JVM, as a kill would, once the parent is gone. */
    static void endWithParent() {
        if (!Boolean.getBoolean(CHILD)) {
            return;
        }
        Thread watch = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() != -1) {
                    // the parent never writes; this returns when it ends
                }
            } catch (IOException e) {
                // closed: the parent is gone just the same
            }
            Runtime.getRuntime().halt(1);
        }, "galley-preview-parent");
        watch.setDaemon(true);
        watch.start();
    }

    /** Runs {@code main(args)} in a child JVM with {@link #OPTIONS}, and returns its exit status. */
    static int runInChild(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(OPTIONS);
        command.addAll(List.of("-D" + CHILD + "=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            // Standard input stays a pipe this JVM never writes to: the child sees it close when this JVM ends.
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            // Ctrl-C reaches both JVMs; a SIGTERM to this one is passed on. Either way the child stops cleanly first.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "galley-preview-child-stop"));
            return child.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the preview's JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
