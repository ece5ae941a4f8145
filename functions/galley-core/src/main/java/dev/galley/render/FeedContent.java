package dev.galley.render;

import dev.galley.article.internal.html.Srcset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An article body as feed readers need it: they show it away from the site, so every relative URL is made
 * absolute against the article's own URL (where the page resolves it). jsoup is loaded only here and to clean
 * an article's raw HTML, so most uploads never load it. One instance serves all the feeds of one rendering and
 * parses each body once, however many feeds show it (the Atom feed and the two copies of the RSS feed).
 */
final class FeedContent {

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster");

    private record Body(String html, URI pageUrl) {
    }

    private final Map<Body, String> absolute = new ConcurrentHashMap<>();

    String absolute(String bodyHtml, URI pageUrl) {
        Body body = new Body(bodyHtml, pageUrl);
        String done = absolute.get(body);
        if (done == null) {
            done = absoluteUrls(bodyHtml, pageUrl);
            absolute.put(body, done);
        }
        return done;
    }

    private static String absoluteUrls(String bodyHtml, URI pageUrl) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            for (String name : URL_ATTRIBUTES) {
                if (element.hasAttr(name)) {
                    element.attr(name, resolve(pageUrl, element.attr(name)));
                }
            }
            if (element.hasAttr("srcset")) {
                element.attr("srcset", Srcset.mapUrls(element.attr("srcset"), url -> resolve(pageUrl, url)));
            }
        }
        return document.body().html();
    }

    private static String resolve(URI base, String url) {
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
