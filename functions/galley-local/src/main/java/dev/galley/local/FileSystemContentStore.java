package dev.galley.local;

import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Articles in a local folder, for the local build. Statuses are kept in memory for the build's report. */
public final class FileSystemContentStore implements ContentStore {

    /**
     * How much older than its read a file's modification time must be for the time to tell that a later write changed
     * it: a write in the same tick of the file system's clock (coarse on some, 2 s on FAT) leaves the time as it was.
     */
    static final Duration CLOCK_TICK = Duration.ofSeconds(2);

    private final Path root;
    private final Map<String, PublishStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** A file as {@link #read} found it: its size and modification time just before, and the ETag of the bytes. */
    private record Seen(long size, FileTime modified, Instant readAt, String etag) {

        boolean stillHolds(BasicFileAttributes now) {
            return now.size() == size && now.lastModifiedTime().equals(modified)
                    && modified.toInstant().isBefore(readAt.minus(CLOCK_TICK));
        }
    }

    public FileSystemContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<SourceFile> read(String key) {
        try {
            Path path = LocalPaths.resolve(root, key);
            Instant readAt = Instant.now();
            BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(READ_LIMIT);
            }
            String etag = LocalPaths.etag(bytes);
            seen.put(key, new Seen(before.size(), before.lastModifiedTime(), readAt, etag));
            return Optional.of(new SourceFile(key, bytes, etag));
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

    /**
     * Reads again only the files whose size or modification time changed since {@link #read} (or that were modified
     * too shortly before it to tell): a build asks for every ETag once it is done, to publish again what was edited
     * meanwhile, and hashing the whole folder a second time was a serial tail of the build.
     */
    @Override
    public Map<String, String> etags() {
        Map<String, String> etags = new HashMap<>();
        for (String key : list()) {
            Seen before = seen.get(key);
            BasicFileAttributes now = before == null ? null : attributes(key);
            if (now != null && before.stillHolds(now)) {
                etags.put(key, before.etag());
            } else {
                read(key).ifPresent(file -> etags.put(key, file.etag()));
            }
        }
        return etags;
    }

    /** @return null when the file is gone */
    private BasicFileAttributes attributes(String key) {
        try {
            return Files.readAttributes(LocalPaths.resolve(root, key), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
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
