package dev.galley.article.internal;

import dev.galley.article.ReadingTime;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;

/** What one walk over a parsed body learns: reading time, the first paragraph, and the titled code blocks. */
public final class BodyFacts extends AbstractVisitor {

    /** A fenced block that has a file name, in document order. */
    public record TitledBlock(FenceInfo info, String code) {
    }

    private final ReadingTime readingTime = new ReadingTime();
    private final List<TitledBlock> titledBlocks = new ArrayList<>();
    private String firstParagraph;

    public static BodyFacts of(Node document) {
        BodyFacts facts = new BodyFacts();
        document.accept(facts);
        return facts;
    }

    @Override
    public void visit(Paragraph paragraph) {
        if (firstParagraph == null && paragraph.getParent() instanceof Document) {
            firstParagraph = PlainText.of(paragraph);
            if (firstParagraph.isBlank()) {
                firstParagraph = null;
            }
        }
        visitChildren(paragraph);
    }

    @Override
    public void visit(Text text) {
        readingTime.add(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        readingTime.add(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        readingTime.add(block.getLiteral());
    }

    @Override
    public void visit(FencedCodeBlock block) {
        readingTime.add(block.getLiteral());
        FenceInfo info = FenceInfo.parse(block.getInfo());
        if (info.hasTitle() && !info.isMermaid()) {
            titledBlocks.add(new TitledBlock(info, stripFinalNewline(block.getLiteral())));
        }
    }

    public ReadingTime readingTime() {
        return readingTime;
    }

    /** The first paragraph as plain text, or null when the body has none. */
    public String firstParagraph() {
        return firstParagraph;
    }

    public List<TitledBlock> titledBlocks() {
        return titledBlocks;
    }

    private static String stripFinalNewline(String code) {
        return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    }
}
