package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the browser tests find their tools, and what they say when one is missing. */
class HeadlessChromiumTest {

    private static Path program(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @Test
    void mustTakeGalleyChromiumFirstThenTheFirstBrowserNameFoundOnThePath(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("bin");
        program(bin, "node");
        program(bin, "npm");
        Path chromiumBrowser = program(bin, "chromium-browser");
        Path chrome = program(dir.resolve("later"), "google-chrome");
        Path custom = program(dir.resolve("opt"), "my-chromium");
        String path = bin + ":" + dir.resolve("later");

        HeadlessChromium.Tools onPath = HeadlessChromium.find(Map.of("PATH", path));
        assertNull(onPath.missing());
        assertEquals(Optional.of(chromiumBrowser), onPath.chromium());
        assertEquals(Optional.of(chromiumBrowser), HeadlessChromium.find(Map.of("PATH", dir.resolve("later") + ":" + bin)).chromium(),
                "a name earlier in the list wins over a directory earlier on the PATH");
        assertEquals(Optional.of(chrome), HeadlessChromium.find(Map.of("PATH", dir.resolve("later") + ":" + dir.resolve("opt"))).chromium());
        assertEquals(Optional.of(custom), HeadlessChromium.find(Map.of("PATH", path, "GALLEY_CHROMIUM", custom.toString())).chromium());
    }

    @Test
    void mustNameWhatIsMissingSoTheSkipExplainsItself(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("bin");
        program(bin, "node");
        program(bin, "npm");
        Files.createFile(bin.resolve("chromium"));   // not executable

        assertEquals("no Chromium: none of chromium, chromium-browser, google-chrome is on the PATH and GALLEY_CHROMIUM is not set"
                + " (Debian: apt-get install chromium)", HeadlessChromium.find(Map.of("PATH", bin.toString())).missing());
        assertEquals("GALLEY_CHROMIUM=/nowhere/chromium is not an executable file",
                HeadlessChromium.find(Map.of("PATH", bin.toString(), "GALLEY_CHROMIUM", "/nowhere/chromium")).missing());

        Path browserOnly = dir.resolve("browser-only");
        program(browserOnly, "chromium");
        program(browserOnly, "node");
        assertEquals("no npm on the PATH to install puppeteer-core and axe-core from npm",
                HeadlessChromium.find(Map.of("PATH", browserOnly.toString())).missing());
    }
}
