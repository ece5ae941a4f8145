package dev.galley.benchmarks.jmh;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Every index page (home, tags, tag pages, 404) rendered from the article summaries of a generated site, warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IndexBenchmark {

    @Param({"1000", "10000"})
    public int articles;

    private SiteRenderer renderer;
    private List<ArticleSummary> summaries;

    @Setup
    public void setUp() throws ArticleException {
        renderer = new SiteRenderer(SiteConfig.defaults());
        ArticleParser parser = new ArticleParser(renderer.site());
        Corpus corpus = new Corpus(2026);
        summaries = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            Corpus.Article article = corpus.article(i);
            summaries.add(parser.parse(article.fileName(), article.text().getBytes(StandardCharsets.UTF_8)).summary());
        }
    }

    @Benchmark
    public List<SiteFile> indexPages() {
        return renderer.indexPages(summaries);
    }
}
