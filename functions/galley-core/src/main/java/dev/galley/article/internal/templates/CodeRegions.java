package dev.galley.article.internal.templates;

import dev.galley.article.internal.Markdown;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Markdown body that are code (fenced and indented blocks, code spans), found by commonmark
 * itself, so that code in lists, block quotes and footnotes counts too. Template tags there are text.
 * Queried with increasing positions, each query is amortised constant time.
 */
final class CodeRegions {

    private final int[] starts;
    private final int[] ends;
    private int next;

    private CodeRegions(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static CodeRegions none() {
        return new CodeRegions(new int[0], new int[0]);
    }

    static CodeRegions of(String markdown) {
        List<int[]> spans = new ArrayList<>();
        Markdown.parseWithSourceSpans(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                // a block line's span stops before the line's end; the newline is code too
                add(block.getSourceSpans(), 1);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                add(block.getSourceSpans(), 1);
            }

            @Override
            public void visit(Code code) {
                add(code.getSourceSpans(), 0);
            }

            private void add(List<SourceSpan> lines, int extra) {
                for (SourceSpan line : lines) {
                    spans.add(new int[] {line.getInputIndex(), line.getInputIndex() + line.getLength() + extra});
                }
            }
        });
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
        }
        return new CodeRegions(starts, ends);
    }

    /** The end of the code region that holds {@code position}, or {@code position} when it is not code. */
    int skip(int position) {
        while (next < starts.length && ends[next] <= position) {
            next++;
        }
        return next < starts.length && starts[next] <= position ? ends[next] : position;
    }

    /** Whether code starts after {@code from} and before {@code to}: a tag may not span into code. */
    boolean startsWithin(int from, int to) {
        for (int i = next; i < starts.length && starts[i] < to; i++) {
            if (starts[i] >= from) {
                return true;
            }
        }
        return false;
    }
}
