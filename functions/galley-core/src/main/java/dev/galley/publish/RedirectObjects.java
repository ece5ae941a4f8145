package dev.galley.publish;

import dev.galley.render.SiteRenderer;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts {@link Redirects} into the site store: one small page per old URL, whose metadata names the target. Only
 * objects that are redirects are ever deleted.
 */
final class RedirectObjects {

    /** First segments an alias can never be under ({@code Aliases}), so a stale redirect is never there either. */
    private static final Set<String> NEVER_REDIRECTS = Set.of("_galley/", "assets/", "media/", "tags/", "page/");

    private final SiteStore site;
    private final SiteWriter writer;
    private final SiteRenderer renderer;

    RedirectObjects(SiteStore site, SiteWriter writer, SiteRenderer renderer) {
        this.site = site;
        this.writer = writer;
        this.renderer = renderer;
    }

    /**
     * Brings the store from one revision's redirects to the next's: writes the new and changed ones, deletes those
     * that are gone, unless the object key is now a page. Touches nothing when the redirects did not change, which
     * is the usual upload.
     *
     * @param pages the object keys of the articles' pages after
     * @return how many objects it wrote or deleted
     */
    int update(Redirects before, Redirects after, Set<String> pages) {
        int changed = 0;
        for (Redirects.Redirect redirect : after.byKey().values()) {
            if (!redirect.equals(before.byKey().get(redirect.objectKey())) && write(redirect)) {
                changed++;
            }
        }
        for (String key : before.byKey().keySet()) {
            if (!after.byKey().containsKey(key) && !pages.contains(key)) {
                site.delete(key);
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
    int rewriteAll(Redirects before, Redirects after, Set<String> pages) {
        int changed = 0;
        for (Redirects.Redirect redirect : after.byKey().values()) {
            if (write(redirect)) {
                changed++;
            }
        }
        Set<String> stale = new TreeSet<>();
        for (String key : site.list("")) {
            if (key.endsWith(".html") && !key.equals(SiteRenderer.HOME) && !key.equals(SiteRenderer.NOT_FOUND) && NEVER_REDIRECTS.stream().noneMatch(key::startsWith) && !pages.contains(key)) {
                stale.add(key);
            }
        }
        stale.removeAll(after.byKey().keySet());
        for (String key : stale) {
            // Listed, so perhaps a file of the owner's: the object's own metadata says whether it is a redirect.
            boolean redirect = before.byKey().containsKey(key) || site.head(key).map(v -> v.metadata().containsKey(Redirects.TARGET)).orElse(false);
            if (redirect) {
                site.delete(key);
                changed++;
            }
        }
        return changed;
    }

    /** @return true when it wrote */
    private boolean write(Redirects.Redirect redirect) {
        return writer.writeIfChanged(renderer.redirect(redirect.objectKey(), redirect.target()), Map.of(Redirects.TARGET, redirect.target()));
    }
}
