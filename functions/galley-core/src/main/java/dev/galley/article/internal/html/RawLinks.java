package dev.galley.article.internal.html;

import dev.galley.article.internal.LinkRel;
import org.jsoup.nodes.Element;

/** The {@code rel} of every link of a body that holds raw HTML, as {@link LinkRel} has it. */
final class RawLinks {

    private RawLinks() {
    }

    static void apply(Element body, LinkRel rel) {
        for (Element link : body.select("a[href]")) {
            String merged = rel.merged(link.attr("href"), link.attr("rel"));
            if (merged.isEmpty()) {
                link.removeAttr("rel");
            } else {
                link.attr("rel", merged);
            }
        }
    }
}
