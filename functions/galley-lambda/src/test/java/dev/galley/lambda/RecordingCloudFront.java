package dev.galley.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint that answers CloudFront's CreateInvalidation the way CloudFront does (201 and an
 * {@code Invalidation} document, or a 5xx error document) and records every request it gets.
 */
final class RecordingCloudFront implements AutoCloseable {

    /** One request as received: method, path, the SigV4 Authorization header, and the batch from its XML body. */
    record Request(String method, String path, String authorization, String callerReference, List<String> paths) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    RecordingCloudFront() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** From now on, answer every request with this 5xx status. */
    void failWith(int status) {
        failWith = status;
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String reference = "";
        List<String> paths = new ArrayList<>();
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document batch = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            reference = batch.getElementsByTagNameNS("*", "CallerReference").item(0).getTextContent();
            NodeList items = batch.getElementsByTagNameNS("*", "Path");
            for (int i = 0; i < items.getLength(); i++) {
                paths.add(items.item(i).getTextContent());
            }
        } catch (Exception e) {
            reference = "unparseable: " + e.getMessage();
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), reference, paths));

        String response;
        int status;
        if (failWith != 0) {
            status = failWith;
            response = """
                    <?xml version="1.0"?>
                    <ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Receiver</Type>\
                    <Code>ServiceUnavailable</Code><Message>CloudFront is unavailable</Message></Error>\
                    <RequestId>r-%d</RequestId></ErrorResponse>""".formatted(requests.size());
        } else {
            status = 201;
            String id = "I" + requests.size() + "EXAMPLE";
            response = """
                    <?xml version="1.0"?>
                    <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>%s</Id>\
                    <Status>InProgress</Status><CreateTime>2026-03-10T09:30:00Z</CreateTime></Invalidation>""".formatted(id);
            exchange.getResponseHeaders().add("Location", endpoint() + exchange.getRequestURI().getRawPath() + "/" + id);
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
