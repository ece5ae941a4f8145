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
 * manifest and every index page. Articles are parsed and written in parallel; only their summaries stay in
 * memory, so memory grows with the number of articles, not their size.
 */
public final class Rebuild {

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
        int drafts = 0;
        Map<String, List<Parsed>> bySlug = parsed.stream().filter(p -> p.article() != null && !p.article().draft())
                .collect(Collectors.groupingBy(p -> p.article().slug()));
        for (Parsed p : parsed) {
            if (p.error() != null) {
                rejected.add(p.error());
                content.reportStatus(p.key(), new PublishStatus(State.REJECTED, p.error().reason(), ""));
            } else if (p.article().draft()) {
                drafts++;
                content.reportStatus(p.key(), new PublishStatus(State.DRAFT, "draft: true, so it is not listed", ""));
            }
        }
        for (List<Parsed> claimants : bySlug.values()) {
            Parsed winner = winner(claimants, previous.value());
            if (!winner.key().equals(slugOwners.get(winner.article().slug()))) {
                rewritePage(parser, renderer, winner.key());
            }
            entries.add(new Manifest.Entry(winner.key(), winner.etag(), "", winner.article().summary()));
            content.reportStatus(winner.key(), new PublishStatus(State.PUBLISHED, "", Format.articleUrl(winner.article().slug())));
            for (Parsed loser : claimants) {
                if (loser != winner) {
                    ArticleException e = ArticleException.duplicateSlug(loser.key(), loser.article().slug(), winner.key());
                    rejected.add(e);
                    content.reportStatus(loser.key(), new PublishStatus(State.REJECTED, e.reason(), ""));
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
        int removed = 0;
        for (String path : site.list("articles/")) {
            String[] parts = path.split("/");
            if (parts.length >= 3 && !live.contains(parts[1])) {
                site.delete(path);
                removed++;
            }
        }
        return removed;
    }

    private static Article withoutBody(Article article) {
        return new Article(article.summary(), article.sourceKey(), "", article.draft(), Map.of());
    }

    private interface Task<T> {
        T run(String key);
    }

    private static <T> List<T> inParallel(List<String> keys, Task<T> task) {
        int threads = Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors() * 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
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
