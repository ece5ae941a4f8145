package dev.galley.render;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The JDK's StAX writer, for the feed and the sitemap: it escapes every text and attribute value. */
final class Xml {

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private Xml() {
    }

    /**
     * A UTF-8 document. The JDK's own writer, not whichever StAX library the classpath offers, so bytes never vary.
     * It writes to characters, encoded once at the end: over an output stream the JDK's writer encodes and writes
     * each byte alone, which was most of a feed's or a sitemap's CPU.
     */
    static byte[] document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write XML: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text(text));
        xml.writeEndElement();
    }

    /**
     * The text without the characters XML 1.0 cannot carry even escaped (most C0 controls, lone surrogates,
     * U+FFFE, U+FFFF): the writer would emit them as they are and no reader could parse the document.
     */
    static String text(String text) {
        if (text.codePoints().allMatch(Xml::allowed)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(Xml::allowed).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
