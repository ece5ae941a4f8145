package dev.galley.article.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code rel} of a link in an article. A link within the site (root-relative, relative, a fragment, or an
 * absolute URL under the site's {@code baseUrl}) gets none: {@code nofollow} there would tell search engines to
 * ignore the site's own pages. A link to another site gets {@code noopener}, plus what {@code site.yaml}'s
 * {@code externalLinks.rel} asks for ({@code nofollow}, {@code ugc}, {@code sponsored}, {@code noreferrer}).
 */
public final class LinkRel {

    /** The words {@code externalLinks.rel} may hold. */
    public static final List<String> ALLOWED = List.of("nofollow", "ugc", "sponsored", "noreferrer");

    private final URI base;
    private final String external;

    /** @param externalRel what the site adds to {@code noopener} on links to other sites, each one of {@link #ALLOWED} */
    public LinkRel(URI baseUrl, List<String> externalRel) {
        this.base = baseUrl;
        Set<String> words = new LinkedHashSet<>();
        words.add("noopener");
        words.addAll(externalRel);
        this.external = String.join(" ", words);
    }

    /** The rel for a link to {@code href}, or null for a link within the site (or an e-mail address). */
    public String of(String href) {
        return isExternal(href) ? external : null;
    }

    /**
     * The rel an author's raw {@code <a>} keeps: theirs on a link within the site; on a link to another site,
     * theirs with the site's words added.
     */
    public String merged(String href, String authors) {
        if (!isExternal(href)) {
            return authors;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : authors.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        words.addAll(List.of(external.split(" ")));
        return String.join(" ", words);
    }

    /** True for an http(s) URL, or a scheme-relative {@code //host/...}, on a host other than the site's. */
    boolean isExternal(String href) {
        URI uri;
        try {
            uri = new URI(href.strip());
        } catch (URISyntaxException e) {
            return href.strip().startsWith("//") || href.strip().toLowerCase(Locale.ROOT).startsWith("http");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            return false;  // mailto: and the like lead to no page
        }
        if (uri.getAuthority() == null) {
            return false;  // a path within the site
        }
        return uri.getHost() == null || !uri.getHost().equalsIgnoreCase(base.getHost())
                || uri.getPort() != base.getPort()
                || !(uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath()).startsWith(base.getPath());
    }
}
