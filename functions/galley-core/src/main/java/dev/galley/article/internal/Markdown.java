package dev.galley.article.internal;

import dev.galley.article.ImageSizes;
import dev.galley.article.internal.html.RawHtml;
import dev.galley.article.internal.templates.EmbedRenderer;
import dev.galley.site.SiteConfig;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.net.URI;
import java.util.List;

/**
 * The one commonmark configuration: CommonMark plus GFM tables, strikethrough, autolinks, task lists,
 * footnotes; headings get ids and self-links ({@link Headings}). Parser and renderers are immutable and thread-safe once built, so one of each
 * serves every article. Raw HTML in a body is kept and then cleaned by {@link RawHtml}; a body without any is
 * rendered by a renderer that would escape it, so the sanitizer (jsoup) is loaded only for articles that need it. Players and figures from
 * template tags are rendered by {@link EmbedRenderer}.
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

    /**
     * Built for each body, since links and images take attributes of their article and site ({@link LinkRel},
     * {@link BodyImages}); building one costs some 10 µs (measured in a C1-only JVM), little beside the parse. Only http, https and mailto
     * links survive (javascript: and data: URLs become empty). The escaping renderer takes bodies found to hold no
     * raw HTML, so that a raw node the search missed would still come out as text.
     */
    private static HtmlRenderer renderer(boolean escapeHtml, LinkRel links, BodyImages images, URI page) {
        HtmlRenderer.Builder builder = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(escapeHtml)
                .sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .nodeRendererFactory(CodeBlockRenderer::new)
                .nodeRendererFactory(Headings.Renderer::new)
                .nodeRendererFactory(EmbedRenderer::new)
                .attributeProviderFactory(context -> new AccessibleAttributes())
                .attributeProviderFactory(context -> new LinkAttributes(links))
                .attributeProviderFactory(context -> images.attributes(escapeHtml));
        if (page != null) {
            builder.attributeProviderFactory(context -> new AbsoluteUrls(page));  // last: after the others set their URLs
        }
        return builder.build();
    }

    /**
     * A rendered body.
     *
     * @param firstImage   the {@code src} of the first image it shows, or null
     * @param remoteImages the URLs of images from other sites, which became links
     */
    public record Body(String html, String firstImage, List<String> remoteImages) {
    }

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

    /**
     * The body of an article at {@code sourceKey} of {@code site}, run after {@link MediaLinks#resolve}.
     *
     * @param page the page's absolute URL to make every URL absolute against (a feed's body), or null
     */
    public static Body render(Node document, String sourceKey, SiteConfig site, ImageSizes sizes, URI page) {
        LinkRel links = new LinkRel(site.baseUrl(), site.externalLinkRel());
        BodyImages images = BodyImages.prepare(document, sizes);
        // With raw HTML, the sanitizer makes the URLs absolute last: an image of the site's media rendered absolute
        // before it would look like another site's image to it, and become a link.
        String html = hasRawHtml(document)
                ? RawHtml.sanitize(renderer(false, links, images, null).render(document), sourceKey, site.embedHosts(),
                        site.text().get("embeddedVideo"), images, links, page)
                : renderer(true, links, images, page).render(document);
        return new Body(html, images.first(), List.copyOf(images.remote()));
    }

    /** A body outside any article: relative media links resolve from the content root, the default site's rules apply. */
    public static String render(Node document) {
        return render(document, "", SiteConfig.defaults(), ImageSizes.NONE, null).html();
    }

    /** How many tags the body's raw HTML holds, counted by their opening {@code <}: what sanitizing it costs. */
    public static int rawHtmlTags(Node document) {
        int[] tags = {0};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                tags[0] += count(block.getLiteral());
            }

            @Override
            public void visit(HtmlInline inline) {
                tags[0] += count(inline.getLiteral());
            }

            private int count(String html) {
                return (int) html.chars().filter(c -> c == '<').count();
            }
        });
        return tags[0];
    }

    private static boolean hasRawHtml(Node document) {
        boolean[] found = {false};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                found[0] = true;
            }

            @Override
            public void visit(HtmlInline html) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
