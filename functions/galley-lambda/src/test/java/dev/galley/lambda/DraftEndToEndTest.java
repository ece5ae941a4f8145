package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.aws.SecretsManagerDraftKey;
import dev.galley.publish.DraftLinks;
import dev.galley.publish.PublishSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shared draft's whole life through the handler, over HTTP against S3Proxy: shared, published, made a draft again, deleted. */
class DraftEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "a-draft-key-for-the-end-to-end-test".getBytes(StandardCharsets.US_ASCII);
    private static final String SOURCE = "posts/zero-downtime.md";
    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();
    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto();

    private S3Client s3;
    private String contentBucket;
    private String siteBucket;
    private FunctionConfig config;
    private final AtomicInteger keyReads = new AtomicInteger();

    @BeforeEach
    void createBuckets() {
        s3 = S3PROXY.sdk();
        contentBucket = S3PROXY.newBucket("content");
        siteBucket = S3PROXY.newBucket("site");
        config = S3PROXY.endpoint().config(contentBucket, siteBucket);
        s3.putObject(r -> r.bucket(contentBucket).key("site.yaml"), RequestBody.fromString("title: Field notes\nbaseUrl: https://blog.example.com/\n"));
    }

    private PublishHandler handler(DraftLinks drafts) {
        return new PublishHandler(config, S3Clients.create(config, S3PROXY.endpoint().credentials()), null, Clock.systemUTC(), PublishSchedule.NONE, drafts);
    }

    private DraftLinks counted(byte[] key) {
        return DraftLinks.keyedBy(() -> {
            keyReads.incrementAndGet();
            return key;
        });
    }

    private static String zeroDowntime(boolean draft) {
        return """
                ---
                title: Zero-downtime migrations
                date: 2026-03-10
                tags: [PostgreSQL]
                draft: %s
                ---
                Expand, migrate, contract: each step keeps the old and the new code working.
                """.formatted(draft);
    }

    private JsonNode upload(PublishHandler handler, String key, String text) throws Exception {
        String etag = s3.putObject(r -> r.bucket(contentBucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8)).eTag().replace("\"", "");
        return handle(handler, Events.record("ObjectCreated:Put", contentBucket, key, etag, PublishEndToEndTest.nextSequencer()));
    }

    private JsonNode delete(PublishHandler handler, String key) throws Exception {
        s3.deleteObject(r -> r.bucket(contentBucket).key(key));
        return handle(handler, Events.record("ObjectRemoved:Delete", contentBucket, key, "", PublishEndToEndTest.nextSequencer()));
    }

    private static JsonNode handle(PublishHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private Map<String, String> tags(String key) {
        return s3.getObjectTagging(r -> r.bucket(contentBucket).key(key)).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private Optional<String> site(String path) {
        try {
            return Optional.of(SiteBuckets.readPlain(s3, siteBucket, path).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private boolean siteHasUnder(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(siteBucket).prefix(prefix)).keyCount() > 0;
    }

    @Test
    void aDraftIsSharedThenPublishedThenSharedAgainThenGone() throws Exception {
        PublishHandler handler = handler(counted(KEY));
        String folder = DraftLinks.keyedBy(() -> KEY).path(SOURCE);
        upload(handler, "posts/canaries.md", zeroDowntime(false).replace("Zero-downtime migrations", "Canary releases"));

        assertEquals("draft", upload(handler, SOURCE, zeroDowntime(true)).path(SOURCE).asText());
        assertEquals("draft", tags(SOURCE).get("galley-status"));
        assertEquals("https://blog.example.com/" + folder, tags(SOURCE).get("galley-url"), "the tag gives the link, absolute");
        String page = site(folder + "index.html").orElseThrow();
        assertTrue(page.contains("noindex, nofollow") && page.contains("Draft — not published."), page);
        assertTrue(site("index.html").orElseThrow().contains("Canary releases"));
        assertFalse(site("index.html").orElseThrow().contains("Zero-downtime"), "the home page does not list it");
        assertFalse(site("articles/canaries/index.html").orElseThrow().contains("Zero-downtime"), "nor does a neighbour link it");
        java.util.regex.Matcher sitemap = java.util.regex.Pattern.compile("<loc>[^<]*?/(sitemaps/[^<]+)</loc>").matcher(site("sitemap.xml").orElseThrow());
        while (sitemap.find()) {
            assertFalse(site(sitemap.group(1)).orElseThrow().contains("drafts/"), sitemap.group(1));
        }

        assertEquals("published", upload(handler, SOURCE, zeroDowntime(false)).path(SOURCE).asText());
        assertTrue(site(folder + "index.html").isEmpty(), "published: the draft's page is gone");
        assertTrue(site("articles/zero-downtime/index.html").isPresent());
        assertEquals("https://blog.example.com/articles/zero-downtime/", tags(SOURCE).get("galley-url"));

        upload(handler, SOURCE, zeroDowntime(true));
        assertTrue(site("articles/zero-downtime/index.html").isEmpty(), "a draft again: taken down");
        assertTrue(site(folder + "index.html").isPresent(), "and shared at the same link");

        delete(handler, SOURCE);
        assertFalse(siteHasUnder("drafts/") || siteHasUnder("_galley/drafts/"), "deleted: nothing of the draft is left");
        assertEquals(1, keyReads.get(), "one container reads the key once");
    }

    @Test
    void aContainerThatMeetsNoDraftNeverReadsTheKey() throws Exception {
        PublishHandler handler = handler(counted(KEY));
        upload(handler, "posts/canaries.md", zeroDowntime(false).replace("Zero-downtime migrations", "Canary releases"));
        delete(handler, "posts/canaries.md");
        handle(handler, "{\"action\":\"rebuild\"}");
        assertEquals(0, keyReads.get());
    }

    @Test
    void theKeyIsTheSecretInSecretsManager() throws Exception {
        S3Endpoint moto = MOTO.endpoint();
        try (SecretsManagerClient secrets = SecretsManagerClients.create(moto.region(), moto.credentials(), Optional.of(moto.uri()))) {
            String arn = secrets.createSecret(r -> r.name("galley-test-draft-key").secretString(new String(KEY, StandardCharsets.US_ASCII))).arn();
            SecretsManagerDraftKey key = new SecretsManagerDraftKey(() -> SecretsManagerClients.create(moto.region(), moto.credentials(),
                    Optional.of(moto.uri())), arn);
            PublishHandler handler = handler(DraftLinks.keyedBy(key));

            upload(handler, SOURCE, zeroDowntime(true));

            String folder = DraftLinks.keyedBy(() -> KEY).path(SOURCE);
            assertEquals("https://blog.example.com/" + folder, tags(SOURCE).get("galley-url"));
            assertTrue(site(folder + "index.html").isPresent());
        }
    }
}
