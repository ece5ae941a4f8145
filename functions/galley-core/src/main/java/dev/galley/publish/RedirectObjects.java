package dev.galley.publish;

import dev.galley.publish.SiteStore.Condition;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteFile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts {@link Redirects} into the site store: one small page per old URL, whose metadata names the target. A
 * redirect never replaces a page a newer revision wrote, and only objects that are redirects are ever deleted.
 */
final class RedirectObjects {

    /** First segments an alias can never be under ({@code Aliases}), so a stale redirect is never there either. */
    private static final Set<String> NEVER_REDIRECTS = Set.of("_galley/", "assets/", "media/", "tags/", "page/");

    private final SiteStore site;
    private final SiteRenderer renderer;

    RedirectObjects(SiteStore site, SiteRenderer renderer) {
        this.site = site;
        this.renderer = renderer;
    }

    /**
     * Brings the store from one revision's redirects to the next's: writes the new and changed ones, deletes those
     * that are gone. Touches nothing when the redirects did not change, which is the usual upload.
     *
     * @return how many objects it wrote or deleted
     */
    int update(Redirects before, Redirects after, long revision) {
        int changed = 0;
        for (Redirects.Redirect redirect : after.byKey().values()) {
            if (!redirect.equals(before.byKey().get(redirect.objectKey())) && write(redirect, revision)) {
                changed++;
            }
        }
        for (String key : before.byKey().keySet()) {
            if (!after.byKey().containsKey(key) && deleteIfRedirect(key, revision)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * A full re-render: writes every redirect whose stored bytes differ, and deletes every redirect object not in
     * {@code after}, including any an interrupted upload left behind, found by listing the store.
     *
     * @param pages the object keys of the articles' pages
     * @return how many objects it wrote or deleted
     */
    int rewriteAll(Redirects before, Redirects after, Set<String> pages, long revision) {
        int changed = 0;
        for (Redirects.Redirect redirect : after.byKey().values()) {
            if (write(redirect, revision)) {
                changed++;
            }
        }
        Set<String> stale = new TreeSet<>(before.byKey().keySet());
        for (String key : site.list("")) {
            if (key.endsWith(".html") && !key.equals(SiteRenderer.HOME) && !key.equals(SiteRenderer.NOT_FOUND) && NEVER_REDIRECTS.stream().noneMatch(key::startsWith) && !pages.contains(key)) {
                stale.add(key);
            }
        }
        stale.removeAll(after.byKey().keySet());
        for (String key : stale) {
            if (deleteIfRedirect(key, revision)) {
                changed++;
            }
        }
        return changed;
    }

    /** @return true when it wrote */
    private boolean write(Redirects.Redirect redirect, long revision) {
        SiteFile file = renderer.redirect(redirect.objectKey(), redirect.target());
        Map<String, String> metadata = new HashMap<>();
        metadata.put(Redirects.TARGET, redirect.target());
        metadata.put(Publisher.REVISION, Long.toString(revision));
        if (site.skipsIdenticalWrites()) {
            metadata.put(Publisher.CONTENT_HASH, Publisher.contentHash(file.bytes()));
        }
        Optional<SiteStore.Version> stored = site.head(redirect.objectKey());
        if (stored.isPresent()) {
            Map<String, String> there = stored.get().metadata();
            boolean sameRedirect = there.containsKey(Redirects.TARGET) && metadata.get(Publisher.CONTENT_HASH) != null
                    && metadata.get(Publisher.CONTENT_HASH).equals(there.get(Publisher.CONTENT_HASH));
            boolean newerPage = !there.containsKey(Redirects.TARGET) && Publisher.revisionOf(stored.get()) >= revision;
            // A slow, older invocation must not put back a redirect a newer revision changed (or that leads to a page since removed).
            boolean newerRedirect = there.containsKey(Redirects.TARGET) && Publisher.revisionOf(stored.get()) > revision;
            if (sameRedirect || newerPage || newerRedirect) {
                return false;
            }
        }
        try {
            site.write(file, metadata, Condition.of(stored));
            return true;
        } catch (WriteConflictException e) {
            return false;  // written meanwhile by a newer revision, whose own update decides what stays
        }
    }

    private boolean deleteIfRedirect(String key, long revision) {
        Optional<SiteStore.Version> stored = site.head(key);
        if (stored.isPresent() && stored.get().metadata().containsKey(Redirects.TARGET) && Publisher.revisionOf(stored.get()) < revision) {
            site.delete(key);
            return true;
        }
        return false;
    }
}
