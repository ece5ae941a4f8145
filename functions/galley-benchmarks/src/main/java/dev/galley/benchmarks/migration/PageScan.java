package dev.galley.benchmarks.migration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one built article page shows its reader: raw HTML or template tags that reached the page as text, its
 * code blocks and whether each is highlighted, and the images it links. Only text outside code counts: an
 * article about HTML or Liquid may show {@code <details>} or {@code {% raw %}} in a code block on purpose.
 */
final class PageScan {

    /** Tags an author writes as raw HTML in Markdown; seen in text, the page shows markup instead of using it. */
    static final Pattern RAW_HTML = Pattern.compile(
            "<!--|</?(?:details|summary|table|thead|tbody|tr|td|th|br|div|span|img|iframe|video|audio|source|picture"
                    + "|figure|figcaption|center|sup|sub|kbd|ul|ol|li|dl|dt|dd|hr|h[1-6]|blockquote|script|style|p|a)"
                    + "(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE);

    /**
     * Liquid ({@code {% x %}}, {@code {{ x }}}) and Hugo shortcodes ({@code {{< x >}}}, {@code {{% x %}}}). Written
     * without a space, {@code {{site.url}}} counts only when closed, so a map in prose, {@code {{a: 1}, {b: 2}}}, does not.
     */
    static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%|\\{\\{[<%\\s]|\\{\\{[\\w.$][^{}]*}}");

    /** Elements whose text is code, shown as written on purpose. */
    private static final Set<String> CODE = Set.of("pre", "code", "kbd", "samp", "script", "style", "template", "textarea");

    private static final int SNIPPET_WIDTH = 40;

    record CodeBlock(String language, boolean highlighted) {
    }

    /**
     * Markup or a template tag shown as text.
     *
     * @param token   what was matched, normalised: {@code <details}, {@code <!--}, <code>{%</code>, <code>{{&lt;</code>
     * @param snippet the text around it, for a reader of the report
     */
    record Visible(String token, String snippet) {
    }

    /**
     * @param rawHtml      each piece of text showing raw HTML, with a little context
     * @param templateTags each piece of text showing a template tag, with a little context
     * @param codeBlocks   every {@code <pre><code>} block, in page order
     * @param images       the {@code src} of every image, as written in the page
     */
    record Findings(List<Visible> rawHtml, List<Visible> templateTags, List<CodeBlock> codeBlocks, List<String> images) {
    }

    private PageScan() {
    }

    static Findings scan(String html) {
        Document page = Jsoup.parse(html);
        Element content = contentOf(page);
        List<Visible> rawHtml = new ArrayList<>();
        List<Visible> templateTags = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int insideCode;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && CODE.contains(element.normalName())) {
                    insideCode++;
                } else if (insideCode == 0 && node instanceof TextNode text) {
                    collect(RAW_HTML, text.getWholeText(), rawHtml);
                    collect(TEMPLATE_TAG, text.getWholeText(), templateTags);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && CODE.contains(element.normalName())) {
                    insideCode--;
                }
            }
        }, content);

        List<CodeBlock> codeBlocks = new ArrayList<>();
        for (Element code : content.select("pre > code")) {
            codeBlocks.add(new CodeBlock(languageOf(code), !code.select("span[class]").isEmpty()));
        }
        List<String> images = content.select("img[src]").eachAttr("src");
        return new Findings(rawHtml, templateTags, codeBlocks, images);
    }

    /** The article's own text, without the site's header, navigation and footer. */
    private static Element contentOf(Document page) {
        for (String selector : List.of(".article-body", "article", "main")) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return page.body();
    }

    private static String languageOf(Element code) {
        for (String name : code.classNames()) {
            if (name.startsWith("language-")) {
                return name.substring("language-".length()).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static void collect(Pattern pattern, String text, List<Visible> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int from = Math.max(0, matcher.start() - SNIPPET_WIDTH / 4);
            int to = Math.min(text.length(), matcher.start() + SNIPPET_WIDTH);
            into.add(new Visible(normalise(matcher.group()), text.substring(from, to).replaceAll("\\s+", " ").strip()));
        }
    }

    /** {@code </DIV} and {@code <div} are one kind of leak, as are {@code {{ x }}} and {@code {{x}}}. */
    private static String normalise(String token) {
        String lower = token.toLowerCase(Locale.ROOT).replace("</", "<");
        return lower.startsWith("{{") && !lower.startsWith("{{<") && !lower.startsWith("{{%") ? "{{" : lower;
    }
}
