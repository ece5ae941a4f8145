package dev.galley.local;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a content folder (and its subfolders) and reports the keys of changed files, a short moment after
 * the last change, so that an editor's save-rename-delete dance becomes one change.
 */
final class ContentWatcher implements AutoCloseable {

    private static final long SETTLE_MILLIS = 150;

    private final Path root;
    private final WatchService watcher;
    private final Thread thread;

    ContentWatcher(Path root, Consumer<Set<String>> onChange) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(this.root);
        this.thread = new Thread(() -> loop(onChange), "galley-preview-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<Set<String>> onChange) {
        try {
            while (true) {
                Set<String> changed = new LinkedHashSet<>();
                WatchKey key = watcher.take();
                while (key != null) {
                    collect(key, changed);
                    key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                }
                changed.removeIf(LocalPaths::isHidden);
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void collect(WatchKey key, Set<String> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (Files.isDirectory(path)) {
                try {
                    registerTree(path);
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(Files::isRegularFile).forEach(f -> changed.add(keyOf(f)));
                    }
                } catch (IOException e) {
                    // the folder went away again
                }
            } else {
                changed.add(keyOf(path));
            }
        }
        key.reset();
    }

    private String keyOf(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
