package dev.galley.local;

import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

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
            byte[] bytes = Files.readAllBytes(LocalPaths.resolve(root, key));
            return Optional.of(new SourceFile(key, bytes, LocalPaths.etag(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public List<String> list() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .filter(key -> !LocalPaths.isHidden(key))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    @Override
    public void reportStatus(String key, PublishStatus status) {
        statuses.put(key, status);
    }

    public Map<String, PublishStatus> statuses() {
        return Map.copyOf(statuses);
    }
}
