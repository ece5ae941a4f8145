package dev.galley.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gaul.shaded.org.eclipse.jetty.http.HttpHeader;
import org.gaul.shaded.org.eclipse.jetty.io.Content;
import org.gaul.shaded.org.eclipse.jetty.io.EofException;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Sits in front of S3Proxy's own Jetty handler. It injects the faults a {@link FaultInjector} draws,
 * and it serves the object tagging subresource ({@code ?tagging}), which S3Proxy 4.1.0 refuses as
 * NotImplemented.
 *
 * <p>Tagging requests never reach S3Proxy's SigV4 check, so this handler only checks that they carry
 * the emulator's access key; it does not verify their signature.
 */
final class FrontHandler extends Handler.Wrapper {

    private static final String S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final int MAX_TAGS = 10;

    private final FaultInjector faults;
    private final S3SemanticsBlobStore store;
    private final String accessKey;

    FrontHandler(Handler s3proxy, FaultInjector faults, S3SemanticsBlobStore store, String accessKey) {
        super(s3proxy);
        this.faults = faults;
        this.store = store;
        this.accessKey = accessKey;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = decodePath(request.getHttpURI().getPath());
        String bucket = bucketOf(path);
        FaultKind fault = faults.draw(bucket);
        if (fault != null) {
            switch (fault) {
                case INTERNAL_ERROR -> {
                    discardBody(request);
                    writeError(response, callback, 500, "InternalError",
                            "We encountered an internal error. Please try again.", path);
                    return true;
                }
                case SLOW_DOWN -> {
                    discardBody(request);
                    writeError(response, callback, 503, "SlowDown", "Please reduce your request rate.", path);
                    return true;
                }
                case DROP_CONNECTION -> {
                    // The request arrives whole and the connection dies before any answer. Dropping it
                    // before "100 Continue" instead would surface through url-connection-client as an
                    // UncheckedIOException that the SDK neither wraps nor retries.
                    discardBody(request);
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                    callback.failed(new EofException("connection dropped by the fault plan"));
                    return true;
                }
                case DELAY -> Thread.sleep(faults.plan().delay().toMillis());
            }
        }
        String key = keyOf(path);
        if (key != null && Request.extractQueryParameters(request).get("tagging") != null) {
            String method = request.getMethod();
            if (method.equals("PUT") || method.equals("GET") || method.equals("DELETE")) {
                handleTagging(request, response, callback, bucket, key, path);
                return true;
            }
        }
        if (key != null && request.getMethod().equals("GET")) {
            // As AWS's GetObject does, and only when there are tags: S3Proxy keeps none, so it cannot say.
            int tags = store.tagCount(bucket, key);
            if (tags > 0) {
                response.getHeaders().put("x-amz-tagging-count", Integer.toString(tags));
            }
        }
        return super.handle(request, response, callback);
    }

    private void handleTagging(Request request, Response response, Callback callback, String bucket,
            String key, String path) throws IOException {
        if (!signedWithOurKey(request)) {
            discardBody(request);
            writeError(response, callback, 403, "AccessDenied", "Access Denied", path);
            return;
        }
        try {
            switch (request.getMethod()) {
                case "PUT" -> {
                    Map<String, String> tagSet;
                    try (InputStream body = Content.Source.asInputStream(request)) {
                        tagSet = parseTagging(body);
                    } catch (IllegalArgumentException | SAXException e) {
                        writeError(response, callback, 400, "MalformedXML",
                                "The XML you provided was not well-formed or did not validate against our"
                                        + " published schema.", path);
                        return;
                    }
                    if (tagSet.size() > MAX_TAGS) {
                        writeError(response, callback, 400, "BadRequest",
                                "Object tags cannot be greater than 10", path);
                        return;
                    }
                    store.putTags(bucket, key, tagSet);
                    response.setStatus(200);
                    response.getHeaders().put("x-amz-request-id", requestId());
                    callback.succeeded();
                }
                case "GET" -> {
                    String xml = taggingXml(store.getTags(bucket, key));
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
                    response.getHeaders().put("x-amz-request-id", requestId());
                    Content.Sink.write(response, true, xml, callback);
                }
                default -> {
                    discardBody(request);
                    store.deleteTags(bucket, key);
                    response.setStatus(204);
                    response.getHeaders().put("x-amz-request-id", requestId());
                    callback.succeeded();
                }
            }
        } catch (AwsServiceException e) {
            writeError(response, callback, e.statusCode(), e.awsErrorDetails().errorCode(),
                    e.awsErrorDetails().errorMessage(), path);
        }
    }

    /** Accepts a header-signed or presigned request naming this emulator's access key. */
    private boolean signedWithOurKey(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) {
            return authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKey + "/");
        }
        String credential = Request.extractQueryParameters(request).getValue("X-Amz-Credential");
        return credential != null && credential.startsWith(accessKey + "/");
    }

    private static Map<String, String> parseTagging(InputStream body) throws IOException, SAXException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(body);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("Tagging")) {
            throw new IllegalArgumentException("root element is not Tagging");
        }
        Map<String, String> tagSet = new LinkedHashMap<>();
        NodeList tags = root.getElementsByTagName("Tag");
        for (int i = 0; i < tags.getLength(); i++) {
            Element tag = (Element) tags.item(i);
            String key = childText(tag, "Key");
            String value = childText(tag, "Value");
            if (key == null || value == null || tagSet.put(key, value) != null) {
                throw new IllegalArgumentException("a Tag needs one Key and one Value, keys unique");
            }
        }
        return tagSet;
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 1 ? children.item(0).getTextContent() : null;
    }

    private static String taggingXml(Map<String, String> tagSet) {
        return xml(writer -> {
            writer.writeStartElement("Tagging");
            writer.writeDefaultNamespace(S3_XMLNS);
            writer.writeStartElement("TagSet");
            for (Map.Entry<String, String> tag : tagSet.entrySet()) {
                writer.writeStartElement("Tag");
                element(writer, "Key", tag.getKey());
                element(writer, "Value", tag.getValue());
                writer.writeEndElement();
            }
            writer.writeEndElement();
            writer.writeEndElement();
        });
    }

    /** An error in S3's XML error format, so SDKs classify it by its Code. */
    private static void writeError(Response response, Callback callback, int status, String code,
            String message, String resource) {
        String requestId = requestId();
        String xml = xml(writer -> {
            writer.writeStartElement("Error");
            element(writer, "Code", code);
            element(writer, "Message", message == null ? "" : message);
            element(writer, "Resource", resource);
            element(writer, "RequestId", requestId);
            writer.writeEndElement();
        });
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", requestId);
        Content.Sink.write(response, true, xml, callback);
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    /** Reads and drops a request body we answer without S3Proxy, so the client can finish sending it. */
    private static void discardBody(Request request) {
        try {
            Content.Source.consumeAll(request);
        } catch (IOException e) {
            // The client went away; the response write will fail the same way.
        }
    }

    /** Percent-decodes a path; '+' is a literal plus in a path. */
    private static String decodePath(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Path-style addressing: the first segment names the bucket. */
    private static String bucketOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return bucket.isEmpty() ? null : bucket;
    }

    private static String keyOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 || slash == trimmed.length() - 1 ? null : trimmed.substring(slash + 1);
    }

    private static String requestId() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }
}
