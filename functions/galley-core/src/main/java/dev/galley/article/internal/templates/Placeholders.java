package dev.galley.article.internal.templates;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Blocks Galley renders itself (players, figures) travel through the Markdown parser as a paragraph holding one
 * word that the body does not contain; after parsing, that paragraph is swapped for the block. A word that
 * did not end up alone in a paragraph (an embed inside a table cell, say) is dropped.
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

    /** {@code galleyembed} and one {@code x} more than ever follows it in the body: a word the body lacks. */
    private String unusedWord() {
        int longestRun = -1;
        for (int at = body.indexOf(WORD); at >= 0; at = body.indexOf(WORD, at + WORD.length())) {
            int run = 0;
            while (at + WORD.length() + run < body.length() && body.charAt(at + WORD.length() + run) == 'x') {
                run++;
            }
            longestRun = Math.max(longestRun, run);
        }
        return WORD + "x".repeat(longestRun + 1);
    }

    void swap(Node document) {
        if (blocks.isEmpty()) {
            return;
        }
        List<Paragraph> alone = new ArrayList<>();
        List<Text> strays = new ArrayList<>();
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
        });
        for (Paragraph paragraph : alone) {
            paragraph.insertAfter(blocks.get(((Text) paragraph.getFirstChild()).getLiteral()));
            paragraph.unlink();
        }
        Pattern key = Pattern.compile(Pattern.quote(prefix) + "\\d+z");
        for (Text text : strays) {
            text.setLiteral(key.matcher(text.getLiteral()).replaceAll(""));
        }
    }
}
