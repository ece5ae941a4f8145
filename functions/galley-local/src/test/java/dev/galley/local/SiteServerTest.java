package dev.galley.local;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.publish.Redirects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteServerTest {

    @Test
    void mustMapPathsToKeysTheWayCloudFrontWill() {
        assertEquals("index.html", SiteServer.keyFor("/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x/"));
        assertEquals("articles/x/index.html", SiteServer.keyFor("/articles/x"));
        assertEquals("feed.xml", SiteServer.keyFor("/feed.xml"));
        assertEquals("rss.xml", SiteServer.keyFor("/rss.xml"));
        assertEquals("index.xml", SiteServer.keyFor("/index.xml"));
        assertEquals("tags/rust/feed.xml", SiteServer.keyFor("/tags/rust/feed.xml"));
        assertEquals("assets/style.abc.css", SiteServer.keyFor("/assets/style.abc.css"));
        assertEquals("media/posts/Photo.JPEG", SiteServer.keyFor("/media/posts/Photo.JPEG"));
        assertEquals("2010/01/old.html", SiteServer.keyFor("/2010/01/old.html"));
        // a dot alone does not make a file, as for CloudFront: old URLs like these are folders holding a redirect
        assertEquals("articles/v1.2-release/index.html", SiteServer.keyFor("/articles/v1.2-release"));
        assertEquals("old.php/index.html", SiteServer.keyFor("/old.php"));
    }

    @Test
    void mustRefuseInternalStateAndPathsThatClimbOut() {
        assertNull(SiteServer.keyFor("/_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/_galley"));
        assertNull(SiteServer.keyFor("/articles/../_galley/manifest.json"));
        assertNull(SiteServer.keyFor("/a/./b"));
        assertNull(SiteServer.keyFor("relative"));
    }

    @ParameterizedTest(name = "{0} with query \"{1}\" -> {2}")
    @CsvSource(nullValues = "none", textBlock = """
            %2Farticles%2Fnew%2F,              none,            /articles/new/
            %2Farticles%2Fnew%2F,              utm_source=feed, /articles/new/?utm_source=feed
            %2Farticles%2Fcaf%25C3%25A9%2F,    none,            /articles/caf%C3%A9/
            %2F%2Fevil.example%2F,             none,            none
            https%3A%2F%2Fevil.example%2F,     none,            none
            %2Fa%2F%0D%0ASet-Cookie%3A+x%3D1,  none,            none
            %E0%A4%A,                          none,            none
            """)
    void aRedirectObjectAnswersWithItsTargetAsTheCdnFunctionDoes(String stored, String query, String location) {
        GetObjectResponse object = GetObjectResponse.builder().metadata(Map.of(Redirects.TARGET, stored)).build();
        assertEquals(location, SiteServer.redirectLocation(object, query));
    }

    @Test
    void anObjectWithoutRedirectMetadataIsServedAsItIs() {
        assertNull(SiteServer.redirectLocation(GetObjectResponse.builder().metadata(Map.of("galley-revision", "3")).build(), "a=b"));
    }

    @Test
    void aPageNotWrittenYetIsARenderingPageUntilTheStartIsOverThenTheSites404() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            s3.putObject(r -> r.bucket("site").key("404.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString("<html><body>Page not found</body></html>"));
            s3.putObject(r -> r.bucket("site").key("articles/written/index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString("<html><body>Written</body></html>"));
            HttpClient http = HttpClient.newHttpClient();
            URI notYet = site.url().resolve("/articles/not-yet/");

            HttpResponse<String> starting = http.send(HttpRequest.newBuilder(notYet).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, starting.statusCode());
            assertTrue(starting.body().contains("rendering the site") && starting.body().contains(SiteServer.EVENTS_PATH), starting.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(site.url().resolve("/articles/written/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a page already written is served during the start");

            site.finishStarting();
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(notYet).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("Page not found"), missing.body());
        }
    }

    @Test
    void anSvgImageIsServedSandboxedAsTheCdnServesIt() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            s3.putObject(r -> r.bucket("site").key("media/images/flow.svg").contentType("image/svg+xml"),
                    RequestBody.fromString("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
            s3.putObject(r -> r.bucket("site").key("media/images/flow.png").contentType("image/png"), RequestBody.fromString("png"));
            site.finishStarting();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> svg = http.send(HttpRequest.newBuilder(site.url().resolve("/media/images/flow.svg")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, svg.statusCode());
            assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(SiteServer.SVG_POLICY, svg.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertTrue(SiteServer.SVG_POLICY.endsWith("; sandbox") && !SiteServer.SVG_POLICY.contains("script-src"));
            assertTrue(http.send(HttpRequest.newBuilder(site.url().resolve("/media/images/flow.png")).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").isEmpty(), "only SVG");
        }
    }

    private static SiteServer startedOn(EmbeddedS3 server, S3Client s3) throws java.io.IOException {
        server.createBucket("site");
        return new SiteServer(s3, "site", 0);
    }
}
