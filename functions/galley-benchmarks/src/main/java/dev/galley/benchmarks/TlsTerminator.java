package dev.galley.benchmarks;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

/**
 * HTTPS in front of the loopback S3 server, so that a cold start pays for TLS as it does against S3 on AWS: accepts
 * TLS connections with a self-signed certificate for 127.0.0.1 and passes their bytes to the plain-HTTP server
 * unchanged (the Host header the client signed included). The certificate is trusted through a copy of the JDK's
 * own trust store with it added, so the client still loads and searches the full set of CA certificates.
 */
final class TlsTerminator implements AutoCloseable {

    private static final String PASSWORD = "changeit";

    private final ServerSocket server;
    private final Path trustStore;

    private TlsTerminator(ServerSocket server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    /** Makes the key pair and the trust store under {@code directory} (with the JDK's keytool) and starts. */
    static TlsTerminator start(Path directory, URI plainEndpoint) throws Exception {
        Path keyStore = directory.resolve("cold-start-tls.p12");
        Path certificate = directory.resolve("cold-start-tls.pem");
        Path trustStore = directory.resolve("cold-start-truststore");
        for (Path stale : List.of(keyStore, certificate, trustStore)) {
            Files.deleteIfExists(stale);
        }
        // RSA 2048, as S3's own certificates (Amazon RSA 2048 M0x): the client verifies the same kind of signature.
        keytool("-genkeypair", "-alias", "s3", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "s3", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), trustStore);
        trustStore.toFile().setWritable(true);
        keytool("-importcert", "-noprompt", "-alias", "galley-cold-start", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TlsTerminator terminator = new TlsTerminator(server, trustStore);
        Thread acceptor = new Thread(() -> terminator.accept(plainEndpoint), "tls-terminator");
        acceptor.setDaemon(true);
        acceptor.start();
        return terminator;
    }

    /** The HTTPS endpoint for the function under test. */
    URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getLocalPort());
    }

    /** The child JVM's options that make it trust this server's certificate. */
    List<String> trustOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
    }

    private void accept(URI plainEndpoint) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket plain = new Socket(plainEndpoint.getHost(), plainEndpoint.getPort());
                // Each write passed on at once: Nagle's algorithm against the peer's delayed ACK would hold the
                // second segment of an answer (its body after its headers) some 40 ms, which S3 does not.
                client.setTcpNoDelay(true);
                plain.setTcpNoDelay(true);
                pump(client, plain);
                pump(plain, client);
            } catch (IOException closed) {
                // the server closed, or one connection failed: the client sees it as a dropped connection
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException closed) {
                // either side hung up: both are closed
            }
        }, "tls-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
