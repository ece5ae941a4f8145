package dev.galley.highlight.internal;

import dev.galley.highlight.HtmlOutput;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The languages we highlight, the names fences give them, and their lexers, each built on its first use. */
public final class Languages {

    private static final Map<String, Language> ALIASES = Map.ofEntries(
            Map.entry("sql", Language.SQL), Map.entry("postgresql", Language.SQL), Map.entry("postgres", Language.SQL),
            Map.entry("pgsql", Language.SQL), Map.entry("plpgsql", Language.SQL), Map.entry("mysql", Language.SQL),
            Map.entry("sqlite", Language.SQL), Map.entry("tsql", Language.SQL), Map.entry("plsql", Language.SQL),
            Map.entry("java", Language.JAVA),
            Map.entry("javascript", Language.JAVASCRIPT), Map.entry("js", Language.JAVASCRIPT),
            Map.entry("jsx", Language.JAVASCRIPT), Map.entry("mjs", Language.JAVASCRIPT), Map.entry("cjs", Language.JAVASCRIPT),
            Map.entry("typescript", Language.TYPESCRIPT), Map.entry("ts", Language.TYPESCRIPT),
            Map.entry("tsx", Language.TYPESCRIPT), Map.entry("mts", Language.TYPESCRIPT), Map.entry("cts", Language.TYPESCRIPT),
            Map.entry("rust", Language.RUST), Map.entry("rs", Language.RUST),
            Map.entry("go", Language.GO), Map.entry("golang", Language.GO),
            Map.entry("python", Language.PYTHON), Map.entry("py", Language.PYTHON), Map.entry("python3", Language.PYTHON),
            Map.entry("yaml", Language.YAML), Map.entry("yml", Language.YAML),
            Map.entry("json", Language.JSON), Map.entry("jsonc", Language.JSON),
            Map.entry("sh", Language.SHELL), Map.entry("bash", Language.SHELL), Map.entry("shell", Language.SHELL),
            Map.entry("zsh", Language.SHELL),
            Map.entry("console", Language.CONSOLE), Map.entry("shell-session", Language.CONSOLE),
            Map.entry("html", Language.MARKUP), Map.entry("htm", Language.MARKUP), Map.entry("xhtml", Language.MARKUP),
            Map.entry("xml", Language.MARKUP), Map.entry("svg", Language.MARKUP),
            Map.entry("css", Language.CSS));

    private static final AtomicReferenceArray<Lexer> LEXERS = new AtomicReferenceArray<>(Language.values().length);

    private Languages() {
    }

    public static void write(String language, String code, HtmlOutput html) {
        Language known = find(language);
        if (known == null) {
            html.text(code);
            return;
        }
        TokenSink sink = new TokenSink(code, html);
        lexer(known).lex(code, 0, code.length(), sink);
        sink.finish();
    }

    static Language find(String language) {
        return ALIASES.get(language.toLowerCase(Locale.ROOT));
    }

    static Lexer lexer(Language language) {
        Lexer lexer = LEXERS.get(language.ordinal());
        if (lexer == null) {
            // Threads racing on a language's first use may each build its table; they are equal, and one is kept.
            LEXERS.compareAndSet(language.ordinal(), null, language.create());
            lexer = LEXERS.get(language.ordinal());
        }
        return lexer;
    }
}
