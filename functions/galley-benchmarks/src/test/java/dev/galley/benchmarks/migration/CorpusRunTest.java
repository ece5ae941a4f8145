package dev.galley.benchmarks.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A corpus built by a stand-in for galley-local: a script printing the build's lines and writing one page. */
class CorpusRunTest {

    private static final String BUILD = """
            site=$4
            mkdir -p "$site/articles/hello" "$site/media/posts"
            cp "$2/posts/diagram.png" "$site/media/posts/diagram.png"
            cat > "$site/articles/hello/index.html" <<'HTML'
            <html><body><div class="article-body">
            <p><img src="/media/posts/diagram.png" alt="uploaded, published">
            <img src="/images/chart.png" alt="uploaded, linked where the old site had it">
            <img src="/images/gone.png" alt="in neither"><img src="https://example.com/x.png" alt="remote"></p>
            <p>&lt;details&gt;</p>
            <pre><code class="language-rust"><span class="tok-kw">fn</span> main() {}</code></pre>
            </div></body></html>
            HTML
            echo "built     posts/diagram.png -> /media/posts/diagram.png"
            echo "built     posts/hello.md -> /articles/hello/"
            echo "built     posts/vanished.md -> /articles/vanished/"
            echo "error     posts/broken.markdown:1: the file does not start with front matter: its first line must be ---" >&2
            echo "2 published, 0 drafts, 1 failed, 0 stale pages removed, in 5 ms -> $site"
            exit 1
            """;

    @TempDir
    Path temp;

    @Test
    void aCorpusIsCountedFromItsBuildAndItsPages() throws IOException, InterruptedException {
        Path corpus = temp.resolve("blog");
        write(corpus.resolve("site.yaml"), "title: Blog\n");
        write(corpus.resolve("posts/hello.md"), "---\ntitle: Hello\n---\n```rust\nfn main() {}\n```\n");
        write(corpus.resolve("posts/vanished.md"), "---\ntitle: Gone\n---\nIts page is missing.\n");
        write(corpus.resolve("posts/broken.markdown"), "\n---\ntitle: Broken\n---\n");
        write(corpus.resolve("posts/ignored.mdown"), "---\ntitle: Ignored\n---\n");
        write(corpus.resolve("posts/diagram.png"), "png");
        write(corpus.resolve("images/chart.png"), "png");
        write(corpus.resolve("images/logo.svg"), "<svg/>");
        Path script = write(temp.resolve("build.sh"), BUILD);

        CorpusResult result = new CorpusRun(List.of("sh", script.toString()), Duration.ofMinutes(1)).run(corpus, temp.resolve("site"));

        assertEquals(4, result.posts);
        assertEquals(2, result.published);
        assertEquals(List.of("posts/broken.markdown"), result.rejectedPosts.stream().map(BuildOutput.Problem::file).toList());
        assertEquals(1, result.pagesScanned);
        assertEquals(1, result.unreadable.size(), "a missing page is reported, and the others still read");
        assertEquals(List.of("posts/hello.md"), result.rawHtml.stream().map(CorpusResult.Leak::file).toList());
        assertEquals(1, result.language("rust").fences);
        assertEquals(1, result.language("rust").highlighted);
        assertEquals(3, result.imagesReferenced, "the remote image is not local");
        assertEquals(2, result.imagesUploaded);
        assertEquals(1, result.imagesResolved);
        assertEquals(List.of("posts/hello.md: /images/chart.png"), result.imagesBroken);
        assertEquals(List.of("posts/hello.md: /images/gone.png"), result.imagesMissing);
        assertEquals(List.of("posts/ignored.mdown"), result.postsUnmentioned);
        assertEquals(List.of("images/chart.png", "images/logo.svg"), result.unmentioned);
        assertEquals("", result.failure, "status 1 means some files failed, not the build");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
