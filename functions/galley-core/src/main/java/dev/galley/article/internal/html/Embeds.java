package dev.galley.article.internal.html;

import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Iframes from the site's embed hosts, over https, each sandboxed, lazy and titled; every other iframe is removed.
 * A YouTube embed URL is moved to YouTube's privacy-enhanced host when the site allows that host.
 */
final class Embeds {

    private static final String SANDBOX = "allow-scripts allow-same-origin allow-presentation";
    private static final String YOUTUBE_NOCOOKIE = "www.youtube-nocookie.com";
    private static final Set<String> YOUTUBE = Set.of("www.youtube.com", "youtube.com");

    private Embeds() {
    }

    /** @param defaultTitle the title of a frame whose author gave none, "Embedded video" in the site's language */
    static void confine(Element body, List<String> hosts, String defaultTitle) {
        for (Element frame : body.select("iframe")) {
            String src = allowedSource(frame.attr("src"), hosts);
            if (src == null) {
                frame.remove();
                continue;
            }
            String width = frame.attr("width");
            String height = frame.attr("height");
            String title = frame.attr("title").isBlank() ? defaultTitle : frame.attr("title").strip();
            frame.clearAttributes();
            frame.empty();  // fallback content, which browsers never parse as markup
            frame.attr("src", src);
            if (!width.isEmpty()) {
                frame.attr("width", width);
            }
            if (!height.isEmpty()) {
                frame.attr("height", height);
            }
            frame.attr("title", title).attr("loading", "lazy").attr("sandbox", SANDBOX).attr("allowfullscreen", true);
        }
    }

    /** The URL to frame, or null when {@code src} is not https on one of {@code hosts}. */
    static String allowedSource(String src, List<String> hosts) {
        URI uri;
        try {
            uri = new URI(src.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getPort() != -1) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (YOUTUBE.contains(host) && path.startsWith("/embed/") && hosts.contains(YOUTUBE_NOCOOKIE)) {
            return "https://" + YOUTUBE_NOCOOKIE + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return hosts.contains(host) ? uri.toASCIIString() : null;
    }
}
