package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, driven by {@code src/test/browser/pages.mjs} with puppeteer-core from npm. Where no Chromium
 * (or no node and npm) is found, the browser tests are skipped with a notice naming what is missing. The browser
 * is {@code $GALLEY_CHROMIUM}, else the first of chromium, chromium-browser, google-chrome on the PATH.
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Path SCRIPTS = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "browser");
    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium installed;
    private static boolean noticePrinted;

    private final Path chromium;
    private final Path node;

    private HeadlessChromium(Path chromium, Path node) {
        this.chromium = chromium;
        this.node = node;
    }

    /** What a machine has for the browser tests: the three programs, or why they cannot run. */
    record Tools(Optional<Path> chromium, Optional<Path> node, Optional<Path> npm, String missing) {
    }

    static Tools find(Map<String, String> env) {
        String pathVariable = env.getOrDefault("PATH", "");
        Optional<Path> node = onPath(pathVariable, "node");
        Optional<Path> npm = onPath(pathVariable, "npm");
        String override = env.get("GALLEY_CHROMIUM");
        Optional<Path> chromium;
        String missing = null;
        if (override != null && !override.isBlank()) {
            chromium = Optional.of(Path.of(override)).filter(Files::isExecutable);
            if (chromium.isEmpty()) {
                missing = "GALLEY_CHROMIUM=" + override + " is not an executable file";
            }
        } else {
            chromium = BROWSER_NAMES.stream().map(name -> onPath(pathVariable, name)).flatMap(Optional::stream).findFirst();
            if (chromium.isEmpty()) {
                missing = "no Chromium: none of " + String.join(", ", BROWSER_NAMES)
                        + " is on the PATH and GALLEY_CHROMIUM is not set (Debian: apt-get install chromium)";
            }
        }
        if (missing == null && (node.isEmpty() || npm.isEmpty())) {
            missing = "no " + (node.isEmpty() ? "node" : "npm") + " on the PATH to install puppeteer-core and axe-core from npm";
        }
        return new Tools(chromium, node, npm, missing);
    }

    private static Optional<Path> onPath(String pathVariable, String name) {
        return Arrays.stream(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * The browser, with the npm packages installed once per run; null, after a one-line notice in the build
     * output, when the machine lacks what the browser tests need (then {@link #assumeAvailable()} skips each test).
     */
    static synchronized HeadlessChromium orNull() throws IOException, InterruptedException {
        Tools tools = find(System.getenv());
        if (tools.missing() != null) {
            if (!noticePrinted) {
                System.out.println("[browser tests] SKIPPED: " + tools.missing());
                noticePrinted = true;
            }
            return null;
        }
        if (installed == null) {
            installPackages(tools.npm().orElseThrow());
            installed = new HeadlessChromium(tools.chromium().orElseThrow(), tools.node().orElseThrow());
            System.out.println("[browser tests] using " + installed.chromium);
        }
        return installed;
    }

    /** Skips the calling test, saying why, where the browser tests cannot run. */
    static void assumeAvailable() {
        String missing = find(System.getenv()).missing();
        assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
    }

    /** Runs {@code npm ci} into target/browser unless that lock file is already installed there. */
    private static void installPackages(Path npm) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (java.util.stream.Stream<Path> scripts = Files.list(SCRIPTS)) {  // the npm files and every script, such as search.mjs
            for (Path file : scripts.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".mjs")).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path stamp = WORK.resolve("node_modules").resolve(".galley-installed-lock.json");
        byte[] lock = Files.readAllBytes(WORK.resolve("package-lock.json"));
        if (Files.exists(stamp) && Arrays.equals(lock, Files.readAllBytes(stamp))) {
            return;
        }
        Path log = WORK.resolve("npm-ci.log");
        ProcessBuilder ci = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefer-offline")
                .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        ci.environment().put("PUPPETEER_SKIP_DOWNLOAD", "true");
        Process process = ci.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci in " + WORK.toAbsolutePath() + " failed:\n" + Files.readString(log));
        }
        Files.write(stamp, lock);
    }

    /**
     * Loads pages as {@code config} says (see pages.mjs) and returns its report, also kept for reading in
     * {@code target/browser/<name>-report.json}; the browser profile goes to {@code scratch}.
     */
    JsonNode run(String name, Map<String, Object> config, Path scratch) throws IOException, InterruptedException {
        return run("pages.mjs", name, config, scratch);
    }

    /** The same with another script of {@code src/test/browser}, such as {@code search.mjs}. */
    JsonNode run(String script, String name, Map<String, Object> config, Path scratch) throws IOException, InterruptedException {
        Map<String, Object> full = new HashMap<>(config);
        full.put("chromium", chromium.toString());
        full.put("userDataDir", scratch.resolve("chromium-profile").toAbsolutePath().toString());
        Path configFile = WORK.resolve(name + "-config.json");
        Path out = WORK.resolve(name + "-report.json");
        Path err = WORK.resolve(name + "-stderr.txt");
        JSON.writeValue(configFile.toFile(), full);
        Process process = new ProcessBuilder(node.toString(), WORK.resolve(script).toAbsolutePath().toString(),
                configFile.toAbsolutePath().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the browser run took over 3 minutes:\n" + Files.readString(err));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the browser run failed with status " + process.exitValue() + ":\n" + Files.readString(err));
        }
        return JSON.readTree(out.toFile());
    }
}
