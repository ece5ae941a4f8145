package dev.galley.article.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadingIdsTest {

    record Case(String heading, String id) {
        @Override
        public String toString() {
            return heading + " → " + id;
        }
    }

    /** Headings from real posts and READMEs, and github-slugger's own fixtures, with the id GitHub gives them. */
    static Stream<Case> headings() {
        return Stream.of(
                new Case("What's new?", "whats-new"),
                new Case("C++", "c"),
                new Case("C#", "c"),
                new Case("C++ vs C#: which one?", "c-vs-c-which-one"),
                new Case("⚠\uFE0F C++ & C#", "-c--c"),
                new Case("Step 1: Install the CLI", "step-1-install-the-cli"),
                new Case("Why ALTER TABLE locks", "why-alter-table-locks"),
                new Case("🚀 Getting started", "-getting-started"),
                new Case("Deploying 🚀", "deploying-"),
                new Case("👩\u200D💻 For developers", "-for-developers"),
                new Case("⚠\uFE0F Breaking changes", "-breaking-changes"),
                new Case("❤\uFE0F Thanks", "-thanks"),
                new Case("日本語の見出し", "日本語の見出し"),
                new Case("中文标题：简介", "中文标题简介"),
                new Case("한국어 제목", "한국어-제목"),
                new Case("हिन्दी शीर्षक", "हिन्दी-शीर्षक"),
                new Case("Café au lait", "café-au-lait"),
                new Case("x² + y²", "x--y"),
                new Case("Two  spaces", "two--spaces"),
                new Case("snake_case and kebab-case", "snake_case-and-kebab-case"),
                // github-slugger's fixtures
                new Case("heading with a - dash", "heading-with-a---dash"),
                new Case("heading with a period.txt", "heading-with-a-periodtxt"),
                new Case("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"),
                new Case("apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"),
                new Case("I ♥ unicode", "i--unicode"),
                new Case("en–dash", "endash"),
                new Case("😄-😄 unicode emoji", "--unicode-emoji"),
                new Case("😄_😄 unicode emoji", "_-unicode-emoji"),
                new Case(":ok_hand: Single", "ok_hand-single"),
                new Case("Привет non-latin 你好", "привет-non-latin-你好"),
                new Case("Ⅻ and ⅰ are letter numbers", "ⅻ-and-ⅰ-are-letter-numbers"));
    }

    @ParameterizedTest
    @MethodSource("headings")
    void headingIdIsGitHubsSlugWithoutInvisibleCharacters(Case c) {
        assertEquals(c.id(), new HeadingIds().next(c.heading()));
    }

    @Test
    void repeatedIdsGetTheNextFreeSuffixAsGitHubCountsThem() {
        HeadingIds ids = new HeadingIds();
        List<String> given = Stream.of("echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot", "foxtrot")
                .map(ids::next).toList();
        assertEquals(List.of("echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1", "foxtrot", "foxtrot-2"), given);
    }

    @Test
    void headingOfEmojiOnlyStillGetsAUsableId() {
        HeadingIds ids = new HeadingIds();
        assertEquals(List.of("section", "section-1"), Stream.of("🎉", "✨").map(ids::next).toList());
    }
}
