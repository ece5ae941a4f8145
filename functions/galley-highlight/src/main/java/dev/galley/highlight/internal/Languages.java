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
            Map.entry("css", Language.CSS),
            Map.entry("c", Language.C), Map.entry("h", Language.C),
            Map.entry("cpp", Language.CPP), Map.entry("c++", Language.CPP), Map.entry("cxx", Language.CPP),
            Map.entry("cc", Language.CPP), Map.entry("hpp", Language.CPP), Map.entry("hxx", Language.CPP),
            Map.entry("csharp", Language.CSHARP), Map.entry("cs", Language.CSHARP), Map.entry("c#", Language.CSHARP),
            Map.entry("kotlin", Language.KOTLIN), Map.entry("kt", Language.KOTLIN), Map.entry("kts", Language.KOTLIN),
            Map.entry("swift", Language.SWIFT),
            Map.entry("scala", Language.SCALA), Map.entry("sc", Language.SCALA),
            Map.entry("groovy", Language.GROOVY), Map.entry("gradle", Language.GROOVY),
            Map.entry("dart", Language.DART),
            Map.entry("php", Language.PHP),
            Map.entry("ruby", Language.RUBY), Map.entry("rb", Language.RUBY),
            Map.entry("elixir", Language.ELIXIR), Map.entry("ex", Language.ELIXIR), Map.entry("exs", Language.ELIXIR),
            Map.entry("haskell", Language.HASKELL), Map.entry("hs", Language.HASKELL),
            Map.entry("lua", Language.LUA),
            Map.entry("powershell", Language.POWERSHELL), Map.entry("ps1", Language.POWERSHELL),
            Map.entry("pwsh", Language.POWERSHELL),
            Map.entry("protobuf", Language.PROTOBUF), Map.entry("proto", Language.PROTOBUF),
            Map.entry("graphql", Language.GRAPHQL), Map.entry("gql", Language.GRAPHQL),
            Map.entry("hcl", Language.HCL), Map.entry("terraform", Language.HCL), Map.entry("tf", Language.HCL),
            Map.entry("tfvars", Language.HCL),
            Map.entry("promql", Language.PROMQL),
            Map.entry("llvm", Language.LLVM), Map.entry("llvm-ir", Language.LLVM), Map.entry("ll", Language.LLVM),
            Map.entry("toml", Language.TOML),
            Map.entry("ini", Language.INI), Map.entry("cfg", Language.INI), Map.entry("dosini", Language.INI),
            Map.entry("editorconfig", Language.INI), Map.entry("gitconfig", Language.INI),
            Map.entry("properties", Language.PROPERTIES), Map.entry("props", Language.PROPERTIES),
            Map.entry("dockerfile", Language.DOCKERFILE), Map.entry("docker", Language.DOCKERFILE),
            Map.entry("containerfile", Language.DOCKERFILE),
            Map.entry("makefile", Language.MAKEFILE), Map.entry("make", Language.MAKEFILE), Map.entry("mk", Language.MAKEFILE),
            Map.entry("nginx", Language.NGINX), Map.entry("nginxconf", Language.NGINX),
            Map.entry("http", Language.HTTP),
            Map.entry("diff", Language.DIFF), Map.entry("patch", Language.DIFF), Map.entry("udiff", Language.DIFF),
            Map.entry("asm", Language.ASM), Map.entry("assembly", Language.ASM), Map.entry("nasm", Language.ASM),
            Map.entry("gas", Language.ASM), Map.entry("x86asm", Language.ASM), Map.entry("armasm", Language.ASM));

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
