package dev.galley.aws.s3;

import software.amazon.awssdk.utils.http.SdkHttpUtils;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * S3's XML answers read with StAX (the JDK's), and the one XML body Galley sends (a tag set). Each answer is read
 * as a flat walk: an element's text is kept under its name, and a record is complete at its closing element.
 */
final class S3Xml {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private S3Xml() {
    }

    /** One page of a listing: its records, and where the next page starts (empty when it was the last). */
    record Page<T>(List<T> items, Map<String, String> next) {
    }

    /** A page of ListObjectsV2. Keys come URL-encoded where the answer says so ({@code encoding-type=url}). */
    static Page<S3Objects.Listed> objects(byte[] xml) {
        List<S3Objects.Listed> items = new ArrayList<>();
        Map<String, String> top = walk(xml, "Contents",
                fields -> items.add(new S3Objects.Listed(fields.get("Key"), bareEtag(fields.get("ETag")))));
        boolean encoded = "url".equals(top.get("EncodingType"));
        List<S3Objects.Listed> decoded = encoded
                ? items.stream().map(item -> new S3Objects.Listed(SdkHttpUtils.urlDecode(item.key()), item.etag())).toList()
                : items;
        Map<String, String> next = new HashMap<>();
        if ("true".equals(top.get("IsTruncated"))) {
            next.put("continuation-token", top.get("NextContinuationToken"));
        }
        return new Page<>(decoded, next);
    }

    /** A page of ListObjectVersions: the versions (not the delete markers). */
    static Page<S3Objects.Version> versions(byte[] xml) {
        List<S3Objects.Version> items = new ArrayList<>();
        Map<String, String> top = walk(xml, "Version",
                fields -> items.add(new S3Objects.Version(fields.get("Key"), fields.get("VersionId"), bareEtag(fields.get("ETag")))));
        boolean encoded = "url".equals(top.get("EncodingType"));
        List<S3Objects.Version> decoded = encoded
                ? items.stream().map(v -> new S3Objects.Version(SdkHttpUtils.urlDecode(v.key()), v.versionId(), v.etag())).toList()
                : items;
        Map<String, String> next = new HashMap<>();
        if ("true".equals(top.get("IsTruncated"))) {
            String keyMarker = top.getOrDefault("NextKeyMarker", "");
            next.put("key-marker", encoded ? SdkHttpUtils.urlDecode(keyMarker) : keyMarker);
            next.put("version-id-marker", top.getOrDefault("NextVersionIdMarker", ""));
        }
        return new Page<>(decoded, next);
    }

    /** GetObjectTagging's tag set, in S3's order. */
    static Map<String, String> tags(byte[] xml) {
        Map<String, String> tags = new LinkedHashMap<>();
        walk(xml, "Tag", fields -> tags.put(fields.get("Key"), fields.getOrDefault("Value", "")));
        return tags;
    }

    /** An error answer's code and message; empty strings where the body is not S3's {@code <Error>}. */
    static Map<String, String> error(byte[] xml) {
        try {
            return walk(xml, "", fields -> { });
        } catch (IllegalArgumentException e) {
            return Map.of();  // a proxy's HTML page, a truncated body: the status alone then says what happened
        }
    }

    /** DeleteObjects' body in quiet mode: S3 then answers only the keys it could not delete. */
    static byte[] delete(List<String> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Delete");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "Quiet", "true");
            for (String key : keys) {
                xml.writeStartElement("Object");
                element(xml, "Key", key);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a delete request", e);
        }
        return out.toByteArray();
    }

    /** DeleteObjects' answer: each key it could not delete, with S3's code and message. */
    static List<Map<String, String>> deleteErrors(byte[] xml) {
        List<Map<String, String>> errors = new ArrayList<>();
        walk(xml, "Error", errors::add);
        return errors;
    }

    /** PutObjectTagging's body. */
    static byte[] tagging(Map<String, String> tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Tagging");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("TagSet");
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                xml.writeStartElement("Tag");
                element(xml, "Key", tag.getKey());
                element(xml, "Value", tag.getValue());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a tag set", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /**
     * Walks the document: the text of each leaf element inside a {@code record} element goes into that record's
     * fields, handed to {@code onRecord} at its end; every other leaf's text is returned by name (the answer's own
     * fields, such as {@code IsTruncated}, {@code Code}).
     */
    private static Map<String, String> walk(byte[] xml, String record, Consumer<Map<String, String>> onRecord) {
        Map<String, String> top = new HashMap<>();
        Map<String, String> fields = null;
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (reader.getLocalName().equals(record)) {
                            fields = new HashMap<>();
                        }
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = reader.getLocalName();
                        if (name.equals(record) && fields != null) {
                            onRecord.accept(fields);
                            fields = null;
                        } else {
                            (fields != null ? fields : top).putIfAbsent(name, text.toString());
                        }
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("S3 answered with XML that does not parse: " + e.getMessage(), e);
        }
        return top;
    }

    static String bareEtag(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // S3's answers have no DTD; refusing them keeps a hostile endpoint from expanding entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
