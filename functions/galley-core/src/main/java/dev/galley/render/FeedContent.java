package dev.galley.render;

import dev.galley.article.internal.html.AbsoluteUrlAttributes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An article body as feed readers need it: they show it away from the site, so every relative URL is made
 * absolute against the article's own URL (where the page resolves it). For bodies rendered for their page; the
 * upload handler's feeds take bodies the parser made absolute ({@code ArticleParser.parseWithAbsoluteUrls}) and
 * use {@link #NONE}, so jsoup is loaded only for raw HTML. One instance serves all the feeds of one rendering and
 * parses each body once, however many feeds show it (the Atom feed and the two copies of the RSS feed).
 */
class FeedContent {

    /** For bodies whose URLs are absolute already. */
    static final FeedContent NONE = new FeedContent() {
        @Override
        String absolute(String bodyHtml, URI pageUrl) {
            return bodyHtml;
        }
    };

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
        AbsoluteUrlAttributes.apply(document.body(), pageUrl);
        return document.body().html();
    }
}
