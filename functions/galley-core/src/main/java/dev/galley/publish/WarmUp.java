package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Parses a sample article and renders its page and the index pages that list it, on a thread of its own, while the
 * caller's first steps read the site's settings and state. Those first steps are serial: the second core is idle, and
 * the classes the parse and render steps load and initialise (commonmark, the YAML mapper, the highlighter, the page
 * templates, the JSON and XML writers) would otherwise be loaded by the first thread that parses while the others
 * wait on them. A full build starts one; so does a function's cold start. Nothing it makes is written anywhere.
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static Thread start() {
        Thread thread = new Thread(WarmUp::run, "galley-warm-up");
        thread.setDaemon(true);  // never holds a build's exit
        thread.start();
        return thread;
    }

    static void run() {
        try {
            SiteConfig site = SiteConfig.defaults();
            ArticleParser parser = new ArticleParser(site);
            byte[] sample = sample();
            Article article = parser.parse("warm-up.md", sample);
            parser.parseWithAbsoluteUrls("warm-up.md", sample);  // as the feeds' bodies are
            SiteRenderer renderer = new SiteRenderer(site);
            renderer.article(article, SiteIndex.Neighbours.NONE);
            renderer.indexPages(List.of(article.summary()));
        } catch (ArticleException | RuntimeException e) {
            // Only time is at stake: the real work meets whatever failed here, and reports it.
        }
    }

    static byte[] sample() {
        try (InputStream in = WarmUp.class.getResourceAsStream("warm-up.md")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
