package dev.galley.highlight.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HighlighterTest {

    /** One name for every language; {@link #namesEveryLanguage} keeps it complete. */
    private static final List<String> LANGUAGES = List.of("sql", "java", "js", "ts", "rust", "go", "python", "yaml",
            "json", "sh", "console", "html", "css", "c", "cpp", "csharp", "kotlin", "swift", "scala", "groovy", "dart",
            "php", "ruby", "elixir", "haskell", "lua", "powershell", "protobuf", "graphql", "hcl", "promql", "llvm",
            "toml", "ini", "properties", "dockerfile", "makefile", "nginx", "http", "diff", "asm");

    private static final String OPEN = "<span class=\"tok-";

    private static String highlight(String language, String code) {
        return Highlight.html(language, code);
    }

    private static String token(String kind, String escapedText) {
        return "<span class=\"tok-" + kind + "\">" + escapedText + "</span>";
    }

    private static void assertTokens(String html, String... expected) {
        assertAll(Arrays.stream(expected).map(t -> () -> assertTrue(html.contains(t), () -> t + " missing in\n" + html)));
    }

    /** The text a reader sees: token spans removed, entities decoded; fails on any other markup or nested spans. */
    private static String visibleText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        boolean inSpan = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<' && !inSpan && html.startsWith(OPEN, i)) {
                i = html.indexOf("\">", i) + 1;
                inSpan = true;
            } else if (c == '<' && inSpan && html.startsWith("</span>", i)) {
                i += "</span>".length() - 1;
                inSpan = false;
            } else if (c == '<' || c == '>') {
                throw new AssertionError("markup other than one level of token spans at " + i + " in\n" + html);
            } else {
                text.append(c);
            }
        }
        assertFalse(inSpan, "unclosed span");
        return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void mustMarkSqlKeywordsInAnyCaseAndKeepDashesInsideAStringOutOfComments() {
        String html = highlight("sql", """
                SELECT name, 'it''s -- not a comment' FROM users -- real comment
                where id = 42 AND email IS NOT NULL;
                """);
        assertTokens(html, token("kw", "SELECT"), token("kw", "where"), token("kw", "NULL"),
                token("str", "'it''s -- not a comment'"), token("com", "-- real comment"), token("num", "42"));
    }

    @Test
    void mustReadPostgresDollarQuotesTypesAndParameters() {
        String html = highlight("postgresql", """
                CREATE FUNCTION touch() RETURNS trigger AS $body$ BEGIN RETURN 'x'; END; $body$ LANGUAGE plpgsql;
                ALTER TABLE users ADD COLUMN email VARCHAR(255) DEFAULT E'a\\'b' WHERE id = $1;
                """);
        assertTokens(html, token("str", "$body$ BEGIN RETURN 'x'; END; $body$"), token("type", "VARCHAR"),
                token("num", "255"), token("str", "E'a\\'b'"), token("var", "$1"), token("fn", "touch"));
    }

    @Test
    void mustTellRustLifetimesFromCharLiterals() {
        String html = highlight("rust", """
                #[derive(Debug)]
                fn longest<'a>(x: &'a str) -> char {
                    let c = 'x'; let q = '\\''; let e = '😀';
                    'outer: loop { break 'outer; }
                    let raw = r#"a "quoted" /* b */"#; /* outer /* nested */ still comment */
                    println!("{}", 1_000u32);
                    Some(c)
                }
                """);
        assertTokens(html, token("meta", "#[derive(Debug)]"), token("kw", "fn"), token("fn", "longest"),
                token("type", "'a"), token("type", "str"), token("str", "'x'"), token("str", "'\\''"),
                token("str", "'😀'"), token("type", "'outer"), token("str", "r#&quot;a &quot;quoted&quot; /* b */&quot;#"),
                token("com", "/* outer /* nested */ still comment */"), token("fn", "println!"),
                token("num", "1_000u32"), token("type", "Some"));
    }

    @Test
    void mustReadPythonTripleQuotedStringsAcrossLines() {
        String html = highlight("py", """
                @dataclass
                class Point(Base):
                    \"""Docs with 'quotes' and # no comment
                    over two lines.\"""
                    def norm(self) -> float:
                        return f"{self.x}" + rb'\\d' if True else None  # comment
                """);
        assertTokens(html,
                token("str", "&quot;&quot;&quot;Docs with 'quotes' and # no comment\n    over two lines.&quot;&quot;&quot;"),
                token("meta", "@dataclass"), token("kw", "class"), token("type", "Point"), token("kw", "def"),
                token("fn", "norm"), token("type", "float"), token("str", "f&quot;{self.x}&quot;"),
                token("str", "rb'\\d'"), token("kw", "True"), token("com", "# comment"));
    }

    @Test
    void mustMarkShellVariablesAlsoInsideDoubleQuotesButNotInsideSingleQuotes() {
        String html = highlight("bash", """
                #!/usr/bin/env bash
                export GREETING="Hello $USER from ${HOME:-/root}" # say hi
                for f in *.md; do echo "$f" 'costs $5'; done
                cat <<EOF > out.txt 2>&1
                body with $NOT_A_COMMAND
                EOF
                """);
        assertTokens(html, token("meta", "#!/usr/bin/env bash"), token("kw", "export"), token("var", "GREETING"),
                token("str", "&quot;Hello "), token("var", "$USER"), token("var", "${HOME:-/root}"),
                token("com", "# say hi"), token("kw", "for"), token("var", "f"), token("kw", "in"),
                token("fn", "echo"), token("str", "'costs $5'"), token("fn", "cat"),
                token("str", "body with $NOT_A_COMMAND\nEOF"), token("num", "2"));
    }

    @Test
    void mustHighlightOnlyTheCommandsOfAConsoleTranscript() {
        String html = highlight("console", """
                $ npm test -- --watch=false
                ok 1 - export works
                user@host:~/app$ NODE_ENV=production node \\
                  server.js
                """);
        assertTokens(html, token("punc", "$"), token("fn", "npm"), token("out", "ok 1 - export works\n"),
                token("punc", "user@host:~/app$"), token("var", "NODE_ENV"), token("fn", "node"));
    }

    @Test
    void consoleWithoutAnyPromptIsAllOutput() {
        String output = """
                total 16
                drwxr-xr-x  4 ada staff  128 Mar 10 09:30 content
                -rw-r--r--  1 ada staff 1024 Mar 10 09:30 pom.xml
                """;
        assertEquals(token("out", output), highlight("console", output));
    }

    @Test
    void consoleCommandsAfterAPowerShellPromptAreLexedAsPowerShell() {
        String html = highlight("shell-session", "PS> Get-Content .\\site.yaml -Tail 5\ntitle: Galley\n");
        assertTokens(html, token("punc", "PS&gt; "), token("fn", "Get-Content"), token("attr", "-Tail"),
                token("out", "title: Galley\n"));
    }

    @Test
    void mustMarkHtmlTagsAttributesAndEmbeddedScriptAndStyle() {
        String html = highlight("html", """
                <!-- nav -->
                <a href="/x?a=1&amp;b=2" class=plain disabled>Fish &amp; chips</a>
                <script>const big = a < b;</script><style>p { color: red }</style>
                """);
        assertTokens(html, token("com", "&lt;!-- nav --&gt;"), token("punc", "&lt;"), token("tag", "a"),
                token("attr", "href"), token("str", "&quot;/x?a=1&amp;amp;b=2&quot;"), token("str", "plain"),
                token("attr", "disabled"), token("meta", "&amp;amp;"), token("kw", "const"), token("op", "&lt;"),
                token("tag", "p"), token("key", "color"));
    }

    @Test
    void mustMarkCssSelectorsPropertiesAndValues() {
        String html = highlight("css", """
                .card > pre:hover, input[type="checkbox"] { color: var(--ink); margin: 0 1.5rem -2px !important; }
                @media (min-width: 60rem) { .x { background: #14181d url("a.png"); } }
                """);
        assertTokens(html, token("attr", ".card"), token("tag", "pre"), token("kw", ":hover"),
                token("attr", "type"), token("key", "color"), token("fn", "var"), token("var", "--ink"),
                token("num", "1.5rem"), token("num", "-2px"), token("kw", "!important"), token("kw", "@media"),
                token("num", "60rem"), token("num", "#14181d"), token("str", "&quot;a.png&quot;"));
    }

    @Test
    void mustMarkYamlKeysAndKeepBlockScalarsAsStrings() {
        String html = highlight("yml", """
                # deploy
                name: "deploy: prod"
                steps:
                  - run: |
                      echo "hi" # part of the script
                    retries: 3
                    enabled: true
                    url: http://example.com:8080/x
                    env: {NODE_ENV: production, 'quoted key': 1}
                Value: !Ref Bucket
                base: &base
                copy: *base
                """);
        assertTokens(html, token("com", "# deploy"), token("key", "name"), token("str", "&quot;deploy: prod&quot;"),
                token("punc", "-"), token("key", "run"), token("str", "echo &quot;hi&quot; # part of the script"),
                token("key", "retries"), token("num", "3"), token("kw", "true"), token("key", "NODE_ENV"),
                token("key", "'quoted key'"), token("meta", "!Ref"), token("var", "&amp;base"), token("var", "*base"));
        assertTrue(html.contains("http://example.com:8080/x"), html);
    }

    @Test
    void mustMarkJsonKeysApartFromStringValues() {
        String html = highlight("json", """
                {"name": "galley", "ratio": -1.5e3, "ok": true, "none": null, "list": ["key-like": 1]}
                """);
        assertTokens(html, token("key", "&quot;name&quot;"), token("str", "&quot;galley&quot;"),
                token("num", "-1.5e3"), token("kw", "true"), token("kw", "null"), token("key", "&quot;list&quot;"));
    }

    @Test
    void mustReadJavaTextBlocksAnnotationsAndTypes() {
        String html = highlight("java", """
                @Override
                public List<String> lines(char c) {
                    var text = \"""
                        a "quoted" \\\""" word
                        \""";
                    return List.of(text, 'c', 0x1FL, MAX); // done
                }
                """);
        assertTokens(html, token("meta", "@Override"), token("kw", "public"), token("type", "List"),
                token("type", "String"), token("fn", "lines"), token("type", "char"),
                token("str", "&quot;&quot;&quot;\n        a &quot;quoted&quot; \\&quot;&quot;&quot; word\n        &quot;&quot;&quot;"),
                token("fn", "of"), token("str", "'c'"), token("num", "0x1FL"), token("com", "// done"));
        assertFalse(html.contains(token("type", "MAX")), html);
    }

    @Test
    void mustReadTemplateInterpolationsAndTellRegexLiteralsFromDivision() {
        String html = highlight("ts", """
                interface Panel { metric: string }
                const label = `value ${count + 1} of ${`${total}`}`;
                const ok = /a+\\/[/]b/gi.test(label) ? ratio / 2 / 3 : x.default;
                """);
        assertTokens(html, token("kw", "interface"), token("type", "Panel"), token("type", "string"),
                token("str", "`value "), token("punc", "${"), token("num", "1"), token("str", " of "),
                token("str", "/a+\\/[/]b/gi"), token("op", "?"), token("num", "2"));
        assertFalse(html.contains(token("kw", "default")), html);
        assertFalse(html.contains(token("str", "/ 2 /")), html);
    }

    @Test
    void mustReadGoRawStringsAcrossLines() {
        String html = highlight("golang", """
                func (s *Server) Start() error {
                	query := `SELECT "x"
                	FROM t`
                	fmt.Println(query, 'r', nil)
                }
                """);
        assertTokens(html, token("kw", "func"), token("type", "Server"), token("fn", "Start"), token("type", "error"),
                token("str", "`SELECT &quot;x&quot;\n\tFROM t`"), token("fn", "Println"), token("str", "'r'"), token("kw", "nil"));
    }

    @Test
    void mustAcceptTheUsualAliasesOfEachLanguage() {
        Map<String, List<String>> aliases = Map.of(
                "javascript", List.of("js", "jsx", "JavaScript"),
                "typescript", List.of("ts", "tsx"),
                "sh", List.of("bash", "shell", "zsh"),
                "yaml", List.of("yml"),
                "python", List.of("py", "python3"),
                "rust", List.of("rs"),
                "go", List.of("golang"),
                "html", List.of("xml", "htm", "svg"),
                "sql", List.of("postgres", "mysql", "sqlite"));
        String code = "<a x='1'> const x = 1; // c\nkey: 1";
        assertAll(aliases.entrySet().stream().flatMap(e -> e.getValue().stream().map(alias -> () -> {
            String html = highlight(alias, code);
            assertEquals(highlight(e.getKey(), code), html, alias);
            assertTrue(html.contains("<span"), alias);
        })));
    }

    @Test
    void namesEveryLanguage() {
        assertEquals(EnumSet.allOf(Language.class),
                LANGUAGES.stream().map(Languages::find).collect(Collectors.toCollection(() -> EnumSet.noneOf(Language.class))));
    }

    @Test
    void mustWriteCodeOfAnUnknownLanguageAsPlainEscapedText() {
        assertEquals("&lt;b&gt;fish &amp; &quot;chips&quot;&lt;/b&gt;", highlight("brainfuck", "<b>fish & \"chips\"</b>"));
        assertEquals("a &lt; b", highlight("", "a < b"));
    }

    @Test
    void mustKeepMarkupInsideCodeInertInEveryLanguage() {
        String attack = "</code></pre><script>alert(1)</script><img src=x onerror=alert(1)>";
        assertAll(LANGUAGES.stream().map(language -> () -> {
            for (String code : List.of(attack, "'" + attack + "'", "\"" + attack, "// " + attack, "# " + attack, "x: " + attack)) {
                String html = highlight(language, code);
                assertFalse(html.contains("<script") || html.contains("<img") || html.contains("</code"), language + ": " + html);
                assertEquals(code, visibleText(html), language);
            }
        }));
    }

    @Test
    void mustReproduceEveryCharacterOfAnyInputInEveryLanguage() {
        Random random = new Random(20260310);
        String alphabet = "abXY_09 \t\n\n'\"`$#/*-<>&{}[]()\\!@:;,.=|%?~^+é\r";
        List<String> inputs = new ArrayList<>(List.of("", "😀", "'😀'", "a😀b", "$", "\\", "\"", "'", "`", "<", "<<", "#"));
        for (int i = 0; i < 250; i++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                input.append(random.nextInt(40) == 0 ? "😀" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            inputs.add(input.toString());
        }
        assertAll(LANGUAGES.stream().map(language -> () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String input : inputs) {
                String html = highlight(language, input);
                assertEquals(input, visibleText(html), () -> language + " lost or changed text of " + input);
                assertEquals(html, highlight(language, input), language);
            }
        }, language)));
    }

    @Test
    void mustGiveEveryThreadTheSameResultWhenLanguagesAreFirstUsedConcurrently() throws Exception {
        String code = "SELECT 'a' -- b\nfn f<'a>() {}\n<a href=\"x\">\nkey: [1, \"two\"]\n$ echo \"$HOME\"";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> LANGUAGES.stream().map(language -> highlight(language, code)).toList()));
            }
            List<String> expected = LANGUAGES.stream().map(language -> highlight(language, code)).toList();
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A safety bound, not a benchmark: one line of half a megabyte, then short lines, all opening and never closing. */
    @Test
    void mustFinishAPathologicalMegabyteQuicklyInEveryLanguage() {
        String openers = "'a\\'\"b /* <!-- ${ $( `x r#\" \"\"\" #[ <a href= [{ : $$ <<EOF / /[ @ ";
        String megabyte = openers.repeat(500_000 / openers.length()) + (openers + "\n").repeat(500_000 / (openers.length() + 1));
        assertAll(LANGUAGES.stream().map(language -> () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertEquals(megabyte.length(), visibleText(highlight(language, megabyte)).length(), language), language)));
    }
}
