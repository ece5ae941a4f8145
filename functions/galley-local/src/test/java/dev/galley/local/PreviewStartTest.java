package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The preview started as an author starts it, on a folder of real articles: once it prints the site's address,
 * every article page answers, and is the page {@code build} writes for the same folder; so it is once the start
 * has filled the buckets and the site is served from the site bucket.
 */
class PreviewStartTest {

    private static final Path SAMPLE = Path.of("../../content");
    private static final Pattern SITE = Pattern.compile("^\\s*site:\\s+(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern BUILT = Pattern.compile("^built\\s+\\S.* -> (/articles/\\S+)$");
    private static final Pattern RELOAD_SCRIPT = Pattern.compile("<script src=\"/_preview/reload.js\"></script>");
    private static final int COPIES = 6;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyArticlePageAnswersOnceThePreviewSaysItIsReady(@TempDir Path dir) throws Exception {
        Path content = sampleWithCopies(dir.resolve("content"));
        Path built = dir.resolve("built");
        List<String> pages = build(content, built);
        assertFalse(pages.size() < 50, "the folder publishes some 60 articles: " + pages.size());

        String java = ProcessHandle.current().info().command().orElse("java");
        Process preview = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "preview", "--port", "0", content.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            BlockingQueue<String> printed = linesOf(preview);
            URI site = URI.create(awaitLine(printed, SITE).group(1));
            assertEveryPageIsTheBuilds(site, pages, built, "while the start fills the buckets");
            awaitLine(printed, Pattern.compile("^Edit files in"));
            assertEveryPageIsTheBuilds(site, pages, built, "from the site bucket");
        } finally {
            preview.destroy();
            preview.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void assertEveryPageIsTheBuilds(URI site, List<String> pages, Path built, String when) throws Exception {
        assertEquals(200, get(site).statusCode(), "the home page " + when);
        for (String page : pages) {
            HttpResponse<String> response = get(site.resolve(page));
            assertEquals(200, response.statusCode(), page + " " + when);
            String expected = Files.readString(built.resolve(page.substring(1)).resolve("index.html"));
            assertEquals(expected, RELOAD_SCRIPT.matcher(response.body()).replaceAll(""), page + " is the page the build writes, " + when);
        }
    }

    /** The repository's sample articles, each also under {@value #COPIES} other names (other slugs, same text). */
    private static Path sampleWithCopies(Path content) throws IOException {
        Files.createDirectories(content.resolve("copies"));
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = content.resolve(SAMPLE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                String name = file.getFileName().toString();
                if (name.endsWith(".md") && file.getParent().equals(SAMPLE)) {
                    for (int copy = 1; copy <= COPIES; copy++) {
                        Files.copy(file, content.resolve("copies/" + copy + "-" + name));
                    }
                }
            }
        }
        return content;
    }

    /** Builds the folder with the build command and returns every article page it wrote. */
    private static List<String> build(Path content, Path out) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Main.run(new String[] {"build", content.toString(), "--out", out.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> pages = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher built = BUILT.matcher(line);
            if (built.matches()) {
                pages.add(built.group(1));
            }
        }
        return pages;
    }

    /** Every line the preview prints, as it prints it. */
    private static BlockingQueue<String> linesOf(Process preview) {
        BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(preview.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    printed.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return printed;
    }

    private static Matcher awaitLine(BlockingQueue<String> printed, Pattern pattern) throws InterruptedException {
        for (String line; (line = printed.poll(3, TimeUnit.MINUTES)) != null; ) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("the preview printed no line like " + pattern);
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }
}
