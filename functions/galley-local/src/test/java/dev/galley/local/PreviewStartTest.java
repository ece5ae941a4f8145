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
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The preview started as an author starts it, on a folder of real articles: once it prints that it is ready,
 * every article page answers, and is the page {@code build} writes for the same folder.
 */
class PreviewStartTest {

    private static final Path SAMPLE = Path.of("../../content");
    private static final Pattern SITE = Pattern.compile("^\\s*site:\\s+(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern BUILT = Pattern.compile("^built\\s+\\S.* -> (/articles/\\S+)$");
    private static final Pattern RELOAD_SCRIPT = Pattern.compile("<script>new EventSource\\([^<]*</script>");
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
            URI site = awaitReady(preview);
            assertEquals(200, get(site).statusCode(), "the home page");
            for (String page : pages) {
                HttpResponse<String> response = get(site.resolve(page));
                assertEquals(200, response.statusCode(), page);
                String expected = Files.readString(built.resolve(page.substring(1)).resolve("index.html"));
                assertEquals(expected, RELOAD_SCRIPT.matcher(response.body()).replaceAll(""), page + " is the page the build writes");
            }
        } finally {
            preview.destroy();
            preview.waitFor(30, TimeUnit.SECONDS);
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

    /** The site's address, once the preview has printed its last ready line. */
    private static URI awaitReady(Process preview) throws InterruptedException {
        BlockingQueue<String> ready = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(preview.getInputStream(), StandardCharsets.UTF_8))) {
                String site = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    Matcher m = SITE.matcher(line);
                    if (m.find()) {
                        site = m.group(1);
                    }
                    if (line.startsWith("Edit files in") && site != null) {
                        ready.add(site);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        String site = ready.poll(3, TimeUnit.MINUTES);
        assertNotNull(site, "the preview printed no ready line");
        return URI.create(site);
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }
}
