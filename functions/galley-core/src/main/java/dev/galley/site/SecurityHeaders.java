package dev.galley.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The security headers the CDN sends with the site's files, as the ResponseHeadersPolicies of
 * {@code infrastructure/template.yaml} configure them, spelled as HTTP headers. The preview sends these same
 * values, so that a page the production policy would break (an image from another site, an inline script)
 * breaks in the preview too; the infrastructure's tests fail when the template and these values part.
 */
public final class SecurityHeaders {

    /**
     * Images only from the site (and data: URLs the stylesheet inlines): an image from another site would tell
     * it who reads what, so articles show such images as links (README, "Images").
     */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src %s %s; frame-ancestors 'none'";
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    private SecurityHeaders() {
    }

    /**
     * The headers of every file but an SVG image (SiteSecurityHeadersPolicy).
     *
     * @param extraFrameHosts the stack's {@code ExtraFrameHosts} parameter: space-separated https origins, or ""
     */
    public static Map<String, String> forPages(String extraFrameHosts) {
        String defaults = SiteConfig.DEFAULT_EMBED_HOSTS.stream().map(host -> "https://" + host).collect(Collectors.joining(" "));
        return with(String.format(PAGE_POLICY, defaults, extraFrameHosts));
    }

    /**
     * The headers of a shared draft's page, under {@code /drafts/} (DraftHeadersPolicy): the pages' own, and a robots
     * header that keeps search engines from indexing the page, whoever links it.
     */
    public static Map<String, String> forDrafts(String extraFrameHosts) {
        Map<String, String> headers = forPages(extraFrameHosts);
        headers.put("X-Robots-Tag", "noindex, nofollow");
        return headers;
    }

    /** The headers of an SVG image, which sandbox it when it is opened by itself (SvgSandboxHeadersPolicy). */
    public static Map<String, String> forSvg() {
        return with(SVG_POLICY);
    }

    private static Map<String, String> with(String contentSecurityPolicy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        headers.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return headers;
    }
}
