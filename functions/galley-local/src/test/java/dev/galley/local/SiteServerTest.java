package dev.galley.local;

import dev.galley.aws.S3SiteStore;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.S3Clients;
import dev.galley.publish.Redirects;
import dev.galley.publish.SiteStore;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(location, SiteServer.redirectLocation(Map.of(Redirects.TARGET, stored), query));
    }

    @Test
    void anObjectWithoutRedirectMetadataIsServedAsItIs() {
        assertNull(SiteServer.redirectLocation(Map.of("galley-revision", "3"), "a=b"));
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
            assertTrue(starting.body().contains("rendering the site") && starting.body().contains(SiteServer.RELOAD_SCRIPT_PATH), starting.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(site.url().resolve("/articles/written/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a page already written is served during the start");

            site.finishStarting();
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(notYet).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("Page not found"), missing.body());
        }
    }

    @Test
    void duringTheStartTheStandInIsServedBeforeTheBucketAndAfterItOnlyTheBucket() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            s3.putObject(r -> r.bucket("site").key("articles/edited/index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString("<html><body>Last run's page</body></html>"));
            Map<String, SiteServer.Served> standIn = Map.of(
                    "articles/edited/index.html", new SiteServer.Served("<html><body>This run's page</body></html>".getBytes(), "text/html; charset=utf-8", Map.of()),
                    "old/index.html", new SiteServer.Served("moved".getBytes(), "text/html; charset=utf-8", Map.of(Redirects.TARGET, "%2Farticles%2Fedited%2F")));
            site.serveDuringStart(key -> java.util.Optional.ofNullable(standIn.get(key)));
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            URI edited = site.url().resolve("/articles/edited/");

            assertTrue(http.send(HttpRequest.newBuilder(edited).build(), HttpResponse.BodyHandlers.ofString()).body().contains("This run's page"));
            HttpResponse<String> moved = http.send(HttpRequest.newBuilder(site.url().resolve("/old/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(301, moved.statusCode(), "a redirect of the stand-in answers as the CDN does");
            assertEquals("/articles/edited/", moved.headers().firstValue("Location").orElseThrow());

            site.finishStarting();
            assertTrue(http.send(HttpRequest.newBuilder(edited).build(), HttpResponse.BodyHandlers.ofString()).body().contains("Last run's page"),
                    "once started, the bucket is the site");
            assertEquals(404, http.send(HttpRequest.newBuilder(site.url().resolve("/old/")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void everyAnswerCarriesTheCdnsSecurityHeadersAndTheReloadScriptIsAFileTheyAllow() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            s3.putObject(r -> r.bucket("site").key("index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString("<!DOCTYPE html><html><body><p>Home</p></body></html>"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> starting = http.send(HttpRequest.newBuilder(site.url().resolve("/articles/not-yet/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            site.finishStarting();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(site.url()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(site.url().resolve("/nothing/")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> script = http.send(HttpRequest.newBuilder(site.url().resolve(SiteServer.RELOAD_SCRIPT_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> response : List.of(starting, home, missing, script)) {
                SiteServer.PAGE_HEADERS.forEach((name, value) ->
                        assertEquals(value, response.headers().firstValue(name).orElse(null), name + " of " + response.uri()));
            }
            assertAll(
                    () -> assertEquals(503, starting.statusCode()),
                    () -> assertEquals(404, missing.statusCode()),
                    () -> assertTrue(home.body().contains("<script src=\"" + SiteServer.RELOAD_SCRIPT_PATH + "\"></script></body>"), home.body()),
                    () -> assertFalse(home.body().contains("<script>"), "no inline script: the policy would block it"),
                    () -> assertTrue(script.body().contains("new EventSource('" + SiteServer.EVENTS_PATH + "')"), script.body()),
                    () -> assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow()));
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
            String svgPolicy = svg.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertEquals(SiteServer.SVG_HEADERS.get("Content-Security-Policy"), svgPolicy);
            assertTrue(svgPolicy.endsWith("; sandbox") && !svgPolicy.contains("script-src"));
            assertEquals(SiteServer.PAGE_HEADERS.get("Content-Security-Policy"), http.send(HttpRequest.newBuilder(site.url().resolve("/media/images/flow.png")).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElseThrow(), "only SVG is sandboxed");
        }
    }

    @Test
    void aSharedDraftIsServedWithANoindexHeaderAsTheCdnServesIt() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            s3.putObject(r -> r.bucket("site").key("drafts/q8Zx0sLk3vB1nM7pT4rW2yC6dF9gH5jA/index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString("<p>draft</p>"));
            s3.putObject(r -> r.bucket("site").key("articles/x/index.html").contentType("text/html; charset=utf-8"), RequestBody.fromString("<p>x</p>"));
            site.finishStarting();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> draft = http.send(HttpRequest.newBuilder(site.url().resolve("/drafts/q8Zx0sLk3vB1nM7pT4rW2yC6dF9gH5jA/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, draft.statusCode());
            assertEquals("noindex, nofollow", draft.headers().firstValue("X-Robots-Tag").orElseThrow());
            assertEquals(SiteServer.PAGE_HEADERS.get("Content-Security-Policy"), draft.headers().firstValue("Content-Security-Policy").orElseThrow());
            HttpResponse<String> article = http.send(HttpRequest.newBuilder(site.url().resolve("/articles/x/")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(article.headers().firstValue("X-Robots-Tag").isEmpty(), "published pages are for search engines");
        }
    }

    @Test
    void aGzipEncodedObjectIsServedEncodedToAClientThatAcceptsGzipAndDecodedToOneThatDoesNot() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                     .build();
             SiteServer site = startedOn(server, s3)) {
            String html = "<!DOCTYPE html><html><body><p>Home</p></body></html>";
            String json = "{\"chunks\":[\"/search/a.json\"]}";
            // Written as the preview's handler writes them: gzip-encoded by the function's own site store.
            S3SiteStore store = new S3SiteStore(S3Clients.create(new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint())),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()))), "site");
            store.write(new SiteFile("index.html", html.getBytes(StandardCharsets.UTF_8), ContentKind.HTML), Map.of(), new SiteStore.Condition.None());
            store.write(new SiteFile("search.json", json.getBytes(StandardCharsets.UTF_8), ContentKind.JSON), Map.of(), new SiteStore.Condition.None());
            site.finishStarting();
            HttpClient http = HttpClient.newHttpClient();  // asks for no encoding and decodes none, as curl without --compressed

            for (String path : List.of("/", "/search.json")) {
                HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(site.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(site.url().resolve(path)).header("Accept-Encoding", "br, gzip;q=0.8").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String expected = path.equals("/") ? html.replace("</body>", "<script src=\"" + SiteServer.RELOAD_SCRIPT_PATH + "\"></script></body>") : json;
                assertAll(path,
                        () -> assertEquals(200, plain.statusCode()),
                        () -> assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty()),
                        () -> assertEquals(expected, new String(plain.body(), StandardCharsets.UTF_8)),
                        () -> assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElseThrow()),
                        () -> assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow()),
                        () -> assertEquals("Accept-Encoding", gzip.headers().firstValue("Vary").orElseThrow()),
                        () -> assertEquals(expected, new String(gunzip(gzip.body()), StandardCharsets.UTF_8)));
            }
        }
    }

    @ParameterizedTest(name = "Accept-Encoding \"{0}\" takes gzip: {1}")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
            gzip, deflate, br        | true
            br;q=1.0, GZIP;q=0.8     | true
            x-gzip                   | true
            *                        | true
            identity                 | false
            br                       | false
            gzip;q=0                 | false
            gzip; q=0.000, *         | false
            *;q=0.5, gzip;q=0        | false
            deflate, *;q=0           | false
            none                     | false
            """)
    void aClientTakesGzipWhenItsAcceptEncodingNamesItWithAWeightAboveZero(String acceptEncoding, boolean takesGzip) {
        assertEquals(takesGzip, SiteServer.acceptsGzip(acceptEncoding));
    }

    private static byte[] gunzip(byte[] bytes) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static SiteServer startedOn(EmbeddedS3 server, S3Client s3) throws java.io.IOException {
        server.createBucket("site");
        SiteServer site = new SiteServer(0);
        site.serveBucket(s3, "site");
        return site;
    }
}
