package dev.galley.local;

import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Articles in a local folder, for the local build. Statuses are kept in memory for the build's report. */
public final class FileSystemContentStore implements ContentStore {

    private final Path root;
    private final Map<String, PublishStatus> statuses = new ConcurrentHashMap<>();

    public FileSystemContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<SourceFile> read(String key) {
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(LocalPaths.resolve(root, key))) {
                bytes = in.readNBytes(READ_LIMIT);
            }
            return Optional.of(new SourceFile(key, bytes, LocalPaths.etag(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public List<String> list() {
        return LocalPaths.listFiles(root).stream().filter(key -> !LocalPaths.isHidden(key)).toList();
    }

    @Override
    public void reportStatus(String key, PublishStatus status) {
        statuses.put(key, status);
    }

    public Map<String, PublishStatus> statuses() {
        return Map.copyOf(statuses);
    }
}
