package dev.galley.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SiteServerTest {

    @Test
    void mustMapPathsToKeysTheWayCloudFrontWill() {
        assertEquals("index.html", SiteServer.keyFor("/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x"));
        assertEquals("feed.xml", SiteServer.keyFor("/feed.xml"));
        assertEquals("assets/style.abc.css", SiteServer.keyFor("/assets/style.abc.css"));
    }

    @Test
    void mustRefuseInternalStateAndPathsThatClimbOut() {
        assertNull(SiteServer.keyFor("/_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/_galley"));
        assertNull(SiteServer.keyFor("/articles/../_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/a/./b"));
        assertNull(SiteServer.keyFor("relative"));
    }
}
