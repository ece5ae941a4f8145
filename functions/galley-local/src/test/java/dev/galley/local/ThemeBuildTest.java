package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local build publishes the owner's theme/ files as the Lambda does, and prints a refused one with its line. */
class ThemeBuildTest {

    @Test
    void theBuildPublishesTheThemeAndEveryPageShowsIt(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/theme"));
        Files.writeString(dir.resolve("content/good.md"), "---\ntitle: Good\ndate: 2026-01-01\n---\nFine.\n");
        Files.writeString(content.resolve("custom.css"), ":root { --accent: #b3261e; }\n");
        ImageIO.write(new BufferedImage(200, 50, BufferedImage.TYPE_INT_RGB), "png", content.resolve("logo.png").toFile());
        Path site = dir.resolve("site");

        SampleSiteTest.Run run = SampleSiteTest.galley("build", dir.resolve("content").toString(), "--out", site.toString());

        assertEquals(0, run.status(), run.err());
        Matcher built = Pattern.compile("built     theme/custom.css -> /(assets/custom\\.[0-9a-f]{10}\\.css)").matcher(run.out());
        assertTrue(built.find(), run.out());
        assertEquals(":root { --accent: #b3261e; }\n", Files.readString(site.resolve(built.group(1))));
        for (String page : new String[] {"index.html", "articles/good/index.html", "tags/index.html"}) {
            String html = Files.readString(site.resolve(page));
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/" + built.group(1) + "\">"), page);
            assertTrue(Pattern.compile("<img class=\"site-logo\" src=\"/assets/logo\\.[0-9a-f]{10}\\.png\" alt=\"\" width=\"200\" height=\"50\">")
                    .matcher(html).find(), page);
        }
        assertFalse(Files.exists(site.resolve("media/theme/logo.png")));
    }

    @Test
    void aRefusedStylesheetFailsTheBuildWithItsLineAndTheRule(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/theme"));
        Files.writeString(dir.resolve("content/good.md"), "---\ntitle: Good\ndate: 2026-01-01\n---\nFine.\n");
        Files.writeString(content.resolve("custom.css"), "body { color: #222; }\n@import url(https://fonts.example.com/inter.css);\n");
        Files.writeString(content.resolve("header.html"), "<p>mine</p>\n");

        SampleSiteTest.Run run = SampleSiteTest.galley("build", dir.resolve("content").toString(), "--out", dir.resolve("site").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("error     theme/custom.css:2: @import is not allowed"), run.err());
        assertTrue(run.err().contains("error     theme/header.html: theme/ holds only custom.css"), run.err());
        assertTrue(run.out().contains("1 published, 0 drafts, 2 failed"), run.out());
        assertFalse(Files.readString(dir.resolve("site/index.html")).contains("assets/custom."));
    }
}
