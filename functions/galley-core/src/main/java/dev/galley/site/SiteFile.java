package dev.galley.site;

import java.util.Arrays;

/**
 * One file of the finished site.
 *
 * @param path relative to the site root, without a leading slash, e.g. {@code articles/x/index.html}
 */
public record SiteFile(String path, byte[] bytes, ContentKind kind) {

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteFile f && f.path.equals(path) && f.kind == kind && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SiteFile[" + path + ", " + bytes.length + " bytes, " + kind + "]";
    }
}
