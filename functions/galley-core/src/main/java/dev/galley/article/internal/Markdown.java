package dev.galley.article.internal;

import dev.galley.article.internal.templates.EmbedRenderer;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * The one commonmark configuration: CommonMark plus GFM tables, strikethrough, autolinks, task lists,
 * footnotes; headings get ids and self-links ({@link Headings}). Parser and renderer are immutable and thread-safe once built, so one of each
 * serves every article. Players and figures from template tags are rendered by {@link EmbedRenderer}.
 */
public final class Markdown {

    /** The most table cells one article may hold; the tables extension refuses more. */
    public static final int MAX_TABLE_CELLS = 100_000;

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            FootnotesExtension.create());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    // Author text never runs script: raw HTML is shown as text, and only http, https and mailto links
    // survive (javascript: and data: URLs become empty).
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .nodeRendererFactory(CodeBlockRenderer::new)
            .nodeRendererFactory(Headings.Renderer::new)
            .nodeRendererFactory(EmbedRenderer::new)
            .attributeProviderFactory(context -> new AccessibleAttributes())
            .build();

    private Markdown() {
    }

    /**
     * Parses with each node's place in the input, for the template-tag pass that must know where code is. Built
     * on first use: only articles with template tags pay for it.
     *
     * @throws IllegalArgumentException when the tables hold more than {@link #MAX_TABLE_CELLS} cells
     */
    public static Node parseWithSourceSpans(String markdown) {
        return SpanParser.PARSER.parse(markdown);
    }

    private static final class SpanParser {
        static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    }

    /** @throws IllegalArgumentException when the tables hold more than {@link #MAX_TABLE_CELLS} cells */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    public static String render(Node document) {
        return RENDERER.render(document);
    }
}
