package dev.galley.highlight.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static dev.galley.highlight.internal.CodeGrammar.Feature.*;

/**
 * The lexer table of one C-like language: its keywords, its built-in types, and which lexical features it has.
 * {@link CodeLexer} reads it; building one costs a few small hash sets and happens on a language's first use.
 *
 * @param keywords   reserved words, lower case when {@code ignoreCase}
 * @param types      built-in type names, lower case when {@code ignoreCase}
 * @param definers   keywords after which the next name is a function being defined
 * @param declarers  keywords after which the next name is a type being declared
 */
record CodeGrammar(Set<String> keywords, Set<String> types, Set<String> definers, Set<String> declarers,
                   boolean ignoreCase, EnumSet<Feature> features) {

    enum Feature {
        /** {@code //} and {@code /* *}{@code /} comments. */
        SLASH_COMMENTS,
        /** Block comments nest (Rust). */
        NESTED_COMMENTS,
        /** {@code #} line comments. */
        HASH_COMMENTS,
        /** {@code --} line comments. */
        DASH_COMMENTS,
        /** Strings in single quotes as well as double quotes. */
        SINGLE_QUOTE_STRINGS,
        /** Character literals in single quotes. */
        CHAR_LITERALS,
        /** Rust's single quote: a character literal or a lifetime. */
        RUST_QUOTES,
        /** Double-quoted strings may span lines. */
        MULTILINE_STRINGS,
        /** {@code """} text blocks (Java). */
        TEXT_BLOCKS,
        /** {@code """} and {@code '''} strings (Python). */
        TRIPLE_QUOTES,
        /** String prefixes such as {@code r}, {@code b}, {@code f} (Python). */
        STRING_PREFIXES,
        /** {@code r#"..."#}, {@code b"..."}, {@code b'x'} (Rust). */
        RAW_STRINGS,
        /** Back-quoted templates with {@code ${...}} (JavaScript). */
        TEMPLATE_STRINGS,
        /** Back-quoted raw strings (Go). */
        RAW_BACKTICKS,
        /** SQL quoting: {@code ''} inside strings, quoted identifiers, dollar quotes, {@code $1} parameters. */
        SQL_STRINGS,
        /** {@code /regex/} literals where an operand may start (JavaScript). */
        REGEX_LITERALS,
        /** {@code @Name} annotations and decorators anywhere. */
        ANNOTATIONS,
        /** {@code @name} decorators at the start of a line (Python, where {@code @} is also an operator). */
        DECORATORS,
        /** {@code #[...]} attributes (Rust). */
        ATTRIBUTES,
        /** {@code name!} macro calls (Rust). */
        MACROS,
        /** A capitalized name is a type (by convention in Java, JavaScript, Rust, Python and Go). */
        CAPITALIZED_TYPES,
        /** Capitals mark exported names, so a capitalized call is a function, not a type (Go). */
        EXPORTED_NAMES,
        /** {@code $} is part of names (Java, JavaScript). */
        DOLLAR_IDENTIFIERS,
        /** A string followed by a colon is a key (JSON). */
        KEYS,
        /** A minus sign directly before a digit belongs to the number (JSON). */
        SIGNED_NUMBERS
    }

    private static final Set<String> NONE = Set.of();

    static CodeGrammar java() {
        return new CodeGrammar(words("""
                abstract assert break case catch class const continue default do else enum extends final finally
                for goto if implements import instanceof interface native new package permits private protected
                public record return sealed static strictfp super switch synchronized this throw throws transient
                try var volatile when while yield true false null"""),
                words("boolean byte char double float int long short void"),
                NONE, words("class interface enum record"), false,
                EnumSet.of(SLASH_COMMENTS, CHAR_LITERALS, TEXT_BLOCKS, ANNOTATIONS, CAPITALIZED_TYPES, DOLLAR_IDENTIFIERS));
    }

    static CodeGrammar javascript() {
        return new CodeGrammar(words(JAVASCRIPT_KEYWORDS), NONE, words("function"), words("class"), false,
                EnumSet.of(SLASH_COMMENTS, SINGLE_QUOTE_STRINGS, TEMPLATE_STRINGS, REGEX_LITERALS, ANNOTATIONS,
                        CAPITALIZED_TYPES, DOLLAR_IDENTIFIERS));
    }

    static CodeGrammar typescript() {
        return new CodeGrammar(words(JAVASCRIPT_KEYWORDS + """
                 abstract asserts declare enum implements infer interface is keyof namespace override private
                 protected public readonly satisfies type unique"""),
                words("any bigint boolean never number object string symbol unknown"),
                words("function"), words("class interface enum type namespace"), false,
                EnumSet.of(SLASH_COMMENTS, SINGLE_QUOTE_STRINGS, TEMPLATE_STRINGS, REGEX_LITERALS, ANNOTATIONS,
                        CAPITALIZED_TYPES, DOLLAR_IDENTIFIERS));
    }

    private static final String JAVASCRIPT_KEYWORDS = """
            as async await break case catch class const continue debugger default delete do else export extends
            false finally for from function if import in instanceof let new null of return static super
            switch this throw true try typeof undefined var void while with yield""";

    static CodeGrammar rust() {
        return new CodeGrammar(words("""
                as async await break const continue crate dyn else enum extern false fn for if impl in let loop
                macro_rules match mod move mut pub ref return self Self static struct super trait true type union
                unsafe use where while yield"""),
                words("bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize"),
                words("fn"), words("struct enum trait type union"), false,
                EnumSet.of(SLASH_COMMENTS, NESTED_COMMENTS, RUST_QUOTES, MULTILINE_STRINGS, RAW_STRINGS, ATTRIBUTES,
                        MACROS, CAPITALIZED_TYPES));
    }

    static CodeGrammar go() {
        return new CodeGrammar(words("""
                break case chan const continue default defer else fallthrough false for func go goto if import
                interface iota map nil package range return select struct switch true type var"""),
                words("""
                        any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64
                        rune string uint uint8 uint16 uint32 uint64 uintptr"""),
                words("func"), words("type"), false,
                EnumSet.of(SLASH_COMMENTS, CHAR_LITERALS, RAW_BACKTICKS, CAPITALIZED_TYPES, EXPORTED_NAMES));
    }

    static CodeGrammar python() {
        return new CodeGrammar(words("""
                False None True and as assert async await break class continue def del elif else except finally
                for from global if import in is lambda nonlocal not or pass raise return try while with yield"""),
                words("bool bytearray bytes complex dict float frozenset int list object set str tuple type"),
                words("def"), words("class"), false,
                EnumSet.of(HASH_COMMENTS, SINGLE_QUOTE_STRINGS, TRIPLE_QUOTES, STRING_PREFIXES, DECORATORS,
                        CAPITALIZED_TYPES));
    }

    /** PostgreSQL, MySQL, SQLite and SQL Server share enough of this to read well. */
    static CodeGrammar sql() {
        return new CodeGrammar(words("""
                add after all alter analyze and any as asc begin between both by cascade case cast check
                collate column commit concurrently conflict constraint create cross current_date current_timestamp
                database declare default deferrable delete desc distinct do drop else end escape except exclude
                execute exists explain extension false fetch first following for foreign from full function grant
                group having if ilike immediate in index inherits initially inner insert instead intersect into is
                join key language last lateral leading left like limit local lock materialized natural next not
                nothing notnull null nulls of offset on only or order outer over partition placing policy
                preceding primary procedure range recursive references rename replace restrict returning returns
                revoke right rollback row rows savepoint schema select sequence set show similar some table
                temp temporary then ties to trailing transaction trigger true truncate unbounded union unique
                unlogged update using vacuum valid validate values view when where window with without"""),
                words("""
                        bigint bigserial binary bit blob bool boolean bytea char character clob date datetime dec decimal
                        double enum float int int2 int4 int8 integer interval json jsonb money nchar numeric nvarchar
                        precision real serial smallint smallserial text time timestamp timestamptz tinyint uuid
                        varbinary varchar varying xml zone"""),
                NONE, NONE, true,
                EnumSet.of(SLASH_COMMENTS, DASH_COMMENTS, SQL_STRINGS));
    }

    /** JSON, with comments allowed as in JSONC. */
    static CodeGrammar json() {
        return new CodeGrammar(words("true false null"), NONE, NONE, NONE, false,
                EnumSet.of(SLASH_COMMENTS, KEYS, SIGNED_NUMBERS));
    }

    boolean has(Feature feature) {
        return features.contains(feature);
    }

    private static Set<String> words(String spaceSeparated) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= spaceSeparated.length(); i++) {
            boolean space = i == spaceSeparated.length() || Character.isWhitespace(spaceSeparated.charAt(i));
            if (space && start >= 0) {
                words.add(spaceSeparated.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return Set.copyOf(words);
    }
}
