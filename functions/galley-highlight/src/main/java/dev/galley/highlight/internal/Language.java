package dev.galley.highlight.internal;

/** A language with a lexer of its own; {@link Languages} maps the fence names to these. */
enum Language {
    SQL, JAVA, JAVASCRIPT, TYPESCRIPT, RUST, GO, PYTHON, YAML, JSON, SHELL, CONSOLE, MARKUP, CSS,
    C, CPP, CSHARP, KOTLIN, SWIFT, SCALA, GROOVY, DART, PHP, RUBY, ELIXIR, HASKELL, LUA, POWERSHELL, PROTOBUF,
    GRAPHQL, HCL, PROMQL, LLVM, TOML, INI, PROPERTIES, DOCKERFILE, MAKEFILE, NGINX, HTTP, DIFF, ASM;

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
            case SHELL -> new ShellLexer(ShellLexer.Mode.SCRIPT);
            case CONSOLE -> new ShellLexer(ShellLexer.Mode.CONSOLE);
            case MARKUP -> new MarkupLexer();
            case CSS -> new CssLexer();
            case C -> new CodeLexer(CodeGrammar.c());
            case CPP -> new CodeLexer(CodeGrammar.cpp());
            case CSHARP -> new CodeLexer(CodeGrammar.csharp());
            case KOTLIN -> new CodeLexer(CodeGrammar.kotlin());
            case SWIFT -> new CodeLexer(CodeGrammar.swift());
            case SCALA -> new CodeLexer(CodeGrammar.scala());
            case GROOVY -> new CodeLexer(CodeGrammar.groovy());
            case DART -> new CodeLexer(CodeGrammar.dart());
            case PHP -> new CodeLexer(CodeGrammar.php());
            case RUBY -> new CodeLexer(CodeGrammar.ruby());
            case ELIXIR -> new CodeLexer(CodeGrammar.elixir());
            case HASKELL -> new CodeLexer(CodeGrammar.haskell());
            case LUA -> new CodeLexer(CodeGrammar.lua());
            case POWERSHELL -> new CodeLexer(CodeGrammar.powershell());
            case PROTOBUF -> new CodeLexer(CodeGrammar.protobuf());
            case GRAPHQL -> new CodeLexer(CodeGrammar.graphql());
            case HCL -> new CodeLexer(CodeGrammar.hcl());
            case PROMQL -> new CodeLexer(CodeGrammar.promql());
            case LLVM -> new CodeLexer(CodeGrammar.llvm());
            case TOML -> new ConfigLexer(ConfigLexer.Dialect.TOML);
            case INI -> new ConfigLexer(ConfigLexer.Dialect.INI);
            case PROPERTIES -> new ConfigLexer(ConfigLexer.Dialect.PROPERTIES);
            case DOCKERFILE -> new DockerfileLexer();
            case MAKEFILE -> new MakefileLexer();
            case NGINX -> new NginxLexer();
            case HTTP -> new HttpLexer();
            case DIFF -> new DiffLexer();
            case ASM -> new AsmLexer();
        };
    }
}
