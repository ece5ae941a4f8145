package dev.galley.benchmarks.migration;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The language of every fenced code block in a Markdown source: the first word of its info string. */
final class FenceLanguages {

    private static final Parser PARSER = Parser.builder().build();

    private FenceLanguages() {
    }

    /** One entry per fence, in order, lower-cased; an empty string for a fence that names no language. */
    static List<String> of(String markdown) {
        List<String> languages = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                languages.add(info.isEmpty() ? "" : info.split("\\s+", 2)[0].toLowerCase(Locale.ROOT));
            }
        });
        return languages;
    }
}
