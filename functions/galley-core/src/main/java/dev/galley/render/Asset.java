package dev.galley.render;

import dev.galley.site.AssetPaths;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file of ours shipped in the jar, such as the stylesheet, published fingerprinted under {@code assets/}
 * ({@code style.css} is {@code assets/style.1a2b3c4d5e.css}): see {@link AssetPaths}.
 */
final class Asset {

    private Asset() {
    }

    /** @param resource a resource next to this class, named {@code name.extension} */
    static SiteFile load(String resource, ContentKind kind) {
        byte[] bytes = read(resource);
        int dot = resource.lastIndexOf('.');
        return new SiteFile(AssetPaths.fingerprinted(resource.substring(0, dot), resource.substring(dot), bytes), bytes, kind);
    }

    private static byte[] read(String name) {
        try (InputStream in = Asset.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
