package dev.galley.article.internal;

import dev.galley.article.Author;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Author names as front matter gives them, parsed as Markdown: a link's text is the name and its URL the
 * author's page; commas outside links separate authors.
 */
public final class AuthorText {

    private AuthorText() {
    }

    /** Every author in text like {@code [Jane Doe](https://jane.dev), John Roe}, in order. */
    public static List<Author> split(String markdown) {
        return read(markdown, true);
    }

    /** The one author an item of a front matter list names (commas are part of the name), or null when blank. */
    public static Author single(String markdown) {
        List<Author> found = read(markdown, false);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Author> read(String markdown, boolean splitAtCommas) {
        Reader reader = new Reader(splitAtCommas);
        Markdown.parse(markdown).accept(reader);
        reader.endAuthor();
        return List.copyOf(reader.authors);
    }

    private static final class Reader extends AbstractVisitor {
        private final boolean splitAtCommas;
        private final List<Author> authors = new ArrayList<>();
        private final StringBuilder name = new StringBuilder();
        private String url;

        Reader(boolean splitAtCommas) {
            this.splitAtCommas = splitAtCommas;
        }

        @Override
        public void visit(Text node) {
            String literal = node.getLiteral();
            if (!splitAtCommas) {
                name.append(literal);
                return;
            }
            String[] parts = literal.split(",", -1);
            name.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                endAuthor();
                name.append(parts[i]);
            }
        }

        @Override
        public void visit(Link node) {
            if (url == null) {
                url = webUrl(node.getDestination());
            }
            name.append(PlainText.of(node));  // a comma in a link's text is part of the name
        }

        @Override
        public void visit(Code node) {
            name.append(node.getLiteral());
        }

        @Override
        public void visit(HtmlInline node) {
            name.append(node.getLiteral());
        }

        @Override
        public void visit(HtmlBlock node) {
            name.append(node.getLiteral());
            endAuthor();
        }

        @Override
        public void visit(SoftLineBreak node) {
            name.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            name.append(' ');
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            endAuthor();
        }

        private void endAuthor() {
            String clean = name.toString().replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                authors.add(new Author(clean, url));
            }
            name.setLength(0);
            url = null;
        }

        /** The URL when it is an absolute http or https URL with a host, else null. */
        private static String webUrl(String destination) {
            try {
                URI uri = new URI(destination);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? destination : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
