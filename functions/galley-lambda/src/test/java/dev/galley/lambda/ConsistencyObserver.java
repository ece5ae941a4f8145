package dev.galley.lambda;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reader who keeps loading the index pages (home, tags, every tag page) while the site changes, and checks
 * that every article they link to exists at that moment.
 *
 * <p>One round reads the index pages, lists the article pages, then reads the index pages' ETags again. A page
 * whose ETag did not change linked to the same articles during the whole listing, so a link to an article
 * page missing from the listing is a moment where a reader following it would get a 404. Pages that changed
 * in between prove nothing and are not judged.
 */
final class ConsistencyObserver implements AutoCloseable {

    private final SiteBuckets buckets;
    private final Thread thread;
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong judgedPages = new AtomicLong();
    private final AtomicLong judgedLinks = new AtomicLong();
    private volatile boolean stopped;

    ConsistencyObserver(SiteBuckets buckets) {
        this.buckets = buckets;
        this.thread = new Thread(this::run, "consistency-observer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!stopped) {
            try {
                round();
            } catch (SdkException e) {
                // A faulty server failed one of our reads: that round proves nothing.
            }
        }
    }

    private void round() {
        Map<String, ResponseBytes<GetObjectResponse>> before = new LinkedHashMap<>();
        buckets.siteObject("index.html").ifPresent(home -> before.put("index.html", home));
        Optional<ResponseBytes<GetObjectResponse>> tags = buckets.siteObject("tags/index.html");
        tags.ifPresent(page -> before.put("tags/index.html", page));
        for (String tagPage : tags.map(t -> SiteBuckets.linkedTagPages(t.asByteArray())).orElse(Set.of())) {
            buckets.siteObject(tagPage).ifPresent(page -> before.put(tagPage, page));
        }
        Set<String> existing = new HashSet<>(buckets.sitePaths("articles/"));
        for (Map.Entry<String, ResponseBytes<GetObjectResponse>> page : before.entrySet()) {
            String path = page.getKey();
            Optional<String> etagAfter = buckets.siteETag(path);
            if (etagAfter.isEmpty() || !etagAfter.get().equals(page.getValue().response().eTag())) {
                continue;
            }
            judgedPages.incrementAndGet();
            for (String slug : SiteBuckets.linkedArticles(page.getValue().asByteArray())) {
                judgedLinks.incrementAndGet();
                if (!existing.contains("articles/" + slug + "/index.html")) {
                    synchronized (violations) {
                        violations.add(path + " linked to /articles/" + slug + "/, which did not exist");
                    }
                }
            }
        }
        rounds.incrementAndGet();
    }

    /** Stops after one more whole round, so that the site as it is now is judged too. */
    @Override
    public void close() throws InterruptedException {
        long target = rounds.get() + 2;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (rounds.get() < target && thread.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stopped = true;
        thread.join();
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    long rounds() {
        return rounds.get();
    }

    /** Index pages that were judged: read twice with the same ETag. */
    long judgedPages() {
        return judgedPages.get();
    }

    long judgedLinks() {
        return judgedLinks.get();
    }

    @Override
    public String toString() {
        return rounds() + " rounds, " + judgedPages() + " index pages judged, " + judgedLinks() + " links checked, "
                + violations().size() + " violations";
    }
}
