package dev.galley.article.internal;

import dev.galley.article.TocEntry;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heading ids, self-links and the table of contents. Ids are given once, before rendering, by putting an
 * {@link Anchor} into each heading, so that the table of contents and the rendered headings cannot disagree.
 */
public final class Headings {

    /** Headings of these levels get a visible self-link. */
    private static final int FIRST_LINKED = 2;
    private static final int LAST_LINKED = 4;
    /** Headings of these levels go into the table of contents, the first level at its top. */
    private static final int FIRST_IN_TOC = 2;
    private static final int LAST_IN_TOC = 3;

    /** Carries a heading's id; renders nothing itself. */
    static final class Anchor extends CustomNode {
        final String id;

        Anchor(String id) {
            this.id = id;
        }
    }

    private Headings() {
    }

    /**
     * Gives every heading an id, unique in the document ({@link HeadingIds}), and returns the table of contents:
     * each h2 with the h3s after it as its children; an h3 before the first h2 stands at the top level.
     */
    public static List<TocEntry> assignIds(Node document) {
        HeadingIds ids = new HeadingIds();
        List<Heading> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
            }
        });
        List<TocEntry> listed = new ArrayList<>();
        for (Heading heading : headings) {
            String id = ids.next(PlainText.forSlug(heading));
            heading.prependChild(new Anchor(id));
            if (heading.getLevel() >= FIRST_IN_TOC && heading.getLevel() <= LAST_IN_TOC) {
                listed.add(new TocEntry(heading.getLevel(), id, PlainText.of(heading)));
            }
        }
        return nest(listed);
    }

    /** Puts each h3 under the h2 before it. */
    private static List<TocEntry> nest(List<TocEntry> listed) {
        List<TocEntry> toc = new ArrayList<>();
        int next = 0;
        while (next < listed.size()) {
            TocEntry entry = listed.get(next++);
            if (entry.level() == FIRST_IN_TOC) {
                int end = next;
                while (end < listed.size() && listed.get(end).level() > FIRST_IN_TOC) {
                    end++;
                }
                entry = new TocEntry(entry.level(), entry.id(), entry.text(), listed.subList(next, end));
                next = end;
            }
            toc.add(entry);
        }
        return toc;
    }

    /** Renders {@code <h2 id="x">Text <a class="anchor" href="#x">#</a></h2>}. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class, Anchor.class);
        }

        @Override
        public void render(Node node) {
            if (!(node instanceof Heading heading)) {
                return;
            }
            String tag = "h" + heading.getLevel();
            String id = heading.getFirstChild() instanceof Anchor anchor ? anchor.id : null;
            Map<String, String> attributes = new LinkedHashMap<>();
            if (id != null) {
                attributes.put("id", id);
            }
            html.line();
            html.tag(tag, context.extendAttributes(heading, tag, attributes));
            for (Node child = heading.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            if (id != null && heading.getLevel() >= FIRST_LINKED && heading.getLevel() <= LAST_LINKED) {
                html.raw(" ");
                Map<String, String> link = new LinkedHashMap<>();  // in a fixed order: output must be deterministic
                link.put("class", "anchor");
                link.put("href", "#" + id);
                link.put("aria-label", "Link to this section");
                html.tag("a", context.extendAttributes(heading, "a", link));
                html.text("#");
                html.tag("/a");
            }
            html.tag("/" + tag);
            html.line();
        }
    }
}
