package dev.galley.local;

import dev.galley.publish.PublishSchedule;
import dev.galley.publish.DraftLinks;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.publish.ForwardingSiteStore;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The content folder rendered by the local build into a scratch folder, before the preview's S3 server has even
 * started: the pages a reader sees in the first seconds, while the start uploads the folder and the handler's
 * re-render writes the same pages into the site bucket. Same pipeline, same pages; held articles get no wake-up
 * here (the bucket's re-render sets them).
 */
final class FirstRender implements SiteServer.Source, AutoCloseable {

    private final Path folder;
    private final KindsKept site;
    private final Rebuild.Report report;

    private FirstRender(Path folder, KindsKept site, Rebuild.Report report) {
        this.folder = folder;
        this.site = site;
        this.report = report;
    }

    /** Renders {@code content} into {@code scratch}, which is emptied first (a killed preview may have left it). */
    static FirstRender of(Path content, Path scratch, Clock clock, DraftLinks drafts) {
        deleteFolder(scratch);
        KindsKept site = new KindsKept(new FileSystemSiteStore(scratch));
        Rebuild.Report report = new Publisher(new FileSystemContentStore(content), site, clock, PublishSchedule.NONE, drafts).rebuild();
        return new FirstRender(scratch, site, report);
    }

    Rebuild.Report report() {
        return report;
    }

    @Override
    public Optional<SiteServer.Served> get(String key) {
        ContentKind kind = site.kinds.get(key);
        if (kind == null) {
            return Optional.empty();
        }
        return site.read(key).map(stored -> new SiteServer.Served(stored.bytes(), kind.contentType(), stored.version().metadata()));
    }

    /** Deletes the scratch folder; the bucket serves the site from now on. */
    @Override
    public void close() {
        deleteFolder(folder);
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }

    /** A folder store that remembers each written file's kind, which a file on disk does not carry. */
    private static final class KindsKept extends ForwardingSiteStore {
        private final Map<String, ContentKind> kinds = new ConcurrentHashMap<>();

        KindsKept(FileSystemSiteStore files) {
            super(files);
        }

        @Override
        public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
            Optional<String> etag = site.writeTellingEtag(file, metadata, condition);
            kinds.put(file.path(), file.kind());
            return etag;
        }

        @Override
        public void delete(String path) {
            site.delete(path);
            kinds.remove(path);
        }
    }
}
