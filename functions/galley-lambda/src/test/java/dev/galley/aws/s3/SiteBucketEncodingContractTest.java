package dev.galley.aws.s3;

import dev.galley.aws.S3ContentStore;
import dev.galley.aws.S3SiteStore;
import dev.galley.lambda.TestS3;
import dev.galley.publish.Publisher;
import dev.galley.publish.SiteStore;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site bucket holds text gzip-encoded ({@link S3SiteStore}), against an S3-compatible server, each object checked
 * with the SDK's S3 client and decoded with the JDK's gzip reader: what S3 holds, what the core reads back, and that
 * the write rule's skip compares the bytes as rendered with the bytes as rendered. Subclasses choose the server.
 */
abstract class SiteBucketEncodingContractTest {

    private static final String ARTICLE = "---\ntitle: Backpressure\ndate: 2024-03-01\ntags: [queues]\n---\n"
            + "A bounded queue says no early. ".repeat(40) + "\n";

    protected abstract TestS3 server();

    private S3Client sdk;
    private S3Http s3;
    private String site;
    private String content;
    /** Every attempt the function's client made: operation and key. */
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createBuckets() {
        sdk = server().sdk();
        site = server().newBucket("site");
        content = server().newBucket("content");
        s3 = server().client(server().endpoint().config(content, site), new S3Observer() {
            @Override
            public void sending(S3Exchange exchange) {
                attempts.add(exchange.operation() + " " + exchange.key());
            }
        });
    }

    @Test
    void textIsStoredGzipEncodedUnderItsOwnHeaderAndReadBackPlain() {
        byte[] html = ("<!doctype html><title>x</title>" + "<p>A listing card.</p>".repeat(200)).getBytes(StandardCharsets.UTF_8);
        S3SiteStore store = new S3SiteStore(s3, site);

        store.write(new SiteFile("tags/go/index.html", html, ContentKind.HTML), Map.of(SiteStore.CONTENT_HASH, "ab12"), new SiteStore.Condition.None());

        ResponseBytes<GetObjectResponse> held = sdk.getObjectAsBytes(r -> r.bucket(site).key("tags/go/index.html"));
        assertEquals("gzip", held.response().contentEncoding());
        assertEquals("text/html;charset=utf-8", held.response().contentType().replace("; ", ";"));
        assertArrayEquals(html, gunzip(held.asByteArray()), "the JDK's gzip reader decodes what S3 holds");
        assertTrue(held.asByteArray().length * 5 < html.length, held.asByteArray().length + " bytes held for " + html.length);
        assertEquals(md5(held.asByteArray()), held.response().eTag().replace("\"", ""), "the ETag is the MD5 of the encoded bytes");
        SiteStore.Stored read = store.read("tags/go/index.html").orElseThrow();
        assertArrayEquals(html, read.bytes(), "the core reads what it rendered");
        assertEquals("ab12", read.version().metadata().get(SiteStore.CONTENT_HASH));
        assertEquals("ab12", store.head("tags/go/index.html").orElseThrow().metadata().get(SiteStore.CONTENT_HASH));
    }

    @Test
    void theSameBytesAreTheSameObjectAndImagesStayAsTheyAre() {
        byte[] json = "{\"chunks\":[\"/search/a.json\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        S3SiteStore store = new S3SiteStore(s3, site);

        store.write(new SiteFile("search.json", json, ContentKind.JSON), Map.of(), new SiteStore.Condition.None());
        String first = sdk.headObject(r -> r.bucket(site).key("search.json")).eTag();
        store.write(new SiteFile("search.json", json, ContentKind.JSON), Map.of(), new SiteStore.Condition.None());
        store.write(new SiteFile("media/a.png", png, ContentKind.PNG), Map.of(), new SiteStore.Condition.None());

        assertEquals(first, sdk.headObject(r -> r.bucket(site).key("search.json")).eTag(), "a fixed header and level: the same encoded bytes");
        ResponseBytes<GetObjectResponse> image = sdk.getObjectAsBytes(r -> r.bucket(site).key("media/a.png"));
        assertNull(image.response().contentEncoding());
        assertArrayEquals(png, image.asByteArray());
        assertArrayEquals(png, store.read("media/a.png").orElseThrow().bytes());
    }

