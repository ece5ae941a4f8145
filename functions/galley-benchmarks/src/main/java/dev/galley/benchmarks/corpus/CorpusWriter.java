package dev.galley.benchmarks.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one corpus twice, byte for byte the same articles: as a Galley content folder and as a Hugo site with
 * the minimal templates kept beside this class (home and tag pages paginated by 20, article pages, the tag
 * list, 404, RSS and sitemap from Hugo's built-in templates).
 */
public final class CorpusWriter {

    public static final String SITE_YAML = """
            title: technical writing
            description: Generated articles for the side-by-side benchmark.
            baseUrl: https://galley.example.com/
            language: en
            timezone: UTC
            pageSize: 20
            """;

    /** Hugo template resources and where each goes in the Hugo site. */
    private static final Map<String, String> HUGO_FILES = Map.of(
            "config.toml", "config.toml",
            "baseof.html", "layouts/_default/baseof.html",
            "single.html", "layouts/_default/single.html",
            "term.html", "layouts/_default/term.html",
            "terms.html", "layouts/_default/terms.html",
            "entry.html", "layouts/partials/entry.html",
            "index.html", "layouts/index.html",
            "404.html", "layouts/404.html");

    private CorpusWriter() {
    }

    /** What was written: the two source folders and the corpus's total size. */
    public record Written(Path galleyContent, Path hugoSite, int articles, long bytes) {
    }

    /** Replaces {@code directory} with {@code galley/} (a content folder) and {@code hugo/} (a Hugo site). */
    public static Written write(Path directory, Corpus corpus, int articles) throws IOException {
        deleteTree(directory);
        Path galley = Files.createDirectories(directory.resolve("galley"));
        Path hugo = Files.createDirectories(directory.resolve("hugo"));
        Path hugoArticles = Files.createDirectories(hugo.resolve("content/articles"));
        Files.writeString(galley.resolve("site.yaml"), SITE_YAML);
        for (Map.Entry<String, String> file : HUGO_FILES.entrySet()) {
            Path target = hugo.resolve(file.getValue());
            Files.createDirectories(target.getParent());
            try (InputStream in = CorpusWriter.class.getResourceAsStream("/dev/galley/benchmarks/hugo/" + file.getKey())) {
                Files.copy(in, target);
            }
        }
        long bytes = 0;
        for (int i = 0; i < articles; i++) {
            Corpus.Article article = corpus.article(i);
            byte[] text = article.text().getBytes(StandardCharsets.UTF_8);
            Files.write(galley.resolve(article.fileName()), text);
            Files.write(hugoArticles.resolve(article.fileName()), text);
            bytes += text.length;
        }
        return new Written(galley, hugo, articles, bytes);
    }

    public static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
