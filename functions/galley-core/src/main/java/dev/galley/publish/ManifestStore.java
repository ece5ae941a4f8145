package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.util.Map;
import java.util.Optional;

/** The site's state: reads the manifest, and commits the next one (the only conditional write Galley makes). */
final class ManifestStore {

    /** A manifest as read, with the stored version a commit is conditional on (empty before the first commit). */
    record Snapshot(Manifest value, Optional<SiteStore.Version> version) {
    }

    private final SiteStore site;

    ManifestStore(SiteStore site) {
        this.site = site;
    }

    Snapshot read() {
        return site.read(ManifestCodec.PATH)
                .map(stored -> new Snapshot(ManifestCodec.read(stored.bytes()), Optional.of(stored.version())))
                .orElseGet(() -> new Snapshot(Manifest.EMPTY, Optional.empty()));
    }

    /**
     * Writes the manifest if nobody changed it since {@code base} was read: the guard against a second writer.
     *
     * @throws CommitRefusedException when somebody did
     */
    void commit(Snapshot base, Manifest next) {
        try {
            site.write(new SiteFile(ManifestCodec.PATH, ManifestCodec.write(next), ContentKind.INTERNAL_JSON), Map.of(),
                    SiteStore.Condition.of(base.version()));
        } catch (WriteConflictException e) {
            throw new CommitRefusedException(ManifestCodec.PATH);
        }
    }
}
