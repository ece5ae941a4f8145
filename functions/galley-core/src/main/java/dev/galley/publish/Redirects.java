package dev.galley.publish;

import dev.galley.article.ArticleWarning;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The site's redirects, worked out from the manifest alone: every old URL an article claims (its {@code aliases}
 * and {@code redirect_from}, and the paths it had before a renamed slug or a changed permalink) leads to the page
 * it has now. Every target is a live page, so chains never form; a page always wins over a redirect; when two
 * articles claim one old URL, an alias wins over a former path, then the earlier article, then the first source
 * file by name, and the loser of an alias hears of it. Immutable.
 */
public final class Redirects {

    /**
     * The object metadata that makes an object a redirect: its value is the target path, such as
     * {@code /articles/new/}, percent-encoded. The CDN's viewer-response function and the local preview answer
     * 301 with it as {@code Location}.
     */
    public static final String TARGET = "galley-redirect";
    static final String WARNING_KIND = "redirect-dropped";

    /** One redirect object. @param target the path it leads to, percent-encoded, such as {@code /articles/new/} */
    record Redirect(String objectKey, String target, String sourceKey) {
    }

    private record Claim(String path, Manifest.Entry entry, boolean alias) {
    }

    private static final Redirects NONE = new Redirects(Map.of(), Map.of());
    private static final Pattern URI_SAFE = Pattern.compile("[A-Za-z0-9._~/-]*");

    private final Map<String, Redirect> byKey;
    private final Map<String, List<ArticleWarning>> warnings;

    private Redirects(Map<String, Redirect> byKey, Map<String, List<ArticleWarning>> warnings) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.warnings = warnings;
    }

    /** The object key a site path is served from: {@code blog/x/} is {@code blog/x/index.html}, {@code old.html} itself. */
    public static String objectKey(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /**
     * The redirects of the last two manifests asked about: a publish asks about the one it starts from and the one it
     * commits, each several times, and working them out walks every entry.
     */
    private static volatile List<Map.Entry<Manifest, Redirects>> last = List.of();

    /**
     * The redirects after a change: none, without a walk over every entry, when there were none before and no changed
     * entry asks for one (the usual site and upload); otherwise {@link #of(Manifest)}.
     */
    static Redirects after(Redirects before, Manifest from, Manifest to) {
        if (before == NONE) {
            boolean asks = false;
            for (String path : MapDiff.changedKeys(from.entriesByPath(), to.entriesByPath())) {
                Manifest.Entry entry = to.byPath(path);
                asks |= entry != null && (!entry.article().aliases().isEmpty() || !entry.formerPaths().isEmpty());
            }
            if (!asks) {
                remember(to, NONE);
                return NONE;
            }
        }
        return of(to);
    }

    private static void remember(Manifest manifest, Redirects redirects) {
        List<Map.Entry<Manifest, Redirects>> known = last;
        last = known.isEmpty() ? List.of(Map.entry(manifest, redirects)) : List.of(Map.entry(manifest, redirects), known.get(0));
    }

    public static Redirects of(Manifest manifest) {
        List<Map.Entry<Manifest, Redirects>> known = last;
        for (Map.Entry<Manifest, Redirects> entry : known) {
            if (entry.getKey() == manifest) {
                return entry.getValue();
            }
        }
        Redirects redirects = worked(manifest);
        remember(manifest, redirects);
        return redirects;
    }

    /**
     * Aliases first, then the earliest article, then the first file by name: the order claims are granted in. Built when
     * there are claims to order, not with the class: most sites have none, and the chain spins some ten classes.
     */
    private static Comparator<Claim> precedence() {
        return Comparator.comparing((Claim c) -> !c.alias())
                .thenComparing(c -> c.entry().article().date(), Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)))
                .thenComparing(c -> c.entry().sourceKey());
    }

    private static Redirects worked(Manifest manifest) {
        List<Claim> claims = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries().values()) {
            entry.article().aliases().forEach(path -> claims.add(new Claim(path, entry, true)));
            entry.formerPaths().forEach(path -> claims.add(new Claim(path, entry, false)));
        }
        if (claims.isEmpty()) {
            return NONE;  // most sites, on every upload: no page map to build
        }
        Map<String, String> pageOwners = new HashMap<>();
        manifest.entries().values().forEach(entry -> pageOwners.put(objectKey(entry.article().path()), entry.sourceKey()));
        claims.sort(precedence());
        Map<String, Redirect> byKey = new TreeMap<>();
        Map<String, List<ArticleWarning>> warnings = new HashMap<>();
        for (Claim claim : claims) {
            String key = objectKey(claim.path());
            String source = claim.entry().sourceKey();
            String pageOwner = pageOwners.get(key);
            Redirect granted = byKey.get(key);
            if (pageOwner != null) {
                if (claim.alias() && !pageOwner.equals(source)) {
                    warn(warnings, source, "the old URL /" + claim.path() + " is the page of " + pageOwner
                            + ", so it does not redirect here; a page always wins over a redirect");
                }
            } else if (granted == null) {
                byKey.put(key, new Redirect(key, target(claim.entry()), source));
            } else if (claim.alias() && !granted.sourceKey().equals(source)) {
                warn(warnings, source, "the old URL /" + claim.path() + " already redirects to " + granted.sourceKey()
                        + ", which claimed it first, so it does not redirect here; remove it from one of the two");
            }
        }
        return new Redirects(byKey, warnings);
    }

    private static void warn(Map<String, List<ArticleWarning>> warnings, String source, String reason) {
        warnings.computeIfAbsent(source, s -> new ArrayList<>()).add(new ArticleWarning(source, 0, WARNING_KIND, reason));
    }

    private static String target(Manifest.Entry entry) {
        String path = entry.article().path();
        if (URI_SAFE.matcher(path).matches()) {
            return "/" + path;  // the usual slug path, which encoding leaves as it is
        }
        try {
            return new URI(null, null, "/" + entry.article().path(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an article's path is always a valid URI path: " + entry.article().path(), e);
        }
    }

    /** The redirects by object key, in key order. */
    Map<String, Redirect> byKey() {
        return byKey;
    }

    /** Why old URLs a source file asked for do not redirect to it. */
    public List<ArticleWarning> warningsFor(String sourceKey) {
        return warnings.getOrDefault(sourceKey, List.of());
    }

    /** Every warning, by source file. */
    List<ArticleWarning> warnings() {
        return warnings.values().stream().flatMap(List::stream).sorted(Comparator.comparing(ArticleWarning::file)).toList();
    }
}
