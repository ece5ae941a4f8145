package dev.galley.article.internal;

import dev.galley.article.ImageSize;
import dev.galley.article.ImageSizes;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown images of a body, made ready to render after {@link MediaLinks#resolve}: each image from the
 * site's media learns its size, so the page does not jump as it loads; every image but the first loads lazily;
 * and an image from another site, which the site's content security policy ({@code img-src 'self' data:}) would
 * block, becomes a link to it with its alt text, so the reader can still open it, and the author is told.
 */
public final class BodyImages {

    private final ImageSizes sizes;
    private final Map<String, Optional<ImageSize>> byKey = new HashMap<>();
    private final Map<Node, ImageSize> known = new IdentityHashMap<>();
    private final List<String> remote = new ArrayList<>();
    private String first;

    private BodyImages(ImageSizes sizes) {
        this.sizes = sizes;
    }

    public static BodyImages prepare(Node document, ImageSizes sizes) {
        BodyImages images = new BodyImages(sizes);
        List<Image> all = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                all.add(image);
                visitChildren(image);
            }
        });
        all.forEach(images::prepare);
        return images;
    }

    private void prepare(Image image) {
        String destination = image.getDestination();
        if (isRemote(destination)) {
            remote.add(destination);
            // Inside a link (a badge linking to its project), the alt text alone: a link may not hold a link.
            Node replacement = insideLink(image) ? image : new Link(destination, image.getTitle());
            if (image.getFirstChild() == null) {
                image.appendChild(new Text(destination));
            }
            Node at = image;
            for (Node child = image.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                if (replacement == image) {
                    at.insertAfter(child);
                    at = child;
                } else {
                    replacement.appendChild(child);
                }
                child = next;
            }
            if (replacement != image) {
                image.insertAfter(replacement);
            }
            image.unlink();
            return;
        }
        if (first == null && !destination.isEmpty()) {
            first = destination;
        }
        String key = mediaKey(destination);
        if (key != null) {
            byKey.computeIfAbsent(key, sizes::of).ifPresent(size -> known.put(image, size));
        }
    }

    private static boolean insideLink(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Link) {
                return true;
            }
        }
        return false;
    }

    /** The size of a raw {@code <img>} from the site's media, asked once per image file. */
    public Optional<ImageSize> sizeOf(String src) {
        String key = mediaKey(src);
        return key == null ? Optional.empty() : byKey.computeIfAbsent(key, sizes::of);
    }

    /** The first image shown, as its {@code src} reads, or null. */
    public String first() {
        return first;
    }

    /** The first image shown, once raw HTML has been looked at too. */
    public void firstIfNone(String src) {
        if (first == null) {
            first = src;
        }
    }

    /** The other sites' image URLs that became links, in order. */
    public List<String> remote() {
        return remote;
    }

    /** Raw HTML's images from other sites, which became links too. */
    public void addRemote(String src) {
        remote.add(src);
    }

    /** An http(s) or scheme-relative URL: an image the site's content security policy would not load. */
    public static boolean isRemote(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("//");
    }

    /** The content key of an image published under {@code /media/}, or null for any other URL. */
    public static String mediaKey(String src) {
        String prefix = "/" + MediaLinks.MEDIA_ROOT;
        if (!src.startsWith(prefix) || src.contains("?") || src.contains("#")) {
            return null;
        }
        try {
            return URLDecoder.decode(src.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Sets {@code width} and {@code height} on images whose size is known, and {@code loading="lazy"} and
     * {@code decoding="async"} on every image after the first (the first is likely in view: it loads at once).
     *
     * @param lazy false when raw HTML follows, which is looked at afterwards in document order with its own images
     */
    public AttributeProvider attributes(boolean lazy) {
        return new AttributeProvider() {
            private boolean seenOne;

            @Override
            public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
                if (!(node instanceof Image)) {
                    return;
                }
                ImageSize size = known.get(node);
                if (size != null) {
                    attributes.put("width", Integer.toString(size.width()));
                    attributes.put("height", Integer.toString(size.height()));
                }
                if (lazy && seenOne) {
                    attributes.put("loading", "lazy");
                    attributes.put("decoding", "async");
                }
                seenOne = true;
            }
        };
    }
}
