package dev.galley.local;

import dev.galley.publish.SiteStore;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.SiteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The site as a folder of static files. Each file is written to a temporary file and moved into place, so no
 * reader ever sees half a file. Metadata lives only in memory, which is all a one-shot build needs.
 */
public final class FileSystemSiteStore implements SiteStore {

    private final Path root;
    private final Map<String, Map<String, String>> metadata = new ConcurrentHashMap<>();

    public FileSystemSiteStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Stored> read(String path) {
        try {
            byte[] bytes = Files.readAllBytes(LocalPaths.resolve(root, path));
            return Optional.of(new Stored(bytes, new Version(LocalPaths.etag(bytes), metadata.getOrDefault(path, Map.of()))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public Optional<Version> head(String path) {
        return read(path).map(Stored::version);
    }

    @Override
    public synchronized void write(SiteFile file, Map<String, String> meta, Condition condition) {
        Optional<Version> current = head(file.path());
        boolean holds = condition instanceof Condition.None
                || condition instanceof Condition.Absent && current.isEmpty()
                || condition instanceof Condition.Matches m && current.isPresent() && current.get().etag().equals(m.etag());
        if (!holds) {
            throw new WriteConflictException(file.path(), null);
        }
        Path target = LocalPaths.resolve(root, file.path());
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".galley-", ".tmp");
            Files.write(temporary, file.bytes());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            metadata.put(file.path(), Map.copyOf(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
    }

    @Override
    public synchronized void delete(String path) {
        try {
            Path target = LocalPaths.resolve(root, path);
            Files.deleteIfExists(target);
            metadata.remove(path);
            for (Path dir = target.getParent(); dir != null && !dir.equals(root) && isEmptyDirectory(dir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        return LocalPaths.listFiles(root).stream().filter(path -> path.startsWith(prefix)).toList();
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
