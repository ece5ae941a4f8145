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
import java.util.concurrent.Executors;
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
                Duration.ofSeconds(2), answerTimeout, S3Observer.NONE);
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsRetriedThenReportedAsRetryable() throws IOException {
        S3Http s3 = clientOfScriptedServer(Duration.ofMillis(1500), "", Duration.ofMillis(200));

        S3Failure failure = assertThrows(S3Failure.class, () -> s3.head("site", "index.html"));

        assertEquals(0, failure.status());
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, requests.get());
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOutToo() throws IOException {
        S3Http s3 = clientOf(exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("the first bytes".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }, Duration.ofMillis(300));

        long started = System.nanoTime();
        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 10_000));

        assertEquals(0, failure.status());
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, requests.get());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "three attempts of 300 ms and two pauses, not the stalled body's 6 s each");
    }

    @Test
    void aBodyThatTricklesInIsCutAtTheAnswersDeadline() throws IOException {
        S3Http s3 = clientOf(exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {  // a byte every 50 ms: no single read waits long
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException gone) {
                // the client hung up at its deadline
            }
        }, Duration.ofMillis(300));

        long started = System.nanoTime();
        S3Failure failure = assertThrows(S3Failure.class, () -> s3.get("content", "post.md", null, 10_000));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
        assertEquals(3, requests.get());
        // Below one whole trickle (5 s), whatever the machine's load: no attempt outlived its deadline.
        assertTrue(System.nanoTime() - started < 4_500_000_000L, "three attempts of 300 ms and two pauses, not 5 s of trickle each");
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
