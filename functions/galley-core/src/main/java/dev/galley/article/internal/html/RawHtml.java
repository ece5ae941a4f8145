package dev.galley.article.internal.html;

import dev.galley.article.internal.BodyImages;
import dev.galley.article.internal.LinkRel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.util.List;

/**
 * An article body with the author's raw HTML, cleaned by jsoup's {@link Cleaner}: what technical posts use stays
 * (tables, details, figures, pictures, video, keyboard keys, embeds from allowed hosts), and whatever could run
 * script, frame another page, post a form, restyle the page or change its base URL is removed, with every
 * comment. The whole body is cleaned, not each piece of raw HTML, because commonmark hands inline HTML over tag
 * by tag ({@code <sup>} and {@code </sup>} are two nodes); so the allow-list also holds everything our own
 * renderer writes, and the result is balanced: an author's {@code </article>} cannot close the page's.
 */
public final class RawHtml {

    /**
     * Relative URLs are checked as if resolved against this, then kept as written; it never reaches a page.
     * jsoup drops a relative URL it cannot resolve.
     */
    private static final String BASE_URI = "https://galley.invalid/";

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
                    "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd", "samp", "var", "abbr", "dfn",
                    "cite", "q", "time", "wbr", "span", "div", "section", "ul", "ol", "li", "dl", "dt", "dd", "a")
            .addTags("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
            .addTags("details", "summary", "figure", "figcaption", "img", "picture", "source", "video", "audio", "track",
                    "iframe", "input")
            .addAttributes(":all", "title", "lang", "dir")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            // Our own: heading self-links, footnote references and back-references.
            .addAttributes("a", "href", "rel", "id", "class", "aria-label", "data-footnote-ref", "data-footnote-backref",
                    "data-footnote-backref-idx")
            .addAttributes("section", "class", "data-footnotes")
            .addAttributes("li", "id")
            .addAttributes("ol", "start", "reversed", "type")
            .addAttributes("sup", "class")
            .addAttributes("div", "class", "align")
            .addAttributes("p", "align")
            .addAttributes("span", "class")
            .addAttributes("figure", "class")
            .addAttributes("code", "class")
            .addAttributes("pre", "tabindex", "class")
            .addAttributes("table", "tabindex")
            .addAttributes("th", "align", "colspan", "rowspan", "scope")
            .addAttributes("td", "align", "colspan", "rowspan")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("details", "open")
            .addAttributes("time", "datetime")
            .addAttributes("ins", "datetime")
            .addAttributes("del", "datetime")
            .addAttributes("img", "src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes", "align")
            .addAttributes("source", "src", "srcset", "sizes", "type", "media", "width", "height")
            .addAttributes("video", "src", "poster", "controls", "width", "height", "preload", "loop", "muted", "playsinline")
            .addAttributes("audio", "src", "controls", "preload", "loop", "muted")
            .addAttributes("track", "src", "kind", "srclang", "label", "default")
            .addAttributes("iframe", "src", "width", "height")
            // Task-list items; an author's input becomes the same harmless disabled checkbox.
            .addAttributes("input", "type", "checked", "disabled", "aria-label")
            .addEnforcedAttribute("input", "type", "checkbox")
            .addEnforcedAttribute("input", "disabled", "disabled")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("source", "src", "http", "https")
            .addProtocols("video", "src", "http", "https")
            .addProtocols("video", "poster", "http", "https")
            .addProtocols("audio", "src", "http", "https")
            .addProtocols("track", "src", "http", "https")
            .addProtocols("iframe", "src", "https")
            .preserveRelativeLinks(true);

    private RawHtml() {
    }

    /**
     * @param bodyHtml   the body as commonmark rendered it, raw HTML included
     * @param sourceKey  the article's file, against which relative media URLs resolve (see MediaLinks)
     * @param embedHosts the hosts an iframe may load from
     * @param frameTitle what an iframe without a title of its author's is called, for screen readers
     * @param images     the body's images, which learn the raw ones' sizes, first image and remote images
     * @param links      the rel each link gets
     * @param page       the page's absolute URL when every URL must be absolute (a feed's body), or null
     */
    public static String sanitize(String bodyHtml, String sourceKey, List<String> embedHosts, String frameTitle, BodyImages images, LinkRel links,
                                  URI page) {
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(bodyHtml, BASE_URI));
        Embeds.confine(clean.body(), embedHosts, frameTitle);
        MediaSources.resolve(clean.body(), sourceKey);
        RawImages.prepare(clean.body(), images);
        RawLinks.apply(clean.body(), links);
        if (page != null) {
            AbsoluteUrlAttributes.apply(clean.body(), page);
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
