package dev.galley.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.galley.aws.GzipEncoding;
import dev.galley.publish.DraftLinks;
import dev.galley.publish.Redirects;
import dev.galley.site.SecurityHeaders;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the site bucket over HTTP the way CloudFront will: {@code /} is {@code index.html}, {@code /x/} is
 * {@code x/index.html}, a missing page is {@code 404.html} with status 404, and Galley's internal state under
 * {@code _galley/} is refused, and a redirect object answers 301 to its target. An object the bucket holds
 * gzip-encoded is served so to a client that accepts gzip and decoded for one that does not (CloudFront passes the
 * encoded bytes to every client; the preview is kinder to {@code curl} without {@code --compressed}). Every answer
 * carries the CDN's security headers ({@link SecurityHeaders}: the same content security policy), so what production
 * blocks is blocked here too. HTML pages get a small script file that reloads the tab when the site changes (a file, since the policy
 * allows no inline script).
 *
 * <p>It serves while the preview starts: from a stand-in first (the local build of the folder) when it has the
 * page, then from the site bucket (a page an earlier preview wrote is served as it was); a page neither has yet
 * is a "rendering" page (status 503). Once the start is over, only the bucket is served and every tab reloads.
 */
final class SiteServer implements AutoCloseable {

    static final String EVENTS_PATH = "/_preview/events";
    static final String RELOAD_SCRIPT_PATH = "/_preview/reload.js";
    private static final byte[] RELOAD_SCRIPT_FILE = ("new EventSource('" + EVENTS_PATH + "').onmessage = () => location.reload();\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final String RELOAD_SCRIPT = "<script src=\"" + RELOAD_SCRIPT_PATH + "\"></script>";
    private static final String SVG = "image/svg+xml";
    /** The CDN's headers (template.yaml's policies) with the stack's default ExtraFrameHosts, which is none. */
    static final Map<String, String> PAGE_HEADERS = SecurityHeaders.forPages("");
    static final Map<String, String> SVG_HEADERS = SecurityHeaders.forSvg();
    static final Map<String, String> DRAFT_HEADERS = SecurityHeaders.forDrafts("");
    private static final String STARTING_PAGE = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Rendering the site</title>"
            + "<body><p>Galley is rendering the site; this page opens by itself in a moment.</p>" + RELOAD_SCRIPT + "</body></html>";

    /**
     * An object to serve: its bytes, its media type, its content encoding (null: plain) and Galley's metadata on it (a
     * redirect's target).
     */
    record Served(byte[] bytes, String contentType, String contentEncoding, Map<String, String> metadata) {
        Served(byte[] bytes, String contentType, Map<String, String> metadata) {
            this(bytes, contentType, null, metadata);
        }

        boolean gzipped() {
            return GzipEncoding.isGzip(contentEncoding);
        }
    }

    /** Where served objects come from: the site bucket, or a stand-in for it while the preview starts. */
    interface Source {
        Optional<Served> get(String key);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "galley-preview-http");
        thread.setDaemon(true);
        return thread;
    });
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean starting = true;
    private volatile Source site = key -> Optional.empty();
    private volatile Source standIn = key -> Optional.empty();

    /** Starts serving at once: until a source is given, every page is the "rendering" page. */
    SiteServer(int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.createContext(EVENTS_PATH, this::subscribe);
        server.createContext(RELOAD_SCRIPT_PATH, this::reloadScript);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The site bucket, served from now on. */
    void serveBucket(S3Client s3, String bucket) {
        site = key -> {
            try {
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
                return Optional.of(new Served(object.asByteArray(), object.response().contentType(), object.response().contentEncoding(),
                        object.response().metadata()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        };
    }

    /** Served before the bucket until the start is over: pages the start has rendered but not yet written. */
    void serveDuringStart(Source pages) {
        standIn = pages;
    }

    /** Ends the start: only the bucket is served, a missing page is the site's 404, and every open tab reloads. */
    void finishStarting() {
        starting = false;
        standIn = key -> Optional.empty();
        reloadTabs();
    }

    /** Tells every open tab to reload. */
    void reloadTabs() {
        for (OutputStream listener : listeners) {
            try {
                listener.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                listener.flush();
            } catch (IOException e) {
                listeners.remove(listener);
            }
        }
    }

    /** The object key for a request path, or null when the path may not be served. */
    static String keyFor(String path) {
        if (path == null || !path.startsWith("/") || path.contains("\\")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        String key = path.substring(1);
        if (key.startsWith("_galley/") || key.equals("_galley")) {
            return null;
        }
        return dev.galley.site.SitePaths.objectKeyServedFor(key);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String key = keyFor(exchange.getRequestURI().getPath());
            (key != null && key.startsWith(DraftLinks.ROOT) ? DRAFT_HEADERS : PAGE_HEADERS).forEach(exchange.getResponseHeaders()::set);
            Served object = key == null ? null : find(key);
            int status = 200;
            if (object == null && starting) {
                byte[] page = STARTING_PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.getResponseHeaders().set("Retry-After", "1");
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(503, head ? -1 : page.length);
                if (!head) {
                    exchange.getResponseBody().write(page);
                }
                return;
            }
            if (object == null) {
                status = 404;
                object = find("404.html");
                if (object == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            String location = status == 200 ? redirectLocation(object.metadata(), exchange.getRequestURI().getRawQuery()) : null;
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String contentType = object.contentType();
            boolean sendGzipped = object.gzipped() && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            byte[] body = object.bytes();
            if (contentType != null && contentType.startsWith("text/html")) {
                String page = new String(GzipEncoding.decode(body, object.contentEncoding()), StandardCharsets.UTF_8);
                body = page.replace("</body>", RELOAD_SCRIPT + "</body>").getBytes(StandardCharsets.UTF_8);
                body = sendGzipped ? GzipEncoding.encode(body) : body;
            } else if (!sendGzipped) {
                body = GzipEncoding.decode(body, object.contentEncoding());
            }
            if (object.gzipped()) {
                exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
            }
            if (sendGzipped) {
                exchange.getResponseHeaders().set("Content-Encoding", GzipEncoding.GZIP);
            }
            exchange.getResponseHeaders().set("Content-Type", contentType == null ? "application/octet-stream" : contentType);
            if (SVG.equals(contentType)) {
                SVG_HEADERS.forEach(exchange.getResponseHeaders()::set);  // as the CDN serves them
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /**
     * Whether a request's {@code Accept-Encoding} takes gzip (RFC 9110, 12.5.3): gzip named with a weight above 0, or not
     * named and {@code *} is. None of the preview's libraries parses the header (docs/libraries.md).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Map<String, Boolean> acceptable = new HashMap<>();
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            boolean weightZero = Arrays.stream(parts).skip(1).anyMatch(parameter -> parameter.strip().matches("[qQ]=0(\\.0{0,3})?"));
            acceptable.putIfAbsent(parts[0].strip().toLowerCase(Locale.ROOT), !weightZero);
        }
        Boolean gzip = acceptable.getOrDefault("gzip", acceptable.get("x-gzip"));
        return gzip != null ? gzip : acceptable.getOrDefault("*", false);
    }

    private Served find(String key) {
        Optional<Served> found = starting ? standIn.get(key) : Optional.empty();
        return found.or(() -> site.get(key)).orElse(null);
    }

    /**
     * Where a redirect object sends the reader, as the CDN's viewer-response function answers it: its target (kept
     * form-encoded in the object's metadata) with the request's query string; null for any other object, or a
     * target that is not a path of this site.
     */
    static String redirectLocation(Map<String, String> metadata, String rawQuery) {
        String stored = metadata.get(Redirects.TARGET);
        if (stored == null) {
            return null;
        }
        String target;
        try {
            target = URLDecoder.decode(stored, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!target.startsWith("/") || target.startsWith("//") || target.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '\\')) {
            return null;
        }
        return rawQuery == null || rawQuery.isEmpty() ? target : target + "?" + rawQuery;
    }

    private void reloadScript(HttpExchange exchange) throws IOException {
        try (exchange) {
            PAGE_HEADERS.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : RELOAD_SCRIPT_FILE.length);
            if (!head) {
                exchange.getResponseBody().write(RELOAD_SCRIPT_FILE);
            }
        }
    }

    private void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream stream = exchange.getResponseBody();
        stream.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        stream.flush();
        listeners.add(stream);   // held open until the tab goes away or the server stops
    }

    @Override
    public void close() {
        listeners.forEach(stream -> {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the tab is gone
            }
        });
        server.stop(0);
        threads.shutdownNow();
    }
}
