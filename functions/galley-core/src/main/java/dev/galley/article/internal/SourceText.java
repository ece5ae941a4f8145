package dev.galley.article.internal;

import dev.galley.article.ArticleException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of an uploaded file into Markdown text, or says why it is not text. */
public final class SourceText {

    private SourceText() {
    }

    /**
     * Decodes strict UTF-8, drops a byte-order mark and normalises line endings to LF.
     *
     * @param maxBytes the documented size limit; larger files are refused before any parsing
     */
    public static String decode(String file, byte[] bytes, int maxBytes) throws ArticleException {
        if (bytes.length > maxBytes) {
            throw new ArticleException(file, ArticleException.Problem.TOO_LARGE, String.format(
                    "the file has more than %,d bytes, the most an article may have", maxBytes));
        }
        if (bytes.length == 0) {
            throw new ArticleException(file, ArticleException.Problem.NO_FRONT_MATTER,
                    "the file is empty; an article starts with front matter (---, title:, date:, ---)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ArticleException(file, lineAt(bytes, i), ArticleException.Problem.NOT_TEXT,
                        "the file contains NUL bytes, so it is binary data, not Markdown text");
            }
        }
        // The String constructor decodes faster than a decoder, and replaces exactly what a strict decoder refuses with
        // U+FFFD: only a text that holds one is decoded again, strictly, to tell a refusal from a U+FFFD the author wrote.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = strictly(file, bytes);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String strictly(String file, byte[] bytes) throws ArticleException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = malformedOffset(bytes);
            throw new ArticleException(file, lineAt(bytes, offset), ArticleException.Problem.NOT_TEXT,
                    "the file is not valid UTF-8 (byte " + offset + "); save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw new ArticleException(file, ArticleException.Problem.NOT_TEXT, "the file is not valid UTF-8; save it as UTF-8");
        }
    }

    private static int malformedOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
