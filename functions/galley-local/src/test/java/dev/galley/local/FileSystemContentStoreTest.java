package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FileSystemContentStoreTest {

    private static final String POST = """
            ---
            title: "Zero-downtime migrations"
            date: 2026-03-02
            ---

            Expand, migrate, contract: three deploys, and no moment where the old code meets a schema it cannot read.
            """;

    @TempDir
    Path content;

    @Test
    void etagsAfterTheReadsAreTheEtagsOfTheBytesRead() throws IOException {
        Path post = write("posts/migrations.md", POST, Instant.now().minus(Duration.ofHours(1)));
        FileSystemContentStore store = new FileSystemContentStore(content);

        String etag = store.read("posts/migrations.md").orElseThrow().etag();

        assertEquals(LocalPaths.etag(Files.readAllBytes(post)), etag);
        assertEquals(Map.of("posts/migrations.md", etag), store.etags());
    }

    @Test
    void anEditAfterTheReadChangesTheEtagEvenAtTheSameSize() throws IOException {
        write("posts/migrations.md", POST, Instant.now().minus(Duration.ofHours(1)));
        FileSystemContentStore store = new FileSystemContentStore(content);
        String read = store.read("posts/migrations.md").orElseThrow().etag();

        String edited = POST.replace("three deploys", "three rollout");
        assertEquals(POST.length(), edited.length());
        write("posts/migrations.md", edited, Instant.now());

        String now = store.etags().get("posts/migrations.md");
        assertNotEquals(read, now);
        assertEquals(LocalPaths.etag(edited.getBytes(StandardCharsets.UTF_8)), now);
    }

    @Test
    void anEditInTheSameClockTickAsTheReadIsFoundByReadingAgain() throws IOException {
        // A file written just before the read: a second write in the same tick of the file system's clock keeps
        // the modification time and the size, and only the bytes tell.
        Instant tick = Instant.now();
        write("posts/migrations.md", POST, tick);
        FileSystemContentStore store = new FileSystemContentStore(content);
        String read = store.read("posts/migrations.md").orElseThrow().etag();

        String edited = POST.replace("Expand", "Extend");
        assertEquals(POST.length(), edited.length());
        write("posts/migrations.md", edited, tick);

        String now = store.etags().get("posts/migrations.md");
        assertNotEquals(read, now);
        assertEquals(LocalPaths.etag(edited.getBytes(StandardCharsets.UTF_8)), now);
    }

    @Test
    void filesAddedOrDeletedAfterTheReadsAreListedAsTheyAreNow() throws IOException {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        write("posts/migrations.md", POST, anHourAgo);
        write("posts/dashboards.md", POST.replace("migrations", "dashboards"), anHourAgo);
        FileSystemContentStore store = new FileSystemContentStore(content);
        store.read("posts/migrations.md");
        store.read("posts/dashboards.md");

        Files.delete(content.resolve("posts/dashboards.md"));
        write("posts/new.md", POST, Instant.now());

        assertEquals(Set.of("posts/migrations.md", "posts/new.md"), store.etags().keySet());
    }

    private Path write(String key, String text, Instant modified) throws IOException {
        Path path = content.resolve(key);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
