package dev.galley.aws.http;

import software.amazon.awssdk.http.SdkHttpRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One attempt of a signed AWS request over the JDK's {@link HttpURLConnection} (its keep-alive cache holds
 * {@code http.maxConnections} idle connections per host), and the pause between attempts. The clients over it
 * (S3, SQS) sign, retry and read their service's errors; this class only moves bytes within a deadline.
 */
public final class HttpExchange {

    private static final long BASE_DELAY_MILLIS = 100;
    private static final long MAX_DELAY_MILLIS = 20_000;

    private HttpExchange() {
    }

    /** What came back: the status, the headers (names in lower case) and the body kept. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * One attempt, answer and body within {@code answerTimeoutMillis} of its start: the socket's read timeout bounds
     * the wait for the headers, and a watchdog closes the connection if the body is not whole by then (a read
     * timeout alone would let a body that trickles in hold the invocation until Lambda ends it).
     *
     * @param limit how many bytes of a 2xx answer's body to keep; an error's body is read whole
     * @throws SocketTimeoutException when the answer was not whole in time
     * @throws IOException            when the connection failed or dropped
     */
    public static Answer exchange(SdkHttpRequest signed, byte[] body, int limit, int connectTimeoutMillis,
                                  int answerTimeoutMillis) throws IOException {
        long started = System.nanoTime();
        HttpURLConnection connection = null;
        Deadline deadline = null;
        try {
            connection = (HttpURLConnection) signed.getUri().toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(answerTimeoutMillis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(signed.method().name());
            HttpURLConnection open = connection;
            // The JDK sets Host (the same value the signature covers) itself and refuses it from us.
            signed.forEachHeader((name, values) -> {
                if (!name.equalsIgnoreCase("Host")) {
                    values.forEach(value -> open.addRequestProperty(name, value));
                }
            });
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // Headers and stream taken before the watchdog starts: asked for after it has closed the connection,
            // HttpURLConnection would send the request again, outside any deadline.
            Map<String, List<String>> headers = headers(connection);
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            long left = answerTimeoutMillis - (System.nanoTime() - started) / 1_000_000;
            deadline = Deadline.start(connection, Math.max(1, left));
            byte[] kept = read(connection, stream, status / 100 == 2 ? limit : Integer.MAX_VALUE, deadline);
            deadline.cancel();
            return new Answer(status, headers, kept);
        } catch (IOException e) {
            // Past the deadline the watchdog closes the connection: closing it here too could wait on the JDK's
            // cleaner draining the rest of the body under the stream's lock.
            if (connection != null && (deadline == null || !deadline.expired())) {
                connection.disconnect();
            }
            if (deadline != null && deadline.expired() && !(e instanceof SocketTimeoutException)) {
                throw (IOException) new SocketTimeoutException("the body was not whole by the deadline").initCause(e);
            }
            throw e;
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    /** Waits before attempt {@code attempt + 1}: exponential backoff from 100 ms with full jitter. */
    public static void pauseAfter(int attempt) throws InterruptedException {
        long ceiling = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << (attempt - 1));
        Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /**
     * The body, or its first {@code limit} bytes: the rest is not downloaded (the connection is closed there).
     * The deadline is checked after every read, so a body that trickles in ends the attempt at the first read past
     * it: the watchdog alone may not, since closing the stream takes the lock each read holds, and that lock is not
     * fair (a reader that asks again at once can keep it from the watchdog until the body ends).
     */
    private static byte[] read(HttpURLConnection connection, InputStream stream, int limit, Deadline deadline) throws IOException {
        if (stream == null) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; bytes.size() < limit && !deadline.expired()
                && (read = stream.read(buffer, 0, Math.min(buffer.length, limit - bytes.size()))) != -1; ) {
            bytes.write(buffer, 0, read);
        }
        if (deadline.expired()) {
            throw new SocketTimeoutException("the body was not whole by the deadline");
        }
        if (bytes.size() >= limit && limit < Integer.MAX_VALUE) {
            connection.disconnect();
        }
        stream.close();
        return bytes.toByteArray();
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        Map<String, List<String>> headers = new HashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {  // the status line
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    /** Closes a connection whose answer is not whole in time; one daemon thread for every client of the JVM. */
    private static final class Deadline extends TimerTask {

        private static final class Watchdog {
            static final Timer TIMER = new Timer("galley-aws-deadlines", true);
        }

        private final HttpURLConnection connection;
        private volatile boolean expired;

        private Deadline(HttpURLConnection connection) {
            this.connection = connection;
        }

        static Deadline start(HttpURLConnection connection, long millis) {
            Deadline deadline = new Deadline(connection);
            Watchdog.TIMER.schedule(deadline, millis);
            return deadline;
        }

        @Override
        public void run() {
            expired = true;
            try {
                connection.disconnect();
            } catch (RuntimeException e) {
                // A task that throws kills the Timer's thread, and every later request with it: the attempt
                // still fails on its expired deadline.
            }
        }

        boolean expired() {
            return expired;
        }
    }
}
