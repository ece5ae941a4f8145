package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.publish.PublishStatus.State;
import dev.galley.render.Format;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Re-renders every article in the content store, removes pages whose source is gone, and rewrites the
 * manifest and every index page. Store calls run {@value #CONCURRENCY} at a time: articles are read, parsed and
 * written in parallel, and so are the authors' status reports and the removals. Only summaries stay in memory, so
 * memory grows with the number of articles, not their size; the bytes in flight are at most
 * {@value #CONCURRENCY} source files and their pages.
 */
public final class Rebuild {

    /**
     * Store requests in flight. A fixed number, not a multiple of the cores: the work is mostly waiting on S3 (tens
     * of milliseconds a request against a few of rendering), and on Lambda the core count says little about the
     * CPU share the memory size buys. In flight: at most this many source files and their pages.
     */
    static final int CONCURRENCY = 16;

    /** What a rebuild did. Rejected files are listed with their errors; every good file is published regardless. */
    public record Report(int published, int drafts, List<ArticleException> rejected, int pagesRemoved) {
    }

    private final Publisher publisher;
    private final ContentStore content;
    private final SiteStore site;

    Rebuild(Publisher publisher, ContentStore content, SiteStore site) {
        this.publisher = publisher;
        this.content = content;
        this.site = site;
    }

    private record Parsed(String key, String etag, Article article, ArticleException error) {
    }

    Report run() {
        SiteRenderer renderer = new SiteRenderer(publisher.loadConfig());
        ArticleParser parser = new ArticleParser(renderer.site());
        Publisher.Snapshot previous = publisher.readManifest();
        List<String> keys = content.list().stream().filter(Publisher::isArticle).sorted().toList();

        // Parse and write pages in parallel; a slug goes to the first file that claims it, and conflicts are
        // settled afterwards so that the result does not depend on timing.
        Map<String, String> slugOwners = new ConcurrentHashMap<>();
        List<Parsed> parsed = inParallel(keys, key -> {
            Optional<ContentStore.SourceFile> file = content.read(key);
            if (file.isEmpty()) {
                return null;
            }
            try {
                Article article = parser.parse(key, file.get().bytes());
                if (!article.draft() && slugOwners.putIfAbsent(article.slug(), key) == null) {
                    site.write(renderer.article(article), Map.of(Publisher.SOURCE, key), new SiteStore.Condition.None());
                }
                return new Parsed(key, file.get().etag(), withoutBody(article), null);
            } catch (ArticleException e) {
                return new Parsed(key, "", null, e);
            }
        });

        List<Manifest.Entry> entries = new ArrayList<>();
        List<ArticleException> rejected = new ArrayList<>();
        // Reported to the authors once the site shows the rebuild.
        Map<String, PublishStatus> statuses = new LinkedHashMap<>();
        int drafts = 0;
        Map<String, List<Parsed>> bySlug = parsed.stream().filter(p -> p.article() != null && !p.article().draft())
                .collect(Collectors.groupingBy(p -> p.article().slug()));
        for (Parsed p : parsed) {
            if (p.error() != null) {
                rejected.add(p.error());
                statuses.put(p.key(), new PublishStatus(State.REJECTED, p.error().reason(), ""));
            } else if (p.article().draft()) {
                drafts++;
                statuses.put(p.key(), new PublishStatus(State.DRAFT, "draft: true, so it is not listed", ""));
            }
        }
        for (List<Parsed> claimants : bySlug.values()) {
            Parsed winner = winner(claimants, previous.value());
            if (!winner.key().equals(slugOwners.get(winner.article().slug()))) {
                rewritePage(parser, renderer, winner.key());
            }
            entries.add(new Manifest.Entry(winner.key(), winner.etag(), "", winner.article().summary()));
            statuses.put(winner.key(), new PublishStatus(State.PUBLISHED, "", Format.articleUrl(winner.article().slug())));
            for (Parsed loser : claimants) {
                if (loser != winner) {
                    ArticleException e = ArticleException.duplicateSlug(loser.key(), loser.article().slug(), winner.key());
                    rejected.add(e);
                    statuses.put(loser.key(), new PublishStatus(State.REJECTED, e.reason(), ""));
                }
            }
        }
        rejected.sort(Comparator.comparing(ArticleException::file));

        for (SiteFile asset : SiteRenderer.assets()) {
            site.write(asset, Map.of(), new SiteStore.Condition.None());
        }
        Manifest next = commitAll(previous, entries);
        publisher.publishIndexPages(renderer, previous.value(), next, true);
        int removed = removeOrphanPages(next);
        inParallel(List.copyOf(statuses.keySet()), key -> {
            content.reportStatus(key, statuses.get(key));
            return null;
        });
        return new Report(entries.size(), drafts, List.copyOf(rejected), removed);
    }

    /** The manifest's owner keeps its slug; otherwise the earliest article wins, then the first in name order. */
    private static Parsed winner(List<Parsed> claimants, Manifest previous) {
        Manifest.Entry owner = previous.bySlug(claimants.get(0).article().slug());
        return claimants.stream()
                .filter(p -> owner != null && p.key().equals(owner.sourceKey()))
                .findFirst()
                .orElseGet(() -> claimants.stream()
                        .min(Comparator.comparing((Parsed p) -> p.article().summary().date()).thenComparing(Parsed::key))
                        .orElseThrow());
    }

    private void rewritePage(ArticleParser parser, SiteRenderer renderer, String key) {
        content.read(key).ifPresent(file -> {
            try {
                site.write(renderer.article(parser.parse(key, file.bytes())), Map.of(Publisher.SOURCE, key), new SiteStore.Condition.None());
            } catch (ArticleException e) {
                throw new StoreException(key + " changed while the site was rebuilt; rebuild again", true, e);
            }
        });
    }

    private Manifest commitAll(Publisher.Snapshot base, List<Manifest.Entry> entries) {
        Publisher.Snapshot current = base;
        for (int attempt = 1; attempt <= 10; attempt++) {
            Manifest next = current.value().replacedBy(entries);
            if (publisher.commit(current, next)) {
                return next;
            }
            current = publisher.readManifest();
        }
        throw new StoreException("the manifest kept changing during the rebuild; rebuild again", true, null);
    }

    private int removeOrphanPages(Manifest published) {
        Set<String> live = published.entries().keySet();
        List<String> orphans = site.list("articles/").stream().filter(path -> {
            String[] parts = path.split("/");
            return parts.length >= 3 && !live.contains(parts[1]);
        }).toList();
        inParallel(orphans, path -> {
            site.delete(path);
            return null;
        });
        return orphans.size();
    }

    private static Article withoutBody(Article article) {
        return new Article(article.summary(), article.sourceKey(), "", article.draft(), Map.of());
    }

    private interface Task<T> {
        T run(String key);
    }

    private static <T> List<T> inParallel(List<String> keys, Task<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "galley-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(keys.size());
            for (String key : keys) {
                futures.add(pool.submit(() -> task.run(key)));
            }
            List<T> results = new ArrayList<>(keys.size());
            for (Future<T> future : futures) {
                T result = future.get();
                if (result != null) {
                    results.add(result);
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the rebuild was interrupted", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("the rebuild failed: " + e.getCause(), true, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
