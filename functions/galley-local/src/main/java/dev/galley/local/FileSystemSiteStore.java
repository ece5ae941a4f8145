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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The site as a folder of static files. Each file is written to a temporary file and moved into place, so no
 * reader ever sees half a file. Metadata lives only in memory, which is all a one-shot build needs.
 *
 * <p>Writes run in parallel; a conditional write (the manifest's commit) checks and writes under one lock, so it
 * is atomic against every other conditional write, as on S3. Deletes, which also remove emptied folders, run alone. Files written here get a version number, remembered, instead of a checksum: checking
 * a condition then reads nothing back, and no MD5 runs over the site (its home page alone can be megabytes).
 * Files from an earlier build, not written by this store, get their MD5 as S3 would give it.
 */
public final class FileSystemSiteStore implements SiteStore {

    private final Path root;
    /** Version and metadata of each file this store wrote. */
    private final Map<String, Version> written = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Object conditionalWrites = new Object();
    private final ReadWriteLock folders = new ReentrantReadWriteLock();
    /**
     * The folder was missing or empty when the store was made, as for a build into a new folder: every file in it is then
     * one this store wrote, and a listing comes from memory instead of walking the 10,000 folders of a large site.
     */
    private final boolean startedEmpty;

    public FileSystemSiteStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.startedEmpty = isMissingOrEmpty(this.root);
    }

    @Override
    public Optional<Stored> read(String path) {
        try {
            Path file = LocalPaths.resolve(root, path);
            if (Files.isDirectory(file)) {
                return Optional.empty();  // as in S3, a folder of pages (2023/ under /:year/:slug/) is no object
            }
            byte[] bytes = Files.readAllBytes(file);
            Version known = written.get(path);
            return Optional.of(new Stored(bytes, known != null ? known : new Version(LocalPaths.etag(bytes), Map.of())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public Optional<Version> head(String path) {
        Version known = written.get(path);
        return known != null ? Optional.of(known) : read(path).map(Stored::version);
    }

    @Override
    public void write(SiteFile file, Map<String, String> meta, Condition condition) {
        folders.readLock().lock();
        try {
            if (condition instanceof Condition.None) {
                put(file, meta);
            } else {
                synchronized (conditionalWrites) {
                    if (!holds(condition, head(file.path()))) {
                        throw new WriteConflictException(file.path(), null);
                    }
                    put(file, meta);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        } finally {
            folders.readLock().unlock();
        }
    }

    private void put(SiteFile file, Map<String, String> meta) throws IOException {
        Path target = LocalPaths.resolve(root, file.path());
        Files.createDirectories(target.getParent());
        // One writer publishes, so one path is written by one thread at a time and the temporary name can be fixed;
        // createTempFile would serialise every writer on its shared random generator.
        Path temporary = target.resolveSibling("." + target.getFileName() + ".galley-tmp");
        Files.write(temporary, file.bytes());
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.put(file.path(), new Version("v" + writes.incrementAndGet(), Map.copyOf(meta)));
    }

    private static boolean holds(Condition condition, Optional<Version> current) {
        return condition instanceof Condition.Absent && current.isEmpty()
                || condition instanceof Condition.Matches m && current.isPresent() && current.get().etag().equals(m.etag());
    }

    @Override
    public void delete(String path) {
        folders.writeLock().lock();
        try {
            Path target = LocalPaths.resolve(root, path);
            Files.deleteIfExists(target);
            written.remove(path);
            for (Path dir = target.getParent(); dir != null && !dir.equals(root) && isEmptyDirectory(dir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        } finally {
            folders.writeLock().unlock();
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (startedEmpty) {
            return written.keySet().stream().filter(path -> path.startsWith(prefix)).sorted().toList();
        }
        // Walk only the folder the prefix names, not the whole site.
        int slash = prefix.lastIndexOf('/');
        String folder = prefix.substring(0, slash + 1);
        return LocalPaths.listFiles(folder.isEmpty() ? root : LocalPaths.resolve(root, folder)).stream()
                .map(path -> folder + path)
                .filter(path -> path.startsWith(prefix))
                .toList();
    }

    @Override
    public boolean skipsIdenticalWrites() {
        return false;
    }

    /**
     * A local disk answers at once, so a build's steps are CPU work: one thread a core, and one more for the moments a
     * thread waits on the disk; never more than S3's sixteen, the most measured. Sixteen on 2 cores made a
     * 1,000-article build 18 % slower, with 21 % more CPU time (docs/performance.md, {@code cores}).
     */
    @Override
    public int concurrentCalls() {
        return Math.min(Runtime.getRuntime().availableProcessors() + 1, DEFAULT_CONCURRENT_CALLS);
    }

    /** A folder with empty folders in it counts as not empty: a build over it walks it, as before. */
    private static boolean isMissingOrEmpty(Path dir) {
        try {
            return !Files.isDirectory(dir) || isEmptyDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
