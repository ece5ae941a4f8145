package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.PageScan.Visible;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static CorpusResult jekyllNews() {
        CorpusResult result = new CorpusResult("jekyll-news");
        result.repository = "jekyll/jekyll";
        result.commit = "202df571314ba1d18e9fccd81d12aaad4a703c38";
        result.posts = 102;
        result.published = 5;
        result.templateTags.add(new CorpusResult.Leak("_posts/2016-10-06-jekyll-3-3-is-here.md",
                List.of(new Visible("{{", "subject]({{ \"/docs/themes/#assets\" | relative_url"))));
        result.rawHtml.add(new CorpusResult.Leak("_posts/x.md", List.of(new Visible("<details", "<details> <summary>Math"))));
        return result;
    }

    @Test
    void theMarkdownSummaryHasOneRowPerCorpusWithItsShareOfPostsPublished() {
        String markdown = ReportWriter.write(List.of(jekyllNews()), true);

        assertTrue(markdown.contains("| jekyll-news | jekyll/jekyll @ 202df571314b | 102 | 5 (4.9%) |"), markdown);
    }

    @Test
    void quotedPageTextIsACodeSpanWithItsPipesEscapedSoTheTableShowsItAsText() {
        String markdown = ReportWriter.write(List.of(jekyllNews()), true);

        assertTrue(markdown.contains("| `<details` | 1 | `_posts/x.md: <details> <summary>Math` |"), markdown);
        assertTrue(markdown.contains("`_posts/2016-10-06-jekyll-3-3-is-here.md: subject]({{ \"/docs/themes/#assets\" \\| relative_url`"),
                markdown);
    }

    @Test
    void plainTextHasNoMarkdownSyntax() {
        String text = ReportWriter.write(List.of(jekyllNews()), false);

        assertTrue(text.contains("  jekyll-news  jekyll/jekyll @ 202df571314b  102    5 (4.9%)"), text);
        assertFalse(text.contains("| ---"), text);
        assertFalse(text.contains("`<details`"), text);
    }
}
