package dev.galley.article.internal;

import dev.galley.article.ArticleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding takes a fast path: it must accept and refuse exactly what a strict UTF-8 decoder does. */
class SourceTextTest {

    private static final String FRONT = "---\ntitle: T\ndate: 2026-01-01\n---\n";

    static Stream<Arguments> validTexts() {
        return Stream.of(
                Arguments.of("ASCII prose", FRONT + "Expand, migrate, contract.\n"),
                Arguments.of("curly quotes and a dash", FRONT + "\u201cThree deploys\u201d \u2014 no downtime.\n"),
                Arguments.of("Japanese", FRONT + "\u30b3\u30fc\u30c9\u30ec\u30d3\u30e5\u30fc\u306e\u6587\u5316\n"),
                Arguments.of("an emoji outside the BMP", FRONT + "Shipped \uD83D\uDE80 on Friday.\n"),
                Arguments.of("a replacement character the author wrote", FRONT + "A lost byte shows as \uFFFD in the log.\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validTexts")
    void validUtf8DecodesAsAStrictDecoderDecodesIt(String what, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertEquals(strict(bytes), SourceText.decode("a.md", bytes, 1 << 20));
    }

    static Stream<Arguments> invalidBytes() {
        return Stream.of(
                Arguments.of("Latin-1 é", "e9", 1),
                Arguments.of("a lone continuation byte", "80", 1),
                Arguments.of("an overlong slash", "c0af", 1),
                Arguments.of("a surrogate encoded on its own (CESU-8)", "eda080", 1),
                Arguments.of("a code point past U+10FFFF", "f4908080", 1),
                Arguments.of("a sequence cut short at the end", "e282", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBytes")
    void bytesAStrictDecoderRefusesAreRefusedWithTheirLine(String what, String hex, int linesBefore) {
        byte[] front = (FRONT + "Caf").getBytes(StandardCharsets.UTF_8);
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] bytes = ByteBuffer.allocate(front.length + bad.length + 1).put(front).put(bad).put((byte) '\n').array();
        assertThrows(CharacterCodingException.class, () -> strict(bytes), "the case must be one a strict decoder refuses");

        ArticleException refused = assertThrows(ArticleException.class, () -> SourceText.decode("a.md", bytes, 1 << 20));

        assertEquals(ArticleException.Problem.NOT_TEXT, refused.problem());
        assertEquals(5, refused.line());
        assertTrue(refused.getMessage().contains("not valid UTF-8"), refused.getMessage());
    }

    private static String strict(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
