package dev.galley.infrastructure;

import static dev.galley.infrastructure.Template.at;
import static dev.galley.infrastructure.Template.list;
import static dev.galley.infrastructure.Template.map;
import static dev.galley.infrastructure.Template.props;
import static dev.galley.infrastructure.Template.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.galley.site.SecurityHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview (galley-local's SiteServer) sends {@link SecurityHeaders}; CloudFront sends what the template's
 * ResponseHeadersPolicies say. Each policy is spelled here as the HTTP headers CloudFront sends for it, and must
 * equal the preview's, so the preview cannot hide what production blocks (or allow what it refuses).
 */
class PreviewSecurityHeadersTest {

    private static final Set<String> KNOWN = Set.of("ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions",
            "FrameOptions", "ReferrerPolicy");

    @ParameterizedTest
    @ValueSource(strings = {"SiteSecurityHeadersPolicy", "SvgSandboxHeadersPolicy", "DraftHeadersPolicy"})
    void thePreviewSendsExactlyTheHeadersOfTheCdnsPolicy(String policy) {
        Map<String, Object> config = map(at(props(Template.loadMain(), policy), "ResponseHeadersPolicyConfig", "SecurityHeadersConfig"));
        assertEquals(KNOWN, config.keySet(), "a header the policy sends and this test cannot spell: teach it, and SecurityHeaders");
        Map<String, String> cdn = new LinkedHashMap<>();
        // The stack's default ExtraFrameHosts is "", as the preview has it.
        cdn.put("Content-Security-Policy", text(at(config, "ContentSecurityPolicy", "ContentSecurityPolicy")).replace("${ExtraFrameHosts}", ""));
        Map<String, Object> hsts = map(config.get("StrictTransportSecurity"));
        cdn.put("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
        cdn.put("X-Content-Type-Options", "nosniff");
        cdn.put("X-Frame-Options", (String) at(config, "FrameOptions", "FrameOption"));
        cdn.put("Referrer-Policy", (String) at(config, "ReferrerPolicy", "ReferrerPolicy"));
        Object custom = at(props(Template.loadMain(), policy), "ResponseHeadersPolicyConfig", "CustomHeadersConfig", "Items");
        if (custom != null) {
            list(custom).forEach(item -> cdn.put(text(at(item, "Header")), text(at(item, "Value"))));
        }
        Map<String, String> preview = switch (policy) {
            case "SvgSandboxHeadersPolicy" -> SecurityHeaders.forSvg();
            case "DraftHeadersPolicy" -> SecurityHeaders.forDrafts("");
            default -> SecurityHeaders.forPages("");
        };
        assertEquals(cdn, preview);
    }
}
