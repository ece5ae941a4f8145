package dev.galley.article.internal.html;

import dev.galley.article.internal.AbsoluteUrls;
import org.jsoup.nodes.Element;

import java.net.URI;

/** {@link AbsoluteUrls} for HTML that jsoup holds: a body with raw HTML, or a stored body rendered for its page. */
public final class AbsoluteUrlAttributes {

    private AbsoluteUrlAttributes() {
    }

    public static void apply(Element body, URI page) {
        for (Element element : body.getAllElements()) {
            for (String name : AbsoluteUrls.URL_ATTRIBUTES) {
                if (element.hasAttr(name)) {
                    element.attr(name, AbsoluteUrls.resolve(page, element.attr(name)));
                }
            }
            if (element.hasAttr("srcset")) {
                element.attr("srcset", Srcset.mapUrls(element.attr("srcset"), url -> AbsoluteUrls.resolve(page, url)));
            }
        }
    }
}
