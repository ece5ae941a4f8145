package dev.galley.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * An article body as feed readers need it: they show it away from the site, so every relative URL is made
 * absolute against the article's own URL (where the page resolves it). jsoup is used here and nowhere else,
 * so only rendering a feed loads it.
 */
final class FeedContent {

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster");

    private FeedContent() {
    }

    static String absolute(String bodyHtml, URI pageUrl) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            for (String name : URL_ATTRIBUTES) {
                if (element.hasAttr(name)) {
                    element.attr(name, resolve(pageUrl, element.attr(name)));
                }
            }
            if (element.hasAttr("srcset")) {
                element.attr("srcset", srcset(pageUrl, element.attr("srcset")));
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

    /** Resolves each candidate of {@code "a.png 1x, b.png 2x"}, parsed as the HTML standard does (URLs may hold commas). */
    private static String srcset(URI base, String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return out.toString();
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            String url = value.substring(start, i);
            String descriptors = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                start = i;
                int depth = 0;
                while (i < n && (value.charAt(i) != ',' || depth > 0)) {
                    depth += value.charAt(i) == '(' ? 1 : value.charAt(i) == ')' ? -1 : 0;
                    i++;
                }
                descriptors = value.substring(start, i).strip();
            }
            out.append(out.length() == 0 ? "" : ", ").append(resolve(base, url)).append(descriptors.isEmpty() ? "" : " " + descriptors);
        }
    }
}
