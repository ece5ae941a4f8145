package dev.galley.article.internal;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders fenced code with its file name: a fence {@code ```sql title="x.sql"} becomes a figure whose
 * caption is the file name, the way the code-sample card shows it. The code is highlighted by its language, and
 * keeps a {@code language-X} class also when X is not a language we highlight. Mermaid diagrams stay source.
 */
final class CodeBlockRenderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    CodeBlockRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock block = (FencedCodeBlock) node;
        FenceInfo info = FenceInfo.parse(block.getInfo());
        html.line();
        if (info.isMermaid()) {
            diagram(block);
            return;
        }
        if (info.hasTitle()) {
            html.tag("figure", Map.of("class", "code-block"));
            html.tag("figcaption");
            html.text(info.title());
            html.tag("/figcaption");
        }
        Map<String, String> codeAttributes = new LinkedHashMap<>();
        if (!info.language().isEmpty()) {
            codeAttributes.put("class", "language-" + info.language());
        }
        html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
        html.tag("code", context.extendAttributes(block, "code", codeAttributes));
        HighlightedCode.write(info.language(), block.getLiteral(), html);
        html.tag("/code");
        html.tag("/pre");
        if (info.hasTitle()) {
            html.tag("/figure");
        }
        html.line();
    }

    /** Mermaid's own convention, {@code <pre class="mermaid">}, with the source as escaped text. */
    private void diagram(FencedCodeBlock block) {
        html.tag("pre", context.extendAttributes(block, "pre", Map.of("class", "mermaid")));
        html.text(block.getLiteral());
        html.tag("/pre");
        html.line();
    }
}