    @Test
    void anObjectHeldOtherwiseThanTheStoreWritesItIsReadPlainAndReportsNoHash() {
        byte[] html = "<p>written by an older Galley</p>".getBytes(StandardCharsets.UTF_8);
        sdk.putObject(r -> r.bucket(site).key("index.html").contentType("text/html; charset=utf-8").metadata(Map.of(SiteStore.CONTENT_HASH, "cd34")),
                RequestBody.fromBytes(html));
        S3SiteStore encoding = new S3SiteStore(s3, site, true);
        S3SiteStore plain = new S3SiteStore(s3, site, false);

        assertArrayEquals(html, encoding.read("index.html").orElseThrow().bytes());
        assertFalse(encoding.head("index.html").orElseThrow().metadata().containsKey(SiteStore.CONTENT_HASH), "plain where it would encode");
        assertEquals("cd34", plain.head("index.html").orElseThrow().metadata().get(SiteStore.CONTENT_HASH));

        encoding.write(new SiteFile("index.html", html, ContentKind.HTML), Map.of(SiteStore.CONTENT_HASH, "cd34"), new SiteStore.Condition.None());

        assertArrayEquals(html, plain.read("index.html").orElseThrow().bytes(), "a store that writes plain still reads an encoded object");
        assertFalse(plain.head("index.html").orElseThrow().metadata().containsKey(SiteStore.CONTENT_HASH), "encoded where it would not");
        assertEquals("cd34", encoding.head("index.html").orElseThrow().metadata().get(SiteStore.CONTENT_HASH));
    }

    @Test
    void aReRenderOfAnUnchangedSiteWritesNoPageAndOneWithTheEncodingChangedRewritesEveryTextObject() {
        sdk.putObject(r -> r.bucket(content).key("backpressure.md"), RequestBody.fromString(ARTICLE));
        new Publisher(new S3ContentStore(s3, content, ""), new S3SiteStore(s3, site, false)).rebuild();
        Map<String, String> plainObjects = textObjectEncodings();
        assertTrue(plainObjects.containsKey("articles/backpressure/index.html") && plainObjects.containsKey("index.html"), plainObjects.toString());
        assertTrue(plainObjects.values().stream().allMatch(""::equals), "written plain: " + plainObjects);

        new Publisher(new S3ContentStore(s3, content, ""), new S3SiteStore(s3, site, true)).rebuild();
        Map<String, String> encoded = textObjectEncodings();
        assertEquals(plainObjects.keySet(), encoded.keySet());
        assertTrue(encoded.values().stream().allMatch("gzip"::equals), "the plain objects an older Galley left are written again: " + encoded);

        attempts.clear();
        new Publisher(new S3ContentStore(s3, content, ""), new S3SiteStore(s3, site, true)).rebuild();
        List<String> pagesWritten = attempts.stream().filter(a -> a.startsWith("PutObject ") && !a.startsWith("PutObject _galley/")).toList();
        assertEquals(List.of(), pagesWritten, "the stored hash is of the rendered bytes, so nothing unchanged is written again");
        String page = new String(new S3SiteStore(s3, site).read("articles/backpressure/index.html").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(page.contains("A bounded queue says no early."), "read back as rendered");
    }

    /** Every object of the site bucket outside {@code _galley/} but the images, with its Content-Encoding ("" for none). */
    private Map<String, String> textObjectEncodings() {
        Map<String, String> encodings = new java.util.TreeMap<>();
        for (S3Object object : sdk.listObjectsV2Paginator(r -> r.bucket(site)).contents()) {
            if (!object.key().startsWith("_galley/")) {
                String encoding = sdk.headObject(r -> r.bucket(site).key(object.key())).contentEncoding();
                encodings.put(object.key(), encoding == null ? "" : encoding);
            }
        }
        return encodings;
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
