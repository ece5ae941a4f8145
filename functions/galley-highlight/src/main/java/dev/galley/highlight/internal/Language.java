package dev.galley.highlight.internal;

/** A language with a lexer of its own; {@link Languages} maps the fence names to these. */
enum Language {
    SQL, JAVA, JAVASCRIPT, TYPESCRIPT, RUST, GO, PYTHON, YAML, JSON, SHELL, CONSOLE, MARKUP, CSS;

    /** Builds this language's lexer, with its tables: called once per language, on its first use. */
    Lexer create() {
        return switch (this) {
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
