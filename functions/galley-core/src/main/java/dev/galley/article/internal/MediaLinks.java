package dev.galley.article.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Points relative image links at the published copy of the image. An image uploaded beside an article, say
 * {@code posts/diagram.png} next to {@code posts/hello.md}, is published at {@code /media/posts/diagram.png},
 * so {@code ![Diagram](diagram.png)} in the article must become that path: the page itself lives at
 * {@code /articles/<slug>/}, where the relative link would not resolve.
 */
public final class MediaLinks {

    /** Where uploaded images go in the site. */
    public static final String MEDIA_ROOT = "media/";

    private MediaLinks() {
    }

    public static void resolve(Node document, String sourceKey) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String resolved = resolve(image.getDestination(), sourceKey);
                if (resolved != null) {
                    image.setDestination(resolved);
                }
                visitChildren(image);
            }
        });
    }

    /** The site URL of a relative image link, or null to leave the link as the author wrote it. */
    public static String resolve(String destination, String sourceKey) {
        if (destination.isEmpty() || destination.startsWith("/") || destination.startsWith("#") || destination.contains(":")
                || destination.contains("?")) {
            return null;
        }
        String path = URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
        int slash = sourceKey.lastIndexOf('/');
        String folder = slash < 0 ? "" : sourceKey.substring(0, slash + 1);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : (folder + path).split("/")) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return null;  // above the content root: nothing of ours is there
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            return null;
        }
        try {
            return new URI(null, null, "/" + MEDIA_ROOT + String.join("/", segments), null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
