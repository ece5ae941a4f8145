package dev.galley.benchmarks;

import dev.galley.aws.GzipEncoding;
import dev.galley.aws.S3SiteStore;
import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.publish.Publisher;
import dev.galley.publish.PublishSchedule;
import dev.galley.publish.Rebuild;
import dev.galley.publish.ForwardingSiteStore;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A site of N generated articles in the in-process S3 server, made by the same re-render the handler runs
 * ({@link Publisher#rebuild}) over stores in memory, whose objects then go into the server's store directly, not one
 * request at a time over HTTP. The articles' pages are left out (some 2.5 GB at 100,000 articles): a publish writes
 * the pages it changes whatever is stored, and finding none costs it a HEAD that answers 404 instead of 200.
 * Everything a publish reads (the sources, the state in pieces, the index pages) is there in the real format, and held
 * as the function's site store holds it: text gzip-encoded unless the encoding is off ({@link S3SiteStore}).
 */
final class MemorySeeding {

    /** Object metadata the re-render gives an article's page (and only those): its source file. */
    private static final String PAGE_SOURCE = "galley-source";

    private final EmbeddedS3 server;
    private final Corpus corpus;
    private final int articles;
    private final String siteYaml;
    private final boolean gzipSite;

    MemorySeeding(EmbeddedS3 server, Corpus corpus, int articles, String siteYaml, boolean gzipSite) {
        this.server = server;
        this.corpus = corpus;
        this.articles = articles;
        this.siteYaml = siteYaml;
        this.gzipSite = gzipSite;
    }

    void seed() throws Exception {
        MemoryStores.Content content = new MemoryStores.Content();
        byte[] config = siteYaml.getBytes(StandardCharsets.UTF_8);
        content.put("site.yaml", config);
        server.putObject("content", "site.yaml", config);
        inParallel(articles, i -> {
            Corpus.Article article = corpus.article(i);
            byte[] bytes = article.text().getBytes(StandardCharsets.UTF_8);
            content.put(article.fileName(), bytes);
            server.putObject("content", article.fileName(), bytes);
        });
        WithoutArticlePages site = new WithoutArticlePages(new MemoryStores.Site());
        long started = System.nanoTime();
        Rebuild.Report report = new Publisher(content, site, Clock.systemUTC(), PublishSchedule.NONE).rebuild();
        if (report.published() != articles || !report.rejected().isEmpty()) {
            throw new IllegalStateException("the re-render published " + report.published() + " of " + articles + " articles, rejected "
                    + report.rejected().size() + ": every generated article is dated in the past and valid");
        }
        System.out.printf("re-rendered %,d articles in memory in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
        List<String> keys = site.list("");
        inParallel(keys.size(), i -> putAsTheSiteStoreHoldsIt(keys.get(i), site.read(keys.get(i)).orElseThrow().bytes(), site.kinds.get(keys.get(i))));
        System.out.printf("put %,d site objects (state, index pages, sitemaps, search chunks) into S3%n", keys.size());
    }

    private void putAsTheSiteStoreHoldsIt(String key, byte[] bytes, ContentKind kind) {
        if (gzipSite && GzipEncoding.encodes(kind.contentType())) {
            server.putObject("site", key, GzipEncoding.encode(bytes), kind.contentType(), GzipEncoding.GZIP);
        } else {
            server.putObject("site", key, bytes, kind.contentType(), null);
        }
    }

    private static void inParallel(int count, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> task.accept(index)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A site store that keeps everything but the articles' own pages, and the kind of each file. */
    private static final class WithoutArticlePages extends ForwardingSiteStore {
        private final Map<String, ContentKind> kinds = new ConcurrentHashMap<>();

        WithoutArticlePages(MemoryStores.Site kept) {
            super(kept);
        }

        @Override
        public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
            if (metadata.containsKey(PAGE_SOURCE)) {
                return Optional.empty();
            }
            Optional<String> etag = site.writeTellingEtag(file, metadata, condition);
            kinds.put(file.path(), file.kind());
            return etag;
        }
    }
}
