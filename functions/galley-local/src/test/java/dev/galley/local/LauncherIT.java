package dev.galley.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's {@code galley} launcher, run on a copy of the packaged jar: it starts from its class-data archive
 * when the archive is current, never when the jar is newer, and then makes a current one by itself. Whether a
 * class came from the archive is the JVM's own class-loading log.
 */
class LauncherIT {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    static Path root;

    @BeforeAll
    static void copyTheLauncherAndItsJar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "the launcher is a bash script");
        Files.copy(REPOSITORY.resolve("galley"), root.resolve("galley"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(REPOSITORY.resolve("content"), root.resolve("content"));
        Path target = Files.createDirectories(root.resolve("functions/galley-local/target"));
        Files.copy(TARGET.resolve("galley-local.jar"), target.resolve("galley-local.jar"));
        copyTree(TARGET.resolve("lib"), target.resolve("lib"));
    }

    @Test
    void aCurrentArchiveIsUsedAStaleOneNeverAndABuildRemakesIt() throws Exception {
        assertEquals(0, galley(List.of("train"), root.resolve("train.log")), Files.readString(root.resolve("train.log")));
        assertTrue(sharedGalleyClasses("warm") > 100, "a build after training loads Galley's classes from the archive");

        Path jar = root.resolve("functions/galley-local/target/galley-local.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));  // a rebuilt jar
        assertEquals(0, sharedGalleyClasses("stale"), "a jar newer than the archive is never run with it");

        Path archiveDir = root.resolve("functions/galley-local/target/cds");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!archiveIsNewerThan(archiveDir, jar) && System.nanoTime() < deadline) {
            Thread.sleep(200);  // the stale build made a new archive in the background
        }
        assertTrue(sharedGalleyClasses("remade") > 100, "the archive the stale build made in the background is used");
    }

    /** Builds the sample content through the launcher and counts Galley's classes the JVM took from the archive. */
    private static long sharedGalleyClasses(String run) throws Exception {
        Path classLog = root.resolve(run + "-classes.log");
        Path output = root.resolve(run + ".log");
        int status = galley(List.of("build", root.resolve("content").toString(), "--out", root.resolve("site-" + run).toString()),
                output, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog));
        assertEquals(0, status, Files.readString(output));
        assertFalse(Files.readString(output).contains("[cds]"), "the archive's own messages are not the user's");
        try (Stream<String> lines = Files.lines(classLog)) {
            return lines.filter(line -> line.contains(" dev.galley.") && line.contains("shared objects file")).count();
        }
    }

    private static int galley(List<String> args, Path output) throws Exception {
        return galley(args, output, Map.of());
    }

    private static int galley(List<String> args, Path output, Map<String, String> environment) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("galley").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the launcher did not end: " + args);
        return process.exitValue();
    }

    private static boolean archiveIsNewerThan(Path archiveDir, Path jar) throws IOException {
        if (!Files.isDirectory(archiveDir)) {
            return false;
        }
        try (Stream<Path> archives = Files.list(archiveDir)) {
            FileTime jarTime = Files.getLastModifiedTime(jar);
            return archives.filter(path -> path.toString().endsWith(".jsa")).anyMatch(path -> {
                try {
                    return Files.getLastModifiedTime(path).compareTo(jarTime) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
