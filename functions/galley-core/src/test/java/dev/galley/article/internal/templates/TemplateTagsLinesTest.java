package dev.galley.article.internal.templates;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Other passes name lines from commonmark's source positions in the expanded Markdown: tags written the usual
 * way, on lines of their own, must leave every line where it was in the file.
 */
class TemplateTagsLinesTest {

    @Test
    void tagsOnLinesOfTheirOwnKeepEveryLineInPlace() {
        String body = """
                Intro with {{ site.title }} and [a post]({% post_url 2010-07-21-name %}).

                {{< youtube w7Ft2ymGmfc >}}

                {% highlight ruby linenos %}
                def foo
                end
                {% endhighlight %}

                {% include footer.html %}

                > {{< figure src="a.png" caption="A" >}}

                Last line <b>raw</b>.
                """;
        TemplateTags.Result result = TemplateTags.expand("a.md", body, 5,
                new Variables(SiteConfig.defaults(), dev.galley.tree.Tree.emptyMapping(), "a", "/articles/a/"));
        String[] before = body.split("\n", -1);
        String[] after = result.markdown().split("\n", -1);
        assertEquals(before.length, after.length, result.markdown());
        assertEquals(before[before.length - 2], after[after.length - 2]);
    }
}
