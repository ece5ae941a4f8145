package dev.galley.article.internal;

import dev.galley.article.Author;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthorTextTest {

    record Case(String frontMatter, List<Author> authors) {
        @Override
        public String toString() {
            return frontMatter;
        }
    }

    private static final String JANE_URL = "https://jane.dev";

    static Stream<Case> authorValues() {
        return Stream.of(
                new Case("Ada Lovelace", List.of(new Author("Ada Lovelace", null))),
                new Case("[Jane Doe](https://jane.dev), John Roe",
                        List.of(new Author("Jane Doe", JANE_URL), new Author("John Roe", null))),
                new Case("John Roe, [Jane Doe](https://jane.dev)",
                        List.of(new Author("John Roe", null), new Author("Jane Doe", JANE_URL))),
                new Case("[Jane Doe](https://jane.dev), [Kenji Sato](http://sato.example/about?lang=en)",
                        List.of(new Author("Jane Doe", JANE_URL), new Author("Kenji Sato", "http://sato.example/about?lang=en"))),
                new Case("[Doe, Jane](https://jane.dev)", List.of(new Author("Doe, Jane", JANE_URL))),
                new Case("Dr. [Jane Doe](https://jane.dev)", List.of(new Author("Dr. Jane Doe", JANE_URL))),
                new Case("Ana García,  山田 太郎 ,", List.of(new Author("Ana García", null), new Author("山田 太郎", null))),
                new Case("[Mallory](javascript:alert(1))", List.of(new Author("Mallory", null))),
                new Case("[Eve](mailto:eve@example.com)", List.of(new Author("Eve", null))),
                new Case("[About me](/about/)", List.of(new Author("About me", null))),
                new Case("<b>Bob</b>", List.of(new Author("<b>Bob</b>", null))),
                new Case("<div>Bob</div>", List.of(new Author("<div>Bob</div>", null))),
                new Case(" , ", List.of()));
    }

    @ParameterizedTest
    @MethodSource("authorValues")
    void commasSeparateAuthorsAndOnlyWebLinksGiveAUrl(Case c) {
        assertEquals(c.authors(), AuthorText.split(c.frontMatter()));
    }

    @Test
    void anItemOfAListIsOneAuthorWhateverItsCommas() {
        assertEquals(new Author("Roe, John", null), AuthorText.single("Roe, John"));
        assertEquals(new Author("Doe, Jane", JANE_URL), AuthorText.single("[Doe, Jane](https://jane.dev)"));
        assertNull(AuthorText.single("  "));
    }
}
