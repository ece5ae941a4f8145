package dev.galley.article.internal.templates;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Blocks Galley renders itself (players, figures) travel through the Markdown parser as a paragraph holding one
 * word that the body does not contain; after parsing, that paragraph is swapped for the block. A word that
 * did not end up alone in a paragraph (an embed inside a table cell or raw HTML, say) is dropped, and counted so
 * that the author hears of it.
 */
final class Placeholders {

    private static final String WORD = "galleyembed";

    private final String body;
    private final Map<String, Block> blocks = new HashMap<>();
    private String prefix;

    Placeholders(String body) {
        this.body = body;
    }

    /** The word that stands for {@code block} in the Markdown. */
    String add(Block block) {
        if (prefix == null) {
            prefix = unusedWord();
        }
        String key = prefix + blocks.size() + "z";
        blocks.put(key, block);
        return key;
    }

    /**
     * {@code galleyembed}, a number that never follows that word in the body, and {@code q}: a word the body
     * lacks, found in one pass and short however the body is made.
     */
    private String unusedWord() {
        Set<String> numbers = new HashSet<>();
        for (int at = body.indexOf(WORD); at >= 0; at = body.indexOf(WORD, at + WORD.length())) {
            int end = at + WORD.length();
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            numbers.add(body.substring(at + WORD.length(), end));
        }
        int number = 0;
        while (numbers.contains(Integer.toString(number))) {
            number++;
        }
        return WORD + number + "q";
    }

    /** @return how many blocks found no paragraph of their own, and were dropped */
    int swap(Node document) {
        if (blocks.isEmpty()) {
            return 0;
        }
        List<Paragraph> alone = new ArrayList<>();
        List<Text> strays = new ArrayList<>();
        List<HtmlBlock> strayBlocks = new ArrayList<>();
        List<HtmlInline> strayInlines = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Node only = paragraph.getFirstChild();
                if (only instanceof Text text && only.getNext() == null && blocks.containsKey(text.getLiteral())) {
                    alone.add(paragraph);
                } else {
                    visitChildren(paragraph);
                }
            }

            @Override
            public void visit(Text text) {
                if (text.getLiteral().contains(prefix)) {
                    strays.add(text);
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                if (html.getLiteral().contains(prefix)) {
                    strayBlocks.add(html);
                }
            }

            @Override
            public void visit(HtmlInline html) {
                if (html.getLiteral().contains(prefix)) {
                    strayInlines.add(html);
                }
            }
        });
        for (Paragraph paragraph : alone) {
            paragraph.insertAfter(blocks.get(((Text) paragraph.getFirstChild()).getLiteral()));
            paragraph.unlink();
        }
        for (Text text : strays) {
            text.setLiteral(withoutKeys(text.getLiteral()));
        }
        strayBlocks.forEach(html -> html.setLiteral(withoutKeys(html.getLiteral())));
        strayInlines.forEach(html -> html.setLiteral(withoutKeys(html.getLiteral())));
        return blocks.size() - alone.size();
    }

    private String withoutKeys(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, from)) {
            int end = at + prefix.length();
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            boolean isKey = end > at + prefix.length() && end < text.length() && text.charAt(end) == 'z';
            kept.append(text, from, isKey ? at : end);
            from = isKey ? end + 1 : end;
        }
        return kept.append(text, from, text.length()).toString();
    }
}
