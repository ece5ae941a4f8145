package dev.galley.render;

import dev.galley.highlight.TokenKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenPaletteTest {

    private static final Pattern RULE = Pattern.compile("((?:\\.tok-[a-z]+(?:,\\s*)?)+)\\s*\\{[^}]*?color:\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern CODE_BACKGROUND = Pattern.compile("--code-bg:\\s*(#[0-9a-fA-F]{6})");

    @Test
    void mustColourEveryTokenKindWithAaContrastOnTheCodeBackground() throws IOException {
        String css;
        try (InputStream in = getClass().getResourceAsStream("/dev/galley/render/style.css")) {
            assertNotNull(in);
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher background = CODE_BACKGROUND.matcher(css);
        assertTrue(background.find());
        Map<String, String> colours = new HashMap<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            for (String selector : rule.group(1).split(",")) {
                colours.put(selector.strip().substring(1), rule.group(2));
            }
        }
        String codeBackground = background.group(1);
        assertAll(Arrays.stream(TokenKind.values()).map(kind -> () -> {
            String cssClass = kind.cssClass();
            String colour = colours.get(cssClass);
            assertNotNull(colour, cssClass + " has no colour in style.css");
            double ratio = contrast(colour, codeBackground);
            assertTrue(ratio >= 4.5, cssClass + " " + colour + " has contrast " + ratio + " on " + codeBackground);
        }));
    }

    /** The WCAG 2 contrast ratio of two sRGB colours. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
