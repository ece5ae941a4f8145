package dev.galley.article.internal.templates;

import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes video players and figures through commonmark's writer, which escapes every attribute and text, and
 * through the renderer's URL sanitizer, as Markdown links and images are. Players are sandboxed and load
 * only when scrolled to.
 */
public final class EmbedRenderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public EmbedRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(VideoEmbed.class, FigureEmbed.class);
    }

    @Override
    public void render(Node node) {
        html.line();
        if (node instanceof VideoEmbed video) {
            video(video);
        } else {
            figure((FigureEmbed) node);
        }
        html.line();
    }

    private void video(VideoEmbed video) {
        Map<String, String> frame = new LinkedHashMap<>();
        frame.put("src", video.playerUrl);
        frame.put("title", video.title);
        frame.put("loading", "lazy");
        frame.put("sandbox", "allow-scripts allow-same-origin allow-presentation");
        frame.put("allowfullscreen", "");
        html.tag("div", Map.of("class", "embed"));
        html.tag("iframe", frame);
        html.tag("/iframe");
        html.tag("/div");
    }

    private void figure(FigureEmbed figure) {
        html.tag("figure");
        boolean linked = !figure.link.isEmpty();
        if (linked) {
            html.tag("a", context.extendAttributes(figure, "a", Map.of("href", url(context.urlSanitizer()::sanitizeLinkUrl, figure.link))));
        }
        Map<String, String> image = new LinkedHashMap<>();
        image.put("src", url(context.urlSanitizer()::sanitizeImageUrl, figure.src));
        image.put("alt", figure.alt);
        image.put("loading", "lazy");
        if (!figure.width.isEmpty()) {
            image.put("width", figure.width);
        }
        if (!figure.height.isEmpty()) {
            image.put("height", figure.height);
        }
        html.tag("img", context.extendAttributes(figure, "img", image), true);
        if (linked) {
            html.tag("/a");
        }
        if (!figure.caption.isEmpty()) {
            html.tag("figcaption");
            html.text(figure.caption);
            html.tag("/figcaption");
        }
        html.tag("/figure");
    }

    private String url(java.util.function.UnaryOperator<String> sanitizer, String url) {
        return context.encodeUrl(context.shouldSanitizeUrls() ? sanitizer.apply(url) : url);
    }
}
