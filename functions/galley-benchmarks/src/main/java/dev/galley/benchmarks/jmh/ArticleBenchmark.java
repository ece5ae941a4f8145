package dev.galley.benchmarks.jmh;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** One 10 KB generated article, warm: Markdown and front matter parsed, then the article page rendered. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArticleBenchmark {

    private ArticleParser parser;
    private SiteRenderer renderer;
    private Corpus.Article source;
    private byte[] bytes;
    private Article parsed;

    @Setup
    public void setUp() throws ArticleException {
        renderer = new SiteRenderer(SiteConfig.defaults());
        parser = new ArticleParser(renderer.site());
        source = new Corpus(2026, 10_240).article(0);
        bytes = source.text().getBytes(StandardCharsets.UTF_8);
        parsed = parser.parse(source.fileName(), bytes);
    }

    @Benchmark
    public SiteFile parseAndRender() throws ArticleException {
        return renderer.article(parser.parse(source.fileName(), bytes), SiteIndex.Neighbours.NONE);
    }

    @Benchmark
    public Article parseOnly() throws ArticleException {
        return parser.parse(source.fileName(), bytes);
    }

    @Benchmark
    public SiteFile renderOnly() {
        return renderer.article(parsed, SiteIndex.Neighbours.NONE);
    }
}
