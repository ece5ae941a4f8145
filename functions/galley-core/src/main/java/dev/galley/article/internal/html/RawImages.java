package dev.galley.article.internal.html;

import dev.galley.article.internal.BodyImages;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The images of a body that holds raw HTML, Markdown's and the author's {@code <img>} alike, in document order,
 * as {@link BodyImages} treats Markdown's: a size for each image from the site's media that has none, lazy
 * loading after the first, and an image from another site becomes a link to it (or its alt text inside a link).
 * An author's own {@code width}, {@code height} and {@code loading} are kept.
 */
final class RawImages {

    private RawImages() {
    }

    static void prepare(Element body, BodyImages images) {
        boolean seenOne = false;
        for (Element img : body.select("img")) {
            String src = img.attr("src");
            if (BodyImages.isRemote(src)) {
                images.addRemote(src);
                replaceWithLink(img, src);
                continue;
            }
            images.firstIfNone(src);
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                images.sizeOf(src).ifPresent(size -> img.attr("width", Integer.toString(size.width()))
                        .attr("height", Integer.toString(size.height())));
            }
            if (seenOne && !img.hasAttr("loading")) {
                img.attr("loading", "lazy");
            }
            if (seenOne && !img.hasAttr("decoding")) {
                img.attr("decoding", "async");
            }
            seenOne = true;
        }
        for (Element source : body.select("picture > source[srcset]")) {
            if (BodyImages.isRemote(source.attr("srcset"))) {
                images.addRemote(source.attr("srcset"));
                source.remove();
            }
        }
    }

    private static void replaceWithLink(Element img, String src) {
        String text = img.attr("alt").isBlank() ? src : img.attr("alt");
        Element picture = img.parent() != null && img.parent().tagName().equals("picture") ? img.parent() : img;
        if (img.parents().stream().anyMatch(parent -> parent.tagName().equals("a"))) {
            picture.replaceWith(new TextNode(text));
        } else {
            Element link = new Element("a").attr("href", src).text(text);
            picture.replaceWith(link);
        }
    }
}
