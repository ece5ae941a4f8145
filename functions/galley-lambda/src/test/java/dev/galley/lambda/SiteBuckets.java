package dev.galley.lambda;

import dev.galley.aws.GzipEncoding;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.publish.Manifest;
import dev.galley.publish.StatePieces;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fresh content bucket and site bucket on an S3-compatible server, and what an author, S3 and a reader do
 * with them, all over HTTP. Handlers made here each get their own S3 client, as each Lambda container has.
 */
final class SiteBuckets implements AutoCloseable {

    private static final Pattern ARTICLE_LINK = Pattern.compile("^/articles/([^/]+)/$");
    private static final AtomicLong SEQUENCER = new AtomicLong(0x0055AED6DCD9028100L);

    final FunctionConfig config;
    final String content;
    final String site;
    /** The author's and the reader's client. */
    final S3Client s3;
    private final S3Endpoint endpoint;

    private SiteBuckets(S3Endpoint endpoint) {
        this.endpoint = endpoint;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.content = "content-" + suffix;
        this.site = "site-" + suffix;
        this.config = endpoint.config(content, site);
        // Like the AWS CLI, the author and the reader retry more than the function does, so that under
        // injected faults the test's own requests get through.
        this.s3 = S3Client.builder()
                .region(Region.of(endpoint.region()))
                .endpointOverride(endpoint.uri())
                .forcePathStyle(true)
                .credentialsProvider(endpoint.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build()))
                .build();
    }

    static SiteBuckets create(S3Endpoint endpoint) {
        SiteBuckets buckets = new SiteBuckets(endpoint);
        buckets.s3.createBucket(b -> b.bucket(buckets.content));
        buckets.s3.createBucket(b -> b.bucket(buckets.site));
        return buckets;
    }

    /** The function's client. */
    S3Http newClient() {
        return S3Clients.create(config, endpoint.credentials());
    }

    /** The function's client, with a hook on its requests. */
    S3Http newClient(S3Observer observer) {
        return S3Clients.create(config, endpoint.credentials(), observer);
    }

    /** A handler with its own client, like a fresh Lambda container. */
    PublishHandler newHandler() {
        return new PublishHandler(config, newClient());
    }

    @Override
    public void close() {
        s3.close();
    }

    // --- the author ---

    static String article(String title, String date, String... extra) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n" + String.join("\n", extra) + (extra.length > 0 ? "\n" : "")
                + "---\nThe body of " + title + ".\n";
    }

    /** Uploads like an author and returns the notification S3 sends for it (with a sequencer of our own). */
    String upload(String key, byte[] bytes) {
        String etag = s3.putObject(r -> r.bucket(content).key(key).contentType("text/markdown"), RequestBody.fromBytes(bytes))
                .eTag().replace("\"", "");
        return Events.record("ObjectCreated:Put", content, key, etag, nextSequencer());
    }

    String upload(String key, String text) {
        return upload(key, text.getBytes(StandardCharsets.UTF_8));
    }

    String delete(String key) {
        s3.deleteObject(r -> r.bucket(content).key(key));
        return Events.record("ObjectRemoved:Delete", content, key, "", nextSequencer());
    }

    static String nextSequencer() {
        return String.format("%018X", SEQUENCER.incrementAndGet());
    }

    /** Every key in the content bucket with its current bytes. */
    Map<String, String> contentFiles() {
        return s3.listObjectsV2Paginator(r -> r.bucket(content)).contents().stream().map(S3Object::key)
                .collect(Collectors.toMap(k -> k, k -> s3.getObjectAsBytes(r -> r.bucket(content).key(k)).asUtf8String()));
    }

    Map<String, String> tags(String key) {
        return s3.getObjectTagging(r -> r.bucket(content).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    // --- the function ---

    static String handle(PublishHandler handler, String event, RecordingContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // --- the reader ---

    Optional<byte[]> siteBytes(String path) {
        return siteObject(path).map(ResponseBytes::asByteArray);
    }

    String siteText(String path) {
        return new String(siteBytes(path).orElseThrow(() -> new AssertionError("no " + path + " in the site bucket")),
                StandardCharsets.UTF_8);
    }

    /** An object of the site bucket as a reader's browser gets it: decoded as its Content-Encoding says. */
    Optional<ResponseBytes<GetObjectResponse>> siteObject(String path) {
        try {
            return Optional.of(readPlain(s3, site, path));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * An object of a site bucket, its bytes decoded as its own Content-Encoding says (the site bucket holds text
     * gzip-encoded, and objects an older Galley wrote plain): what every test that reads pages from the bucket reads.
     */
    static ResponseBytes<GetObjectResponse> readPlain(S3Client s3, String bucket, String key) {
        ResponseBytes<GetObjectResponse> held = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
        return ResponseBytes.fromByteArray(held.response(), GzipEncoding.decode(held.asByteArray(), held.response().contentEncoding()));
    }

    Optional<String> siteETag(String path) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(site).key(path)).eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    List<String> sitePaths(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(site).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    Manifest manifest() {
        return siteBytes(StatePieces.ROOT).map(root -> StatePieces.assemble(root, name -> siteBytes(StatePieces.FOLDER + name + ".json")))
                .orElse(Manifest.EMPTY);
    }

    /** The slugs of every article an index page links to, in page order. */
    static Set<String> linkedArticles(byte[] html) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Set<String> slugs = new LinkedHashSet<>();
        for (Element link : page.select("a[href]")) {
            Matcher article = ARTICLE_LINK.matcher(link.attr("href"));
            if (article.matches()) {
                slugs.add(article.group(1));
            }
        }
        return slugs;
    }

    /** The site paths of the tag pages a page links to, such as {@code tags/go/index.html}. */
    static Set<String> linkedTagPages(byte[] html) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Set<String> paths = new LinkedHashSet<>();
        for (Element link : page.select("a[href^=/tags/]")) {
            String href = link.attr("href");
            if (href.length() > "/tags/".length() && href.endsWith("/")) {
                paths.add(href.substring(1) + "index.html");
            }
        }
        return paths;
    }

    /** The articles the home page lists, following its "next" links if it is paginated. */
    Set<String> homePageArticles() {
        return listing("index.html", new LinkedHashSet<>());
    }

    /**
     * The articles a listing (the home page or a tag page) shows on all its pages, following the "next"
     * links; every page visited is added to {@code pages}.
     */
    Set<String> listing(String firstPage, Set<String> pages) {
        Set<String> slugs = new LinkedHashSet<>();
        String path = firstPage;
        while (path != null && pages.add(path)) {
            String page = path;
            byte[] html = siteBytes(page).orElseThrow(() -> new AssertionError("no page " + page));
            slugs.addAll(linkedArticles(html));
            Element next = Jsoup.parse(new String(html, StandardCharsets.UTF_8)).selectFirst("a[rel=next], link[rel=next]");
            path = next == null ? null : next.attr("href").replaceFirst("^/", "") + (next.attr("href").endsWith("/") ? "index.html" : "");
        }
        return slugs;
    }
}
