package dev.galley.highlight.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LanguagesTest {

    /** The names fences in real posts give these languages, in the case authors write them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "terraform, HCL", "tf, HCL", "Dockerfile, DOCKERFILE", "docker, DOCKERFILE", "Makefile, MAKEFILE",
            "make, MAKEFILE", "mk, MAKEFILE", "c++, CPP", "cxx, CPP", "hpp, CPP", "cs, CSHARP", "c#, CSHARP",
            "C#, CSHARP", "kt, KOTLIN", "rb, RUBY", "ps1, POWERSHELL", "pwsh, POWERSHELL", "proto, PROTOBUF",
            "gql, GRAPHQL", "ex, ELIXIR", "exs, ELIXIR", "hs, HASKELL", "patch, DIFF", "properties, PROPERTIES",
            "shell-session, CONSOLE", "llvm-ir, LLVM", "nasm, ASM", "gradle, GROOVY", "TOML, TOML"})
    void aliasNamesItsLanguage(String alias, Language language) {
        assertEquals(language, Languages.find(alias));
    }

    /** {@code conf} is nginx, Apache, supervisord, systemd...: guessing would colour most of them wrongly. */
    @ParameterizedTest
    @ValueSource(strings = {"conf", "text", "plaintext", "mermaid", ""})
    void namesThatFitNoSingleLexerStayPlain(String name) {
        assertNull(Languages.find(name));
    }
}
