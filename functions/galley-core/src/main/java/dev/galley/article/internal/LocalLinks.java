package dev.galley.article.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links and images of a body that point into the site itself: root-relative paths ({@code /blog/2023/x/},
 * {@code /media/posts/a.png}) and absolute URLs on the site's own host, as migrated posts write links to their
 * old site. Each is a path from the site root, without query or fragment, so a full re-render can check it
 * against what the site holds.
 */
public final class LocalLinks extends AbstractVisitor {

    private final URI base;
    private final Set<String> paths = new LinkedHashSet<>();

    private LocalLinks(URI base) {
        this.base = base;
    }

    /** Run after {@link MediaLinks#resolve}, so that images already carry their published path. */
    public static List<String> of(Node document, URI baseUrl) {
        LocalLinks visitor = new LocalLinks(baseUrl);
        document.accept(visitor);
        return List.copyOf(visitor.paths);
    }

    @Override
    public void visit(Link link) {
        add(link.getDestination());
        visitChildren(link);
    }

    @Override
    public void visit(Image image) {
        add(image.getDestination());
        visitChildren(image);
    }

    private void add(String destination) {
        URI uri;
        try {
            uri = new URI(destination);
        } catch (URISyntaxException e) {
            return;  // not a URL a reader can follow to our site either
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            return;
        }
        if (uri.getScheme() == null && uri.getAuthority() == null && path.startsWith("/")) {
            paths.add(path);
        } else if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(base.getHost()) && path.startsWith(base.getPath())) {
            paths.add("/" + path.substring(base.getPath().length()));
        }
    }
}
