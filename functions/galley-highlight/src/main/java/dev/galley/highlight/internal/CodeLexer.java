package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import static dev.galley.highlight.internal.CodeGrammar.Feature.*;

/** Lexes the C-like languages (and SQL, Python, JSON) from their {@link CodeGrammar}. */
final class CodeLexer implements Lexer {

    /** Keywords that end an operand, so a following {@code /} divides rather than starts a regex. */
    private static final Set<String> OPERAND_KEYWORDS = Set.of("this", "super", "true", "false", "null", "undefined");

    private final CodeGrammar grammar;

    CodeLexer(CodeGrammar grammar) {
        this.grammar = grammar;
    }

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private final class Run extends Scanner {

        private boolean lineStart = true;
        private boolean regexMayFollow = true;
        /** No regex literal can start before this position: an earlier attempt found no closing slash. */
        private int regexBlockedUntil;
        /** The kind of the name that follows a defining keyword such as {@code fn} or {@code class}. */
        private TokenKind nameAfterKeyword;
        /** For each open template interpolation {@code ${}, the depth of braces opened inside it. */
        private int[] templateBraces = new int[4];
        private int templates;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                char c = source.charAt(pos);
                if (c == '\n') {
                    pos++;
                    lineStart = true;
                } else if (isBlank(c) || c == '\f') {
                    pos++;
                } else {
                    boolean atLineStart = lineStart;
                    TokenKind naming = nameAfterKeyword;
                    lineStart = false;
                    nameAfterKeyword = null;
                    token(c, pos, atLineStart, naming);
                }
            }
        }

        private void token(char c, int start, boolean atLineStart, TokenKind naming) {
            int next = peek(1);
            if (c == '#' && atLineStart && has(PREPROCESSOR)) {
                toLineEnd();
                emit(TokenKind.META, start);
            } else if (c == '-' && next == '-' && peek(2) == '[' && has(LONG_BRACKETS) && longBracket(2)) {
                emit(TokenKind.COMMENT, start);
            } else if (c == '[' && (next == '[' || next == '=') && has(LONG_BRACKETS) && longBracket(0)) {
                emit(TokenKind.STRING, start);
            } else if (c == '<' && next == '#' && has(HASH_BLOCK_COMMENTS)) {
                blockComment("<#", "#>", false);
                emit(TokenKind.COMMENT, start);
            } else if (c == '{' && next == '-' && has(BRACE_DASH_COMMENTS)) {
                blockComment("{-", "-}", true);
                emit(TokenKind.COMMENT, start);
            } else if (c == '/' && next == '/' && has(SLASH_COMMENTS)
                    || c == '#' && has(HASH_COMMENTS)
                    || c == '-' && next == '-' && has(DASH_COMMENTS)
                    || c == ';' && has(SEMICOLON_COMMENTS)) {
                toLineEnd();
                emit(TokenKind.COMMENT, start);
            } else if (c == '<' && has(PHP_TAGS) && (startsWith("<?php") || startsWith("<?="))
                    || c == '?' && next == '>' && has(PHP_TAGS)) {
                pos += c == '?' ? 2 : peek(2) == '=' ? 3 : 5;
                emit(TokenKind.META, start);
            } else if ((c == '@' || c == '$') && has(VERBATIM_STRINGS) && verbatimString(start)) {
                regexMayFollow = false;
            } else if (c == '$' && has(DOLLAR_VARIABLES) && (isIdentifierStart(next) || next == '{')
                    || c == '@' && has(AT_VARIABLES) && (isIdentifierStart(next) || next == '@' || next == '"')
                    || c == '%' && has(PERCENT_VARIABLES) && (isIdentifierPart(next) || next == '"')) {
                sigilVariable(start);
            } else if (c == ':' && has(SYMBOLS) && isIdentifierStart(next) && !afterOperand(start)
                    && (start == 0 || source.charAt(start - 1) != ':')) {
                pos++;
                identifier();
                if (peek(0) == '?' || peek(0) == '!') {
                    pos++;
                }
                emit(TokenKind.STRING, start);
                regexMayFollow = false;
            } else if (c == '-' && has(DASHED_WORDS) && isIdentifierStart(next) && !afterOperand(start)) {
                pos++;
                identifier();
                String word = source.substring(start, pos).toLowerCase(Locale.ROOT);
                emit(grammar.keywords().contains(word) ? TokenKind.KEYWORD : TokenKind.ATTRIBUTE, start);
            } else if (c == '/' && next == '*' && has(SLASH_COMMENTS)) {
                blockComment("/*", "*/", has(NESTED_COMMENTS));
                emit(TokenKind.COMMENT, start);
            } else if (c == '#' && has(ATTRIBUTES) && (next == '[' || next == '!' && peek(2) == '[')) {
                attribute();
                emit(TokenKind.META, start);
            } else if ((c == '"' || c == '\'' || c == '`') && string(c, start)) {
                regexMayFollow = false;
            } else if (c == '$' && has(SQL_STRINGS) && dollar(start)) {
                regexMayFollow = false;
            } else if (isDigit(c) || c == '.' && isDigit(next) && !afterOperand(start)
                    || c == '-' && isDigit(next) && has(SIGNED_NUMBERS)) {
                pos++;
                number();
                emit(TokenKind.NUMBER, start);
                regexMayFollow = false;
            } else if (isIdentifierStart(c) || c == '$' && has(DOLLAR_IDENTIFIERS)) {
                word(start, naming);
            } else if (c == '@' && isIdentifierStart(next) && (has(ANNOTATIONS) || has(DECORATORS) && atLineStart)) {
                pos++;
                identifier();
                while (peek(0) == '.' && isIdentifierStart(peek(1))) {
                    pos++;
                    identifier();
                }
                emit(TokenKind.META, start);
            } else if (c == '/' && has(REGEX_LITERALS) && regexMayFollow && pos >= regexBlockedUntil && regex()) {
                emit(TokenKind.STRING, start);
                regexMayFollow = false;
            } else if (c == '{' || c == '}') {
                brace(c, start);
            } else if ("()[],;.".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
                regexMayFollow = c != ')' && c != ']';
            } else if ("+-*/%=&|^!~<>?:".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.OPERATOR, start);
                regexMayFollow = true;
            } else {
                pos++;
            }
        }

        private boolean has(CodeGrammar.Feature feature) {
            return grammar.has(feature);
        }

        /** Whether the character before {@code start} ends an operand, as in {@code a.0} or {@code f().x}. */
        private boolean afterOperand(int start) {
            return start > 0 && (isIdentifierPart(source.charAt(start - 1)) || source.charAt(start - 1) == ')');
        }

        private void word(int start, TokenKind naming) {
            pos++;
            while (pos < end && (isIdentifierPart(source.charAt(pos)) || source.charAt(pos) == '$' && has(DOLLAR_IDENTIFIERS)
                    || source.charAt(pos) == '\'' && has(PRIME_IDENTIFIERS))) {
                pos++;
            }
            if (has(PREDICATE_NAMES) && (peek(0) == '?' || peek(0) == '!') && peek(1) != '=') {
                pos++;
            }
            if (has(DASHED_WORDS) && peek(0) == '-' && isIdentifierStart(peek(1))) {
                while (peek(0) == '-' && isIdentifierStart(peek(1))) {
                    pos++;
                    identifier();
                }
                emit(TokenKind.FUNCTION, start);
                regexMayFollow = false;
                return;
            }
            int next = peek(0);
            if ((next == '"' || next == '\'' || next == '#') && prefixedString(start, next)) {
                regexMayFollow = false;
                return;
            }
            String word = source.substring(start, pos);
            String key = grammar.ignoreCase() ? word.toLowerCase(Locale.ROOT) : word;
            boolean member = start > 1 && source.charAt(start - 1) == '.' && source.charAt(start - 2) != '.';
            regexMayFollow = false;
            if (!member && has(ASSIGNED_KEYS) && assignmentFollows()) {
                emit(TokenKind.KEY, start);
            } else if (!member && grammar.keywords().contains(key)) {
                emit(TokenKind.KEYWORD, start);
                regexMayFollow = !OPERAND_KEYWORDS.contains(word);
                if (grammar.definers().contains(key)) {
                    nameAfterKeyword = TokenKind.FUNCTION;
                } else if (grammar.declarers().contains(key)) {
                    nameAfterKeyword = TokenKind.TYPE;
                }
            } else if (naming != null) {
                emit(naming, start);
            } else if (!member && grammar.types().contains(key)) {
                emit(TokenKind.TYPE, start);
            } else if (has(CAPITALIZED_TYPES) && isCapitalized(start) && !(next == '(' && has(EXPORTED_NAMES))) {
                emit(TokenKind.TYPE, start);
            } else if (next == '!' && peek(1) != '=' && has(MACROS)) {
                pos++;
                emit(TokenKind.FUNCTION, start);
            } else if (next == '(') {
                emit(TokenKind.FUNCTION, start);
            }
        }

        /** Whether the cursor, past blanks, is at {@code =}, {@code !=}, {@code =~} or {@code !~}, not at {@code ==}. */
        private boolean assignmentFollows() {
            int i = pos;
            while (i < end && isBlank(source.charAt(i))) {
                i++;
            }
            int c = i < end ? source.charAt(i) : -1;
            int d = i + 1 < end ? source.charAt(i + 1) : -1;
            return c == '=' && d != '=' && d != '>' || c == '!' && (d == '=' || d == '~');
        }

        /** {@code $name}, {@code ${name}}, {@code @name}, {@code @@name}, {@code %0}, LLVM's quoted {@code @"name"}. */
        private void sigilVariable(int start) {
            pos++;
            int c = peek(0);
            if (c == '{') {
                past("}");
            } else if (c == '"') {
                pos++;
                quoted("\"", false, false);
            } else {
                if (c == '@') {
                    pos++;
                }
                while (pos < end && (isIdentifierPart(source.charAt(pos)) || source.charAt(pos) == '.'
                        && has(PERCENT_VARIABLES))) {
                    pos++;
                }
                if (has(DASHED_WORDS) && peek(0) == ':' && isIdentifierStart(peek(1))) {
                    pos++;
                    identifier();
                }
            }
            String word = source.substring(start, pos);
            emit(grammar.keywords().contains(grammar.ignoreCase() ? word.toLowerCase(Locale.ROOT) : word)
                    ? TokenKind.KEYWORD : TokenKind.VARIABLE, start);
            regexMayFollow = false;
        }

        /** C#'s {@code @"..."}, {@code $"..."}, {@code $@"..."} or {@code @$"..."} at the cursor; false for others. */
        private boolean verbatimString(int start) {
            int quote = 1;
            if ((peek(1) == '@' || peek(1) == '$') && peek(1) != peek(0)) {
                quote = 2;
            }
            if (peek(quote) != '"') {
                return false;
            }
            boolean verbatim = source.substring(start, start + quote).indexOf('@') >= 0;
            pos += quote + 1;
            if (verbatim) {
                sqlQuoted('"');
            } else {
                quoted("\"", true, false);
            }
            emit(TokenKind.STRING, start);
            return true;
        }

        /**
         * A Lua long bracket {@code [[}, {@code [==[} at {@code offset} past the cursor, through its matching close;
         * false, the cursor unmoved, when the brackets do not open one.
         */
        private boolean longBracket(int offset) {
            int level = 0;
            while (peek(offset + 1 + level) == '=') {
                level++;
            }
            if (peek(offset + 1 + level) != '[') {
                return false;
            }
            pos += offset + level + 2;
            past("]" + "=".repeat(level) + "]");
            return true;
        }

        /** A capitalized name with a lower-case letter: {@code String}, not the constant {@code MAX}. */
        private boolean isCapitalized(int start) {
            if (!Character.isUpperCase(source.charAt(start))) {
                return false;
            }
            for (int i = start + 1; i < pos; i++) {
                if (Character.isLowerCase(source.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** A string whose prefix the cursor is past: Python's {@code rb"..."}, Rust's {@code r#"..."#}, SQL's {@code E'...'}. */
        private boolean prefixedString(int start, int quote) {
            int length = pos - start;
            if (length > 2) {
                return false;
            }
            if (has(STRING_PREFIXES) && quote != '#' && onlyLetters(start, "rRbBuUfF")) {
                return string((char) quote, start);
            }
            if (has(RAW_STRINGS) && onlyLetters(start, "brc")) {
                if (source.charAt(pos - 1) == 'r') {
                    return rawString(start);
                }
                if (quote == '"') {
                    pos++;
                    quoted("\"", true, true);
                    emit(TokenKind.STRING, start);
                    return true;
                }
                if (quote == '\'') {
                    rustQuote(start);
                    return true;
                }
            }
            if (has(SQL_STRINGS) && length == 1 && quote == '\'' && onlyLetters(start, "eEnNxXbB")) {
                boolean escapes = onlyLetters(start, "eE");
                pos++;
                if (escapes) {
                    quoted("'", true, true);
                } else {
                    sqlQuoted('\'');
                }
                emit(TokenKind.STRING, start);
                return true;
            }
            return false;
        }

        private boolean onlyLetters(int start, String allowed) {
            for (int i = start; i < pos; i++) {
                if (allowed.indexOf(source.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }

        /** {@code r"..."} or {@code r#"..."#}, the cursor after the {@code r}; at most 32 hashes. */
        private boolean rawString(int start) {
            int hashes = 0;
            while (peek(hashes) == '#' && hashes < 32) {
                hashes++;
            }
            if (peek(hashes) != '"') {
                return false;
            }
            pos += hashes + 1;
            quoted("\"" + "#".repeat(hashes), false, true);
            emit(TokenKind.STRING, start);
            return true;
        }

        /** A string opening at the cursor with {@code quote}; false when the quote opens nothing here. */
        private boolean string(char quote, int start) {
            if (quote == '\'' && has(RUST_QUOTES)) {
                rustQuote(start);
                return true;
            }
            if (has(SQL_STRINGS)) {
                pos++;
                sqlQuoted(quote);
                if (quote == '\'') {
                    emit(TokenKind.STRING, start);
                }
                return true;
            }
            if (quote == '`') {
                if (has(TEMPLATE_STRINGS)) {
                    pos++;
                    template(start);
                    return true;
                }
                if (has(RAW_BACKTICKS)) {
                    pos++;
                    quoted("`", false, true);
                    emit(TokenKind.STRING, start);
                    return true;
                }
                return false;
            }
            if (quote == '\'' && !has(SINGLE_QUOTE_STRINGS) && !has(CHAR_LITERALS)) {
                return false;
            }
            String triple = quote == '"' ? "\"\"\"" : "'''";
            if ((has(TRIPLE_QUOTES) || quote == '"' && has(TEXT_BLOCKS)) && startsWith(triple)) {
                pos += 3;
                stringBody(triple, true);
            } else {
                pos++;
                stringBody(quote == '"' ? "\"" : "'", has(MULTILINE_STRINGS));
            }
            emit(has(KEYS) && colonFollows() ? TokenKind.KEY : TokenKind.STRING, start);
            return true;
        }

        /** The rest of a string up to {@code close}; an interpolation in it may hold strings and braces of its own. */
        private void stringBody(String close, boolean multiline) {
            char marker = has(DOLLAR_INTERPOLATION) ? '$' : has(HASH_INTERPOLATION) ? '#' : 0;
            if (marker == 0) {
                quoted(close, true, multiline);
                return;
            }
            while (pos < end) {
                char c = source.charAt(pos);
                if (c == '\\') {
                    pos = Math.min(end, pos + 2);
                } else if (c == '\n' && !multiline) {
                    return;
                } else if (startsWith(close)) {
                    pos += close.length();
                    return;
                } else if (c == marker && peek(1) == '{') {
                    pos += 2;
                    interpolation();
                } else {
                    pos++;
                }
            }
        }

        /** From inside {@code ${} past its closing brace, over nested braces and one-line strings. */
        private void interpolation() {
            int depth = 1;
            while (pos < end) {
                char c = source.charAt(pos++);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return;
                } else if (c == '"' || c == '\'') {
                    quoted(String.valueOf(c), true, false);
                }
            }
        }

        private boolean colonFollows() {
            int i = pos;
            while (i < end && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            return i < end && source.charAt(i) == ':';
        }

        /** SQL quoting, where a doubled quote stands for itself; the cursor is after the opening quote. */
        private void sqlQuoted(char quote) {
            while (pos < end) {
                if (source.charAt(pos++) == quote) {
                    if (peek(0) != quote) {
                        return;
                    }
                    pos++;
                }
            }
        }

        /** A {@code $1} parameter or a {@code $tag$...$tag$} dollar-quoted string at the cursor. */
        private boolean dollar(int start) {
            if (isDigit(peek(1))) {
                pos++;
                while (isDigit(peek(0))) {
                    pos++;
                }
                emit(TokenKind.VARIABLE, start);
                return true;
            }
            int i = pos + 1;
            while (i < end && i - pos <= 64 && (isAsciiLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                i++;
            }
            if (i >= end || source.charAt(i) != '$') {
                return false;
            }
            String delimiter = source.substring(pos, i + 1);
            pos = i + 1;
            past(delimiter);
            emit(TokenKind.STRING, start);
            return true;
        }

        /** Rust's single quote: {@code 'x'}, {@code '\n'}, a Unicode escape, a lifetime {@code 'a}, or a stray quote. */
        private void rustQuote(int start) {
            int first = peek(1);
            if (first == '\\') {
                pos += 3;
                while (pos < end && source.charAt(pos) != '\'' && source.charAt(pos) != '\n') {
                    pos++;
                }
                if (peek(0) == '\'') {
                    pos++;
                }
                pos = Math.min(pos, end);
                emit(TokenKind.STRING, start);
                return;
            }
            int width = first >= 0 && Character.isHighSurrogate((char) first) && peek(2) >= 0
                    && Character.isLowSurrogate((char) peek(2)) ? 2 : 1;
            if (first >= 0 && first != '\n' && peek(1 + width) == '\'') {
                pos += 2 + width;
                emit(TokenKind.STRING, start);
            } else if (isIdentifierStart(first)) {
                pos++;
                identifier();
                emit(TokenKind.TYPE, start);
            } else {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
            }
        }

        /** A template's text from the cursor to its end or to its next {@code ${}. */
        private void template(int segmentStart) {
            while (pos < end) {
                char c = source.charAt(pos);
                if (c == '\\') {
                    pos = Math.min(end, pos + 2);
                } else if (c == '`') {
                    pos++;
                    emit(TokenKind.STRING, segmentStart);
                    return;
                } else if (c == '$' && peek(1) == '{') {
                    emit(TokenKind.STRING, segmentStart);
                    int open = pos;
                    pos += 2;
                    emit(TokenKind.PUNCTUATION, open);
                    if (templates == templateBraces.length) {
                        templateBraces = Arrays.copyOf(templateBraces, templates * 2);
                    }
                    templateBraces[templates++] = 0;
                    regexMayFollow = true;
                    return;
                } else {
                    pos++;
                }
            }
            emit(TokenKind.STRING, segmentStart);
        }

        private void brace(char c, int start) {
            pos++;
            emit(TokenKind.PUNCTUATION, start);
            regexMayFollow = true;
            if (templates == 0) {
                return;
            }
            if (c == '{') {
                templateBraces[templates - 1]++;
            } else if (templateBraces[templates - 1] > 0) {
                templateBraces[templates - 1]--;
            } else {
                templates--;
                template(pos);
                regexMayFollow = false;
            }
        }

        /** A regex literal at the cursor, closed on the same line; otherwise none can start before the line ends. */
        private boolean regex() {
            boolean inClass = false;
            int i = pos + 1;
            while (i < end && source.charAt(i) != '\n') {
                char c = source.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                } else if (c == '/' && !inClass) {
                    pos = i + 1;
                    while (pos < end && isAsciiLetterOrDigit(source.charAt(pos))) {
                        pos++;
                    }
                    return true;
                }
                i++;
            }
            regexBlockedUntil = i;
            return false;
        }

        /** A Rust attribute {@code #[...]} or {@code #![...]} from the cursor to its matching bracket. */
        private void attribute() {
            int depth = 0;
            while (pos < end) {
                char c = source.charAt(pos++);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return;
                } else if (c == '"') {
                    quoted("\"", true, true);
                }
            }
        }
    }
}
