package dev.galley.article.internal.highlight;

import org.commonmark.renderer.html.HtmlWriter;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Server-side syntax highlighting of fenced code into {@code tok-*} classes that style.css colours; readers run no
 * JavaScript. Our own tokenizer, because no library is good enough: RSyntaxTextArea 3.6, the one maintained Java
 * highlighter with these languages, is a 1.3 MB Swing editor that mis-lexes Rust lifetimes, Go raw strings and YAML
 * keys and takes 1-9 s on a 1 MB line; TM4E ships as Eclipse bundles without grammars and compiles Oniguruma regexes
 * per rule; jtreesitter needs Java 23 and native code; prism4j and highlight.java are abandoned regex ports. Here:
 * hand-written linear-time scanners, one table per language, built on the language's first use.
 */
public final class Highlighter {

    enum Language { SQL, JAVA, JAVASCRIPT, TYPESCRIPT, RUST, GO, PYTHON, YAML, JSON, SHELL, CONSOLE, MARKUP, CSS }

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

    private Highlighter() {
    }

    /**
     * Writes {@code code} to {@code html}: highlighted when the fence's language is one we know, else as plain
     * text. Every character of the code is escaped by {@code html}.
     */
    public static void write(String language, String code, HtmlWriter html) {
        Language known = ALIASES.get(language.toLowerCase(Locale.ROOT));
        if (known == null) {
            html.text(code);
            return;
        }
        TokenSink sink = new TokenSink(code, html);
        lexer(known).lex(code, 0, code.length(), sink);
        sink.finish();
    }

    static Lexer lexer(Language language) {
        Lexer lexer = LEXERS.get(language.ordinal());
        if (lexer == null) {
            // Threads racing on a language's first use may each build its table; they are equal, and one is kept.
            LEXERS.compareAndSet(language.ordinal(), null, create(language));
            lexer = LEXERS.get(language.ordinal());
        }
        return lexer;
    }

    private static Lexer create(Language language) {
        return switch (language) {
            case SQL -> new CodeLexer(CodeGrammar.sql());
            case JAVA -> new CodeLexer(CodeGrammar.java());
            case JAVASCRIPT -> new CodeLexer(CodeGrammar.javascript());
            case TYPESCRIPT -> new CodeLexer(CodeGrammar.typescript());
            case RUST -> new CodeLexer(CodeGrammar.rust());
            case GO -> new CodeLexer(CodeGrammar.go());
            case PYTHON -> new CodeLexer(CodeGrammar.python());
            case JSON -> new CodeLexer(CodeGrammar.json());
            case YAML -> new YamlLexer();
            case SHELL -> new ShellLexer(false);
            case CONSOLE -> new ShellLexer(true);
            case MARKUP -> new MarkupLexer();
            case CSS -> new CssLexer();
        };
    }
}
