package dev.galley.article.internal;

import dev.galley.article.internal.html.Srcset;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * A body for feed readers, which show it away from its page: every URL attribute the Markdown renderer writes is
 * resolved against the page's absolute URL, as the page itself would resolve it. Done while rendering, so that a
 * body without raw HTML reaches the feed without a second HTML parse (and without loading jsoup).
 */
public final class AbsoluteUrls implements AttributeProvider {

    /** The attributes that hold one URL; {@code srcset} holds several. */
    public static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster");

    private final URI page;

    AbsoluteUrls(URI page) {
        this.page = page;
    }

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        for (String name : URL_ATTRIBUTES) {
            attributes.computeIfPresent(name, (key, url) -> resolve(page, url));
        }
        attributes.computeIfPresent("srcset", (key, value) -> Srcset.mapUrls(value, url -> resolve(page, url)));
    }

    /** {@code url} resolved against {@code base}; one that is empty or no URI stays as it is. */
    public static String resolve(URI base, String url) {
        if (url.isBlank()) {
            return url; // a link the Markdown renderer dropped (javascript:) stays empty, not a link to the page
        }
        try {
            return base.resolve(new URI(url.strip())).toString();
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
