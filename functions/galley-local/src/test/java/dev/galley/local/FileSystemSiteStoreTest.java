package dev.galley.local;

import dev.galley.publish.SiteStore.Condition;
import dev.galley.publish.SiteStore.Version;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileSystemSiteStoreTest {

    private static SiteFile html(String path, String text) {
        return new SiteFile(path, text.getBytes(StandardCharsets.UTF_8), ContentKind.HTML);
    }

    @Test
    void mustRefuseAConditionalWriteOverAVersionItDidNotSee(@TempDir Path root) {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        store.write(html("index.html", "first"), Map.of("galley-revision", "1"), new Condition.Absent());
        Version first = store.head("index.html").orElseThrow();
        store.write(html("index.html", "second"), Map.of("galley-revision", "2"), new Condition.Matches(first.etag()));

        assertThrows(WriteConflictException.class,
                () -> store.write(html("index.html", "stale"), Map.of(), new Condition.Matches(first.etag())));
        assertThrows(WriteConflictException.class, () -> store.write(html("index.html", "new"), Map.of(), new Condition.Absent()));
        assertEquals("second", new String(store.read("index.html").orElseThrow().bytes(), StandardCharsets.UTF_8));
        assertEquals("2", store.head("index.html").orElseThrow().metadata().get("galley-revision"));
    }

    @Test
    void aFolderOfPagesIsNoObjectAsInS3(@TempDir Path root) {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        store.write(html("inside-rust/2023/01/30/cargo-sparse-protocol.html", "page"), Map.of(), new Condition.None());
        assertEquals(java.util.Optional.empty(), store.read("inside-rust"));
        assertEquals(java.util.Optional.empty(), store.head("inside-rust/2023"));
    }

    @Test
    void mustCheckConditionsAgainstFilesFromAnEarlierBuild(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.html"), "from yesterday");
        FileSystemSiteStore store = new FileSystemSiteStore(root);

        assertThrows(WriteConflictException.class, () -> store.write(html("index.html", "new"), Map.of(), new Condition.Absent()));
        String etag = store.head("index.html").orElseThrow().etag();
        store.write(html("index.html", "new"), Map.of(), new Condition.Matches(etag));
        assertEquals("new", Files.readString(root.resolve("index.html")));
    }

    @Test
    void mustLetExactlyOneOfManyConcurrentConditionalWritesWin(@TempDir Path root) throws Exception {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        AtomicInteger winners = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String text = "writer " + i;
                writes.add(pool.submit(() -> {
                    try {
                        store.write(html("_galley/manifest.json", text), Map.of(), new Condition.Absent());
                        winners.incrementAndGet();
                    } catch (WriteConflictException e) {
                        // lost the race, as all but one must
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, winners.get());
    }

    @Test
    void mustWriteEveryPageWhenManyThreadsWriteAndLeaveNoTemporaryFile(@TempDir Path root) throws Exception {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        IntStream.range(0, 200).parallel().forEach(i ->
                store.write(html("articles/a" + i + "/index.html", "page " + i), Map.of("galley-source", "a" + i + ".md"), new Condition.None()));

        assertEquals(200, store.list("articles/").size());
        assertEquals("page 17", Files.readString(root.resolve("articles/a17/index.html")));
        assertEquals("a17.md", store.head("articles/a17/index.html").orElseThrow().metadata().get("galley-source"));
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(200, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void mustListOnlyPathsUnderThePrefix(@TempDir Path root) {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        store.write(html("articles/a/index.html", "a"), Map.of(), new Condition.None());
        store.write(html("articles-old/b/index.html", "b"), Map.of(), new Condition.None());
        store.write(html("tags/x/index.html", "x"), Map.of(), new Condition.None());

        assertEquals(List.of("articles/a/index.html"), store.list("articles/"));
        assertEquals(List.of("articles-old/b/index.html", "articles/a/index.html"), store.list("articles"));
        assertEquals(3, store.list("").size());
    }

    /** A store over a new folder lists from memory what it wrote; one over a folder with files walks it: the same answer. */
    @Test
    void mustListFromMemoryWhatWalkingTheFolderWouldFind(@TempDir Path root) {
        FileSystemSiteStore fresh = new FileSystemSiteStore(root);
        for (String path : List.of("articles/a/index.html", "articles-old/b/index.html", "articles/c/index.html", "tags/x/index.html", "index.html")) {
            fresh.write(html(path, path), Map.of(), new Condition.None());
        }
        fresh.delete("articles/c/index.html");
        FileSystemSiteStore overEarlierBuild = new FileSystemSiteStore(root);

        for (String prefix : List.of("", "articles/", "articles", "tags/", "index.html", "media/")) {
            assertEquals(overEarlierBuild.list(prefix), fresh.list(prefix), "list(\"" + prefix + "\")");
        }
        assertEquals(List.of("articles-old/b/index.html", "articles/a/index.html"), fresh.list("articles"));
    }

    @Test
    void mustRemoveFoldersADeleteEmptied(@TempDir Path root) {
        FileSystemSiteStore store = new FileSystemSiteStore(root);
        store.write(html("articles/a/index.html", "a"), Map.of(), new Condition.None());
        store.delete("articles/a/index.html");

        assertEquals(List.of(), store.list(""));
        assertFalse(Files.exists(root.resolve("articles")));
    }
}
