package dev.galley.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's {@code galley} launcher, run on a copy of the packaged jar with the JDK running the tests and with
 * a JDK 25 or newer installed beside it: it starts from the cache its training run made for that JDK (an AOT cache
 * on 25 and newer, a class-data archive before), never from a stale one, ignores an unusable one without a word,
 * and a build then makes a current one by itself. Whether a class came from the cache is the JVM's own
 * class-loading log.
 */
class LauncherIT {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final int FIRST_WITH_AOT_CACHE = 25;

    @TempDir
    static Path root;

    private static Path jar;
    private static Path caches;

    @BeforeAll
    static void copyTheLauncherAndItsJar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "the launcher is a bash script");
        Files.copy(REPOSITORY.resolve("galley"), root.resolve("galley"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(REPOSITORY.resolve("content"), root.resolve("content"));
        Path target = Files.createDirectories(root.resolve("functions/galley-local/target"));
        jar = target.resolve("galley-local.jar");
        Files.copy(TARGET.resolve("galley-local.jar"), jar);
        copyTree(TARGET.resolve("lib"), target.resolve("lib"));
        caches = target.resolve("cds");
    }

    /** The JDK running the tests, and the newest JDK 25 or newer installed beside it (null when there is none). */
    static Stream<Named<Path>> jdks() throws IOException {
        Path running = Path.of(System.getProperty("java.home")).toRealPath();
        Optional<Path> withAotCache;
        try (Stream<Path> siblings = Files.list(running.getParent())) {
            withAotCache = siblings.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) >= FIRST_WITH_AOT_CACHE)
                    .max(Comparator.comparingInt(LauncherIT::feature));
        }
        return Stream.of(Named.of("JDK " + feature(running), running),
                Named.of("JDK " + FIRST_WITH_AOT_CACHE + " or newer", withAotCache.orElse(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aCurrentCacheIsUsedAStaleOneNeverAndABuildRemakesIt(Path javaHome) throws Exception {
        assumeTrue(javaHome != null, "no JDK " + FIRST_WITH_AOT_CACHE + " or newer is installed beside " + System.getProperty("java.home"));
        String kind = feature(javaHome) >= FIRST_WITH_AOT_CACHE ? ".aot" : ".jsa";

        Path cache = train(javaHome);
        assertTrue(cache.toString().endsWith(kind), "JDK " + feature(javaHome) + " gets a " + kind + " cache: " + cache);
        assertTrue(sharedGalleyClasses(javaHome, "warm") > 100, "a build after training loads Galley's classes from the cache");

        FileTime before = Files.getLastModifiedTime(cache);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));  // a rebuilt jar
        assertEquals(0, sharedGalleyClasses(javaHome, "rebuilt"), "a jar newer than the cache is never run with it");
        cache = awaitCacheMadeAfter(before);
        assertTrue(cache.toString().endsWith(kind), cache.toString());
        assertTrue(sharedGalleyClasses(javaHome, "remade") > 100, "the cache the stale build made in the background is used");

        before = Files.getLastModifiedTime(cache);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));  // an older jar copied in
        assertEquals(0, sharedGalleyClasses(javaHome, "older"), "a jar replaced since the cache was made is never run with it");
        cache = awaitCacheMadeAfter(before);
        assertTrue(sharedGalleyClasses(javaHome, "remade-again") > 100, "and a build remakes the cache for it");

        // Not this JVM's (as a cache of another build of the JDK), yet newer than the jar and the JDK. (A truncated
        // archive crashes JDK 17, so the launcher never leaves a partial one: it renames a finished one into place.)
        assertTrue(cache.toFile().setWritable(true), "the JVM makes its caches read-only");
        try (FileChannel file = FileChannel.open(cache, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(8), 0);
        }
        assertEquals(0, sharedGalleyClasses(javaHome, "unusable"), "an unusable cache is ignored, silently, and the build still runs");
    }

    private static Path train(Path javaHome) throws Exception {
        FileTime before = FileTime.from(Instant.now().minusSeconds(1));
        Path log = root.resolve("train-" + feature(javaHome) + ".log");
        assertEquals(0, galley(javaHome, List.of("train"), log, Map.of()), Files.readString(log));
        return cacheMadeAfter(before).orElseThrow(() -> new AssertionError("training made no cache: " + readOrEmpty(log)));
    }

    /** Builds the sample content through the launcher and counts Galley's classes the JVM took from the cache. */
    private static long sharedGalleyClasses(Path javaHome, String run) throws Exception {
        String name = run + "-" + feature(javaHome);
        Path classLog = root.resolve(name + "-classes.log");
        Path output = root.resolve(name + ".log");
        int status = galley(javaHome, List.of("build", root.resolve("content").toString(), "--out", root.resolve("site-" + name).toString()),
                output, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog));
        String printed = Files.readString(output);
        assertEquals(0, status, printed);
        assertTrue(printed.contains("10 published"), printed);
        assertFalse(printed.contains("[cds") || printed.contains("[aot"), "the cache's own messages are not the user's: " + printed);
        try (Stream<String> lines = Files.lines(classLog)) {
            return lines.filter(line -> line.contains(" dev.galley.") && line.contains("shared objects file")).count();
        }
    }

    private static int galley(Path javaHome, List<String> args, Path output, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("galley").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the launcher did not end: " + args);
        return process.exitValue();
    }

    /** Waits for the training run that a build without a current cache starts in the background. */
    private static Path awaitCacheMadeAfter(FileTime time) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Optional<Path> cache = cacheMadeAfter(time);
        while (cache.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            cache = cacheMadeAfter(time);
        }
        return cache.orElseThrow(() -> new AssertionError("no build remade the cache within two minutes"));
    }

    private static Optional<Path> cacheMadeAfter(FileTime time) throws IOException {
        if (!Files.isDirectory(caches)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(caches)) {
            return files.filter(path -> path.toString().endsWith(".aot") || path.toString().endsWith(".jsa"))
                    .filter(path -> modified(path).compareTo(time) > 0).max(Comparator.comparing(LauncherIT::modified));
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);  // removed meanwhile by a training run
        }
    }

    /** The feature release a JDK's {@code release} file names (JAVA_VERSION="25.0.3"), 0 when it has none. */
    private static int feature(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> Runtime.Version.parse(line.substring("JAVA_VERSION=".length()).replace("\"", "")).feature())
                    .findFirst().orElse(0);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
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
