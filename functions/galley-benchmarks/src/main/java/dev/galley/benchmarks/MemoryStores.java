package dev.galley.benchmarks;

import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;
import dev.galley.publish.SiteStore;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.SiteFile;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Stores in memory with S3's semantics for what Galley asks (ETags, conditional writes), for sizes S3Proxy would take hours to hold. */
final class MemoryStores {

    private MemoryStores() {
    }

    static String etag(byte[] bytes) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Content implements ContentStore {
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();

        void put(String key, byte[] bytes) {
            files.put(key, bytes);
        }

        @Override
        public Optional<SourceFile> read(String key) {
            byte[] bytes = files.get(key);
            return bytes == null ? Optional.empty() : Optional.of(new SourceFile(key, bytes, etag(bytes)));
        }

        @Override
        public List<String> list() {
            return List.copyOf(files.keySet());
        }

        @Override
        public void reportStatus(String key, PublishStatus status) {
        }
    }

    static final class Site implements SiteStore {
        private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();

        @Override
        public Optional<Stored> read(String path) {
            return Optional.ofNullable(objects.get(path));
        }

        @Override
        public Optional<Version> head(String path) {
            return read(path).map(Stored::version);
        }

        @Override
        public synchronized void write(SiteFile file, Map<String, String> metadata, Condition condition) {
            Stored current = objects.get(file.path());
            boolean holds = condition instanceof Condition.None
                    || condition instanceof Condition.Absent && current == null
                    || condition instanceof Condition.Matches m && current != null && current.version().etag().equals(m.etag());
            if (!holds) {
                throw new WriteConflictException(file.path(), null);
            }
            objects.put(file.path(), new Stored(file.bytes(), new Version(etag(file.bytes()), Map.copyOf(metadata))));
        }

        @Override
        public void delete(String path) {
            objects.remove(path);
        }

        @Override
        public List<String> list(String prefix) {
            return List.copyOf(objects.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
        }
    }
}
