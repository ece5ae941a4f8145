package dev.galley;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh class loader over the test class path that records every class asked of it, for tests that check
 * what a code path loads (a Lambda pays for every class it loads at cold start).
 */
public final class RecordingClassLoader extends URLClassLoader {

    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    public RecordingClassLoader() {
        super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        requested.add(name);
        return super.loadClass(name, resolve);
    }

    /** Every class name asked of this loader so far. */
    public Set<String> requested() {
        return requested;
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(path -> {
            try {
                return new File(path).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}
