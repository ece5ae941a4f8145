package dev.galley.article.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The text of inline Markdown with its formatting dropped, inline HTML tags included (the text between them stays),
 * for summaries, meta descriptions, heading ids and the table of contents.
 */
final class PlainText extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();
    private final boolean withImageText;

    private PlainText(boolean withImageText) {
        this.withImageText = withImageText;
    }

    static String of(Node node) {
        PlainText visitor = new PlainText(true);
        node.accept(visitor);
        return visitor.text.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * A heading's text as GitHub slugs it: what a reader sees of it, spaces kept as written; an image's alt text
     * is not part of it there, so not here either.
     */
    static String forSlug(Node heading) {
        PlainText visitor = new PlainText(false);
        heading.accept(visitor);
        return visitor.text.toString();
    }

    @Override
    public void visit(Text node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(Image node) {
        if (withImageText) {
            visitChildren(node);
        }
    }
}
