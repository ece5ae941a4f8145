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
        SIGNED_NUMBERS,
        /** A {@code #} opening a line starts a preprocessor line (C, C++, C#). */
        PREPROCESSOR,
        /** {@code <# ... #>} block comments (PowerShell). */
        HASH_BLOCK_COMMENTS,
        /** Nested {@code {- ... -}} block comments (Haskell). */
        BRACE_DASH_COMMENTS,
        /** {@code ;} line comments (LLVM IR). */
        SEMICOLON_COMMENTS,
        /** Long brackets: {@code [[...]]} and {@code [==[...]==]} strings, {@code --[[...]]} comments (Lua). */
        LONG_BRACKETS,
        /** {@code $name} is a variable (PHP, PowerShell, GraphQL, Ruby's globals). */
        DOLLAR_VARIABLES,
        /** {@code @name} and {@code @@name} are variables (Ruby's instance and class variables, LLVM's globals). */
        AT_VARIABLES,
        /** {@code %name} and {@code %0} are variables (LLVM's locals). */
        PERCENT_VARIABLES,
        /** {@code :name} is a symbol, shown as a string (Ruby, Elixir). */
        SYMBOLS,
        /** A quote after a name's first character belongs to the name, as in {@code foldl'} (Haskell). */
        PRIME_IDENTIFIERS,
        /** {@code Verb-Noun} commands are functions, {@code -Name} parameters or operators (PowerShell). */
        DASHED_WORDS,
        /** {@code @"..."}, {@code $"..."} and {@code $@"..."} strings (C#). */
        VERBATIM_STRINGS,
        /** {@code <?php} and {@code ?>} (PHP). */
        PHP_TAGS,
        /** {@code ${...}} inside strings may hold quotes of its own (Kotlin, Scala, Groovy, Dart). */
        DOLLAR_INTERPOLATION,
        /** {@code #{...}} inside strings may hold quotes of its own (Ruby, Elixir). */
        HASH_INTERPOLATION,
        /** A name may end in {@code ?} or {@code !} (Ruby, Elixir). */
        PREDICATE_NAMES,
        /** A name before {@code =}, {@code !=}, {@code =~} or {@code !~} is a key (HCL's attributes, PromQL's labels). */
        ASSIGNED_KEYS
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

    static CodeGrammar c() {
        return new CodeGrammar(words(C_KEYWORDS), words(C_TYPES), NONE, words("struct union enum"), false,
                EnumSet.of(SLASH_COMMENTS, CHAR_LITERALS, PREPROCESSOR));
    }

    static CodeGrammar cpp() {
        return new CodeGrammar(words(C_KEYWORDS + """
                 alignas alignof catch class co_await co_return co_yield concept consteval constexpr constinit
                 const_cast decltype delete dynamic_cast explicit export false friend mutable namespace new noexcept
                 nullptr operator override private protected public reinterpret_cast requires static_assert
                 static_cast template this thread_local throw true try typeid typename using virtual"""),
                words(C_TYPES + " bool wchar_t char8_t char16_t char32_t auto"),
                NONE, words("struct union enum class namespace concept"), false,
                EnumSet.of(SLASH_COMMENTS, CHAR_LITERALS, PREPROCESSOR, CAPITALIZED_TYPES));
    }

    private static final String C_KEYWORDS = """
            break case const continue default do else extern for goto if inline register restrict return sizeof
            static switch typedef volatile while struct union enum NULL""";

    private static final String C_TYPES = """
            char double float int long short signed unsigned void size_t ssize_t int8_t int16_t int32_t int64_t
            uint8_t uint16_t uint32_t uint64_t uintptr_t FILE""";

    static CodeGrammar csharp() {
        return new CodeGrammar(words("""
                abstract as async await base break case catch checked class const continue default delegate do
                else enum event explicit extern false finally fixed for foreach get goto if implicit in init
                interface internal is lock namespace new null operator out override params partial private protected
                public readonly record ref required return sealed set sizeof stackalloc static struct switch this
                throw true try typeof unchecked unsafe using var virtual volatile when where while with yield"""),
                words("bool byte char decimal double dynamic float int long nint nuint object sbyte short string uint ulong ushort void"),
                NONE, words("class interface enum struct record namespace"), false,
                EnumSet.of(SLASH_COMMENTS, CHAR_LITERALS, VERBATIM_STRINGS, PREPROCESSOR, CAPITALIZED_TYPES, EXPORTED_NAMES));
    }

    static CodeGrammar kotlin() {
        return new CodeGrammar(words("""
                abstract actual annotation as break by catch class companion const constructor continue crossinline
                data do else enum expect external false final finally for fun get if import in infix init inline
                inner interface internal is lateinit noinline null object open operator out override package private
                protected public reified return sealed set super suspend tailrec this throw true try typealias val
                value var vararg when where while"""),
                words("Any Boolean Byte Char Double Float Int Long Nothing Short String Unit"),
                words("fun"), words("class interface object typealias"), false,
                EnumSet.of(SLASH_COMMENTS, NESTED_COMMENTS, CHAR_LITERALS, TEXT_BLOCKS, DOLLAR_INTERPOLATION, ANNOTATIONS,
                        CAPITALIZED_TYPES));
    }

    static CodeGrammar swift() {
        return new CodeGrammar(words("""
                actor any as associatedtype async await break case catch class continue default defer deinit do
                else enum extension fallthrough false fileprivate final for func guard if import in init inout
                internal is lazy let mutating nil nonisolated open operator override private protocol public
                repeat rethrows return self Self some static struct subscript super switch throw throws true try
                typealias var weak where while"""),
                words("Bool Character Double Float Int Int8 Int16 Int32 Int64 String UInt UInt8 UInt16 UInt32 UInt64 Void"),
                words("func"), words("class struct enum protocol extension actor typealias"), false,
                EnumSet.of(SLASH_COMMENTS, NESTED_COMMENTS, TEXT_BLOCKS, ANNOTATIONS, CAPITALIZED_TYPES));
    }

    static CodeGrammar scala() {
        return new CodeGrammar(words("""
                abstract case catch class def do else enum export extends false final finally for forSome given if
                implicit import lazy match new null object override package private protected return sealed super
                then this throw trait true try type using val var while with yield"""),
                words("Any AnyRef AnyVal Boolean Byte Char Double Float Int Long Nothing Null Short String Unit"),
                words("def"), words("class object trait enum type"), false,
                EnumSet.of(SLASH_COMMENTS, NESTED_COMMENTS, CHAR_LITERALS, TEXT_BLOCKS, DOLLAR_INTERPOLATION, ANNOTATIONS,
                        CAPITALIZED_TYPES));
    }

    /** Groovy, and Gradle's build scripts written in it. */
    static CodeGrammar groovy() {
        return new CodeGrammar(words("""
                abstract as assert break case catch class continue def default do else enum extends false final
                finally for if implements import in instanceof interface new null package private protected public
                return static super switch this throw throws trait true try var void while"""),
                words("boolean byte char double float int long short"),
                NONE, words("class interface enum trait"), false,
                EnumSet.of(SLASH_COMMENTS, SINGLE_QUOTE_STRINGS, TRIPLE_QUOTES, MULTILINE_STRINGS, DOLLAR_INTERPOLATION,
                        ANNOTATIONS, CAPITALIZED_TYPES, DOLLAR_IDENTIFIERS));
    }

    static CodeGrammar dart() {
        return new CodeGrammar(words("""
                abstract as assert async await base break case catch class const continue covariant default
                deferred do dynamic else enum export extends extension external factory false final finally for
                get hide if implements import in interface is late library mixin new null on operator part required
                rethrow return sealed set show static super switch sync this throw true try typedef var void when
                while with yield"""),
                words("bool double int num Object String List Map Set Future Stream"),
                NONE, words("class enum mixin extension typedef"), false,
                EnumSet.of(SLASH_COMMENTS, SINGLE_QUOTE_STRINGS, TRIPLE_QUOTES, DOLLAR_INTERPOLATION, ANNOTATIONS,
                        CAPITALIZED_TYPES));
    }

    static CodeGrammar php() {
        return new CodeGrammar(words("""
                abstract and array as break callable case catch class clone const continue declare default do
                echo else elseif empty enum extends false final finally fn for foreach function global goto if
                implements include include_once instanceof insteadof interface isset list match namespace new null
                or print private protected public readonly require require_once return static switch throw trait
                true try unset use var while xor yield"""),
                words("bool float int mixed never object string void iterable"),
                words("function fn"), words("class interface trait enum"), true,
                EnumSet.of(SLASH_COMMENTS, HASH_COMMENTS, SINGLE_QUOTE_STRINGS, MULTILINE_STRINGS, DOLLAR_VARIABLES,
                        PHP_TAGS, CAPITALIZED_TYPES));
    }

    static CodeGrammar ruby() {
        return new CodeGrammar(words("""
                BEGIN END alias and begin break case class def defined? do else elsif end ensure false for if in
                module next nil not or redo rescue retry return self super then true undef unless until when while
                yield require require_relative attr_reader attr_writer attr_accessor private protected public
                raise"""),
                NONE, words("def"), words("class module"), false,
                EnumSet.of(HASH_COMMENTS, SINGLE_QUOTE_STRINGS, MULTILINE_STRINGS, HASH_INTERPOLATION, DOLLAR_VARIABLES,
                        AT_VARIABLES, SYMBOLS, PREDICATE_NAMES, CAPITALIZED_TYPES));
    }

    static CodeGrammar elixir() {
        return new CodeGrammar(words("""
                after alias and case catch cond def defdelegate defexception defguard defimpl defmacro defmacrop
                defmodule defp defprotocol defstruct do else end false fn for if import in nil not or quote raise
                receive require rescue true try unless unquote use when with"""),
                NONE, words("def defp defmacro defmacrop defguard"), words("defmodule defprotocol defimpl"), false,
                EnumSet.of(HASH_COMMENTS, SINGLE_QUOTE_STRINGS, MULTILINE_STRINGS, TRIPLE_QUOTES, HASH_INTERPOLATION,
                        ANNOTATIONS, SYMBOLS, PREDICATE_NAMES, CAPITALIZED_TYPES));
    }

    static CodeGrammar haskell() {
        return new CodeGrammar(words("""
                as case class data default deriving do else family forall foreign hiding if import in infix infixl
                infixr instance let module newtype of qualified then type where"""),
                NONE, NONE, words("data newtype type class instance"), false,
                EnumSet.of(DASH_COMMENTS, BRACE_DASH_COMMENTS, CHAR_LITERALS, PRIME_IDENTIFIERS, CAPITALIZED_TYPES));
    }

    static CodeGrammar lua() {
        return new CodeGrammar(words("""
                and break do else elseif end false for function goto if in local nil not or repeat return then
                true until while"""),
                NONE, words("function"), NONE, false,
                EnumSet.of(DASH_COMMENTS, LONG_BRACKETS, SINGLE_QUOTE_STRINGS));
    }

    /** PowerShell: keywords, operators such as {@code -eq} and types are case-insensitive. */
    static CodeGrammar powershell() {
        return new CodeGrammar(words("""
                begin break catch class continue data do dynamicparam else elseif end enum exit filter finally for
                foreach function if in param process return switch throw trap try until using while
                -and -or -not -xor -band -bor -eq -ne -gt -ge -lt -le -like -notlike -match -notmatch -replace
                -contains -notcontains -in -notin -is -isnot -as -split -join -f
                $true $false $null"""),
                words("""
                        string int long bool double decimal datetime array hashtable object void pscustomobject"""),
                words("function filter"), words("class enum"), true,
                EnumSet.of(HASH_COMMENTS, HASH_BLOCK_COMMENTS, SINGLE_QUOTE_STRINGS, MULTILINE_STRINGS,
                        DOLLAR_VARIABLES, DASHED_WORDS));
    }

    static CodeGrammar protobuf() {
        return new CodeGrammar(words("""
                syntax edition package import public weak option message enum service rpc returns stream repeated
                optional required oneof map reserved extend extensions to max true false"""),
                words("""
                        double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool
                        string bytes"""),
                words("rpc"), words("message enum service"), false,
                EnumSet.of(SLASH_COMMENTS, SINGLE_QUOTE_STRINGS, CAPITALIZED_TYPES));
    }

    static CodeGrammar graphql() {
        return new CodeGrammar(words("""
                query mutation subscription fragment on type interface union enum input scalar schema extend
                implements directive repeatable true false null"""),
                words("ID Int Float String Boolean"),
                words("query mutation subscription"), words("type interface union enum input scalar fragment"), false,
                EnumSet.of(HASH_COMMENTS, TRIPLE_QUOTES, DOLLAR_VARIABLES, ANNOTATIONS, CAPITALIZED_TYPES));
    }

    /** HashiCorp's configuration language: Terraform, OpenTofu, Packer, Nomad. */
    static CodeGrammar hcl() {
        return new CodeGrammar(words("""
                resource data variable output module provider locals terraform backend required_providers
                moved import check for in if for_each count depends_on lifecycle dynamic content true false null"""),
                words("string number bool list map set object tuple any"),
                NONE, NONE, false,
                EnumSet.of(SLASH_COMMENTS, HASH_COMMENTS, ASSIGNED_KEYS));
    }

    /** Prometheus's query language, as alerting rules and dashboards quote it. */
    static CodeGrammar promql() {
        return new CodeGrammar(words("""
                by without on ignoring group_left group_right offset bool and or unless atan2 sum min max avg group
                stddev stdvar count count_values bottomk topk quantile limitk limit_ratio"""),
                NONE, NONE, NONE, false,
                EnumSet.of(HASH_COMMENTS, SINGLE_QUOTE_STRINGS, RAW_BACKTICKS, ASSIGNED_KEYS));
    }

    /** LLVM's intermediate representation, as compiler posts print it. */
    static CodeGrammar llvm() {
        return new CodeGrammar(words("""
                define declare ret br switch indirectbr invoke resume unreachable add fadd sub fsub mul fmul udiv
                sdiv fdiv urem srem frem shl lshr ashr and or xor extractelement insertelement shufflevector
                extractvalue insertvalue alloca load store fence cmpxchg atomicrmw getelementptr trunc zext sext
                fptrunc fpext fptoui fptosi uitofp sitofp ptrtoint inttoptr bitcast addrspacecast icmp fcmp phi
                select call tail musttail to label eq ne ugt uge ult ule sgt sge slt sle oeq one olt ole ogt oge
                nsw nuw exact inbounds align global constant private internal external dso_local unnamed_addr
                local_unnamed_addr noundef nonnull readonly attributes target datalayout triple source_filename
                true false null undef poison zeroinitializer type"""),
                words("void i1 i8 i16 i32 i64 i128 half float double fp128 ptr label metadata opaque"),
                NONE, NONE, false,
                EnumSet.of(SEMICOLON_COMMENTS, AT_VARIABLES, PERCENT_VARIABLES));
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
