package dev.galley.local;

import dev.galley.publish.DraftLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local build's and the preview's draft key: made once, at the first draft, and kept, so links survive restarts. */
class LocalDraftKeyTest {

    @TempDir
    Path state;

    @Test
    void theKeyIsMadeAtTheFirstDraftOnlyAndKeptForTheOwner() throws Exception {
        Path file = state.resolve(".galley/draft-key");
        DraftLinks links = LocalDraftKey.links(file);
        assertFalse(Files.exists(file), "no draft met, no key made");

        links.path("posts/budget.md");

        byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
        assertEquals(32, key.length);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var stray = Files.list(file.getParent())) {
            assertEquals(1, stray.count(), "nothing left of the write aside");
        }
    }

    @Test
    void aDraftKeepsItsLinkAcrossRestartsAndEachFolderHasItsOwnKey() {
        Path file = state.resolve("draft-key");
        String first = LocalDraftKey.links(file).path("posts/budget.md");
        assertEquals(first, LocalDraftKey.links(file).path("posts/budget.md"), "a restart reads the same key");
        assertArrayEquals(LocalDraftKey.readOrCreate(file), LocalDraftKey.readOrCreate(file));
        assertNotEquals(first, LocalDraftKey.links(state.resolve("other/draft-key")).path("posts/budget.md"));
    }

    @Test
    void aDamagedKeyIsReportedWithWhatToDo() throws Exception {
        Path file = state.resolve("draft-key");
        Files.writeString(file, "not base64 at all!");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalDraftKey.readOrCreate(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()) && e.getMessage().contains("delete it"), e.getMessage());
    }
}
