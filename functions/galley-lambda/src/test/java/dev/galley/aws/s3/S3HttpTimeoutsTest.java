package dev.galley.aws.s3;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the client does with answers an S3 emulator will not give on demand: a server that answers late, errors
 * that clear up, error bodies that are not S3's. A scripted HTTP server (the JDK's) plays S3.
 */
class S3HttpTimeoutsTest {

    private HttpServer server;
    private final List<Integer> statusesToGive = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    /**
     * The client's attempts, counted as it sends them: where it gives up on a late answer, the server may not have
     * taken up the last request yet when the test looks.
     */
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers each request with the next scripted status (then 200) and an S3 error body, after {@code delay}. */
    private S3Http clientOfScriptedServer(Duration delay, String errorBody, Duration answerTimeout) throws IOException {
        return clientOf(exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = statusesToGive.isEmpty() ? 200 : statusesToGive.remove(0);
            byte[] body = (status == 200 ? "hello" : errorBody).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }, answerTimeout);
    }

    /** A client of a local server that answers every request with {@code handler}; one attempt waits {@code answerTimeout}. */
    private S3Http clientOf(HttpHandler handler, Duration answerTimeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool());  // an attempt timed out must not hold up the next one
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new S3Http("us-east-1", Optional.of(endpoint), StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                Duration.ofSeconds(2), answerTimeout, new S3Observer() {
                    @Override
                    public void sending(S3Exchange exchange) {
                        attempts.incrementAndGet();
                    }
                });
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsRetriedThenReportedAsRetryable() throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ofMillis(1500), "", Duration.ofMillis(200));

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.head("site", "index.html"));

        assertEquals(0, failure.status());
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, attempts.get());
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOutToo() throws Exception {
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        S3Http s3 = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("the first bytes".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                // The rest comes only once the client has given up (or after a minute, which a client that waits
                // for it would then read whole: assertThrows would fail).
                if (!clientGaveUp.await(60, TimeUnit.SECONDS)) {
                    out.write(new byte[1000 - "the first bytes".length()]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }, Duration.ofMillis(300));

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 10_000));
        clientGaveUp.countDown();

        assertEquals(0, failure.status());
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, attempts.get(), "three attempts, each given up while its body was stalled");
    }

    @Test
    void aBodyThatTricklesInIsCutAtTheAnswersDeadline() throws IOException {
        int length = 200;  // a byte every 50 ms: no single read waits long, and the whole body takes 10 s
        List<AtomicInteger> sentByRequest = new CopyOnWriteArrayList<>();
        S3Http s3 = clientOf(exchange -> {
            AtomicInteger sent = new AtomicInteger();
            sentByRequest.add(sent);
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < length; i++) {
                    out.write('x');
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException gone) {
                // the server stopped after the test
            }
        }, Duration.ofMillis(300));

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 10_000));
        List<Integer> sentWhenTheClientGaveUp = sentByRequest.stream().map(AtomicInteger::get).toList();

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, attempts.get());
        // Timed by the server's own trickle, which a loaded machine slows as the client: when the client gave up,
        // no body had come whole, so no attempt waited for its body to end rather than for its deadline.
        assertTrue(sentWhenTheClientGaveUp.stream().allMatch(sent -> sent < length),
                "bytes of " + length + " sent to each attempt when the client gave up: " + sentWhenTheClientGaveUp);
    }

    @Test
    void aReadKeepsOnlyItsLimit() throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ZERO, "", Duration.ofSeconds(5));

        assertArrayEquals("hel".getBytes(StandardCharsets.UTF_8), s3.get("content", "post.md", null, 3).bytes());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "500, InternalError", "503, SlowDown", "503, ServiceUnavailable", "429, TooManyRequests",
    })
    void anErrorThatClearsUpWithinThreeAttemptsIsNotSeen(int status, String code) throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ZERO,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>Please reduce your request rate.</Message></Error>",
                Duration.ofSeconds(5));
        statusesToGive.addAll(List.of(status, status));

        S3Objects.Stored read = s3.get("content", "post.md", null, 100);

        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), read.bytes());
        assertEquals("5d41402abc4b2a76b9719d911017c592", read.etag());
        assertEquals(3, requests.get());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "400, InvalidArgument", "403, AccessDenied", "403, SignatureDoesNotMatch", "409, OperationAborted",
    })
    void aRefusalIsReportedAtOnceWithS3sCodeAndMessage(int status, String code) throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ZERO,
                "<Error><Code>" + code + "</Code><Message>No &amp; never</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>",
                Duration.ofSeconds(5));
        statusesToGive.add(status);

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 100));

        assertEquals(status, failure.status());
        assertEquals(code, failure.code());
        assertTrue(failure.getMessage().contains("No & never"), failure.getMessage());
        assertFalse(failure.retryable());
        assertEquals(1, requests.get());
    }

    @Test
    void aGatewaysHtmlErrorPageIsJudgedByItsStatus() throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ZERO, "<html><body><h1>502 Bad Gateway</h1></body></html>", Duration.ofSeconds(5));
        statusesToGive.addAll(List.of(502, 502, 502));

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 100));

        assertEquals(502, failure.status());
        assertEquals("", failure.code());
        assertTrue(failure.retryable());
        assertEquals(3, requests.get());
    }
}
