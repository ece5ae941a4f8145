package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a writer knows of the site holds only while the claim is its own, and only for writes that went through. */
class KnownSiteTest {

    private static final String PAGE = "articles/release-trains/index.html";
    private static final SiteFile HTML = new SiteFile(PAGE, "<h1>Release trains</h1>".getBytes(StandardCharsets.UTF_8), ContentKind.HTML);
    private static final Map<String, String> HASHED = Map.of(SiteWriter.CONTENT_HASH, SiteWriter.contentHash(HTML.bytes()));

    private final Recording store = new Recording(new InMemoryStores.Site());

    @Test
    void aWriterKnowsWhatItWroteUntilAnotherWriterClaimsTheSite() {
        KnownSite first = new KnownSite(store, Set.of());
        KnownSite second = new KnownSite(store, Set.of());
        first.begin();
        first.write(HTML, HASHED, new SiteStore.Condition.None());
        first.begin();
        assertEquals(Optional.of(KnownSite.Known.of(HASHED)), first.known(PAGE), "its own token: what it wrote holds");

        second.begin();
        second.delete(PAGE);
        first.begin();
        assertEquals(Optional.empty(), first.known(PAGE), "another writer's token: it forgot");
    }

    @Test
    void aWriteThatFailsLeavesThePathUnknown() {
        KnownSite site = new KnownSite(store, Set.of());
        site.begin();
        site.write(HTML, HASHED, new SiteStore.Condition.None());
        store.failWrites = true;
        assertThrows(StoreException.class, () -> site.write(HTML, Map.of(SiteWriter.CONTENT_HASH, "other"), new SiteStore.Condition.None()));
        assertEquals(Optional.empty(), site.known(PAGE), "the PUT may or may not have happened");
    }

    @Test
    void aDraftNoteNotInTheFolderIsKnownAbsentAfterOneListing() {
        store.write(new SiteFile(DraftPages.NOTES + "shared.md", "drafts/abc/".getBytes(StandardCharsets.UTF_8), ContentKind.INTERNAL_TEXT),
                Map.of(), new SiteStore.Condition.None());
        KnownSite site = new KnownSite(store, Set.of(DraftPages.NOTES));
        site.begin();
        store.asked.clear();

        assertTrue(site.read(DraftPages.NOTES + "a.md").isEmpty());
        assertTrue(site.read(DraftPages.NOTES + "b.md").isEmpty());
        assertTrue(site.read(DraftPages.NOTES + "shared.md").isPresent());
        assertEquals(List.of("read " + KnownSite.CLAIM, "list " + DraftPages.NOTES, "read " + DraftPages.NOTES + "shared.md"), store.asked);
    }

    @Test
    void aStoreThatKeepsNoHashesIsUsedAsItIsWithoutAClaim() {
        InMemoryStores.Site folder = new InMemoryStores.Site();
        KnownSite site = new KnownSite(new Recording(folder) {
            @Override
            public boolean skipsIdenticalWrites() {
                return false;
            }
        }, Set.of());
        site.begin();
        site.write(HTML, Map.of(), new SiteStore.Condition.None());
        assertFalse(folder.objects.containsKey(KnownSite.CLAIM));
        assertEquals(Optional.empty(), site.known(PAGE));
    }

    /** Records what is asked of a store, and fails its writes on demand. */
    private static class Recording extends ForwardingSiteStore {
        final List<String> asked = new ArrayList<>();
        boolean failWrites;

        Recording(SiteStore site) {
            super(site);
        }

        @Override
        public Optional<Stored> read(String path) {
            asked.add("read " + path);
            return site.read(path);
        }

        @Override
        public Optional<Version> head(String path) {
            asked.add("head " + path);
            return site.head(path);
        }

        @Override
        public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
            if (failWrites) {
                throw new StoreException("writing " + file.path() + " failed", true, null);
            }
            site.write(file, metadata, condition);
            return Optional.empty();  // as SiteStore's own write: no ETag told
        }

        @Override
        public List<String> list(String prefix) {
            asked.add("list " + prefix);
            return site.list(prefix);
        }
    }
}
