package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lexes POSIX shell and bash: the first word of a command is its name (a function token), {@code $VAR} and
 * {@code ${...}} are variables also inside double quotes, and here-documents are strings. As a console
 * transcript, only lines after a prompt ({@code $ }, {@code # }, {@code user@host:~$ }, {@code PS> }) are commands;
 * the others are output, and a transcript without any prompt is all output.
 */
final class ShellLexer implements Lexer {

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "for", "while", "until",
            "do", "done", "case", "esac", "in", "select", "function", "return", "exit", "break", "continue", "local",
            "export", "readonly", "declare", "typeset", "unset", "shift", "source", "alias", "eval", "exec", "trap",
            "set", "time", "coproc");
    /** Words after which the next word is again a command name. */
    private static final Set<String> PREFIXES = Set.of("if", "then", "else", "elif", "while", "until", "do",
            "exec", "time", "sudo", "nohup", "!");
    private static final Set<String> DECLARATIONS = Set.of("export", "local", "readonly", "declare", "typeset");

    /** A script; a console transcript; or a makefile's recipe line, where make expands {@code $(VAR)} first. */
    enum Mode { SCRIPT, CONSOLE, RECIPE }

    private final Mode mode;

    ShellLexer(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        if (mode != Mode.CONSOLE) {
            new Run(source, from, to, out, mode == Mode.RECIPE).run();
            return;
        }
        int line = from;
        while (line < to) {
            int lineEnd = lineEnd(source, line, to);
            int prompt = promptEnd(source, line, lineEnd);
            if (prompt < 0) {
                out.add(TokenKind.OUTPUT, line, Math.min(lineEnd + 1, to));
                line = lineEnd + 1;
                continue;
            }
            out.add(TokenKind.PUNCTUATION, line, prompt);
            int commandEnd = lineEnd;
            while (commandEnd < to && commandEnd > prompt && source.charAt(commandEnd - 1) == '\\') {
                commandEnd = lineEnd(source, commandEnd + 1, to);
            }
            if (source.startsWith("PS", line)) {
                Languages.lexer(Language.POWERSHELL).lex(source, prompt, commandEnd, out);
            } else {
                new Run(source, prompt, commandEnd, out, false).run();
            }
            line = commandEnd + 1;
        }
    }

    private static int lineEnd(String source, int from, int to) {
        int i = from;
        while (i < to && source.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    /**
     * The end of a prompt opening the line: a first word ending in $ or # and then a space, or PowerShell's
     * {@code PS> } or {@code PS C:\dir> }; -1 without one.
     */
    private static int promptEnd(String source, int line, int lineEnd) {
        if (source.startsWith("PS", line) && line + 2 < lineEnd
                && (source.charAt(line + 2) == '>' || source.charAt(line + 2) == ' ')) {
            int limit = Math.min(lineEnd, line + 80);
            for (int i = line + 2; i + 1 < limit; i++) {
                if (source.charAt(i) == '>' && source.charAt(i + 1) == ' ') {
                    return i + 2;
                }
            }
            return -1;
        }
        int i = line;
        while (i < lineEnd && i - line < 80 && !Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        if (i == line || i - line >= 80) {
            return -1;
        }
        char last = source.charAt(i - 1);
        if ((last != '$' && last != '#') || (i < lineEnd && source.charAt(i) != ' ')) {
            return -1;
        }
        return i;
    }

    private record HereDocument(String delimiter, boolean stripTabs) {
    }

    private static final class Run extends Scanner {

        private boolean command = true;
        /** The kind of the next word when a keyword decides it: the variable after {@code for}. */
        private TokenKind nextWord;
        private boolean inExpected;
        /** After {@code export}, {@code local} and the like: names and assignments are variables. */
        private boolean declaring;
        private final List<HereDocument> hereDocuments = new ArrayList<>();

        /** Make expands {@code $(VAR)}, {@code ${VAR}} and {@code $@} before the shell runs; {@code $$} is a dollar. */
        private final boolean makeVariables;

        Run(String source, int from, int to, TokenSink out, boolean makeVariables) {
            super(source, from, to, out);
            this.makeVariables = makeVariables;
        }

        void run() {
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '\n') {
                    pos++;
                    hereDocumentBodies();
                    commandStarts();
                } else if (isBlank(c)) {
                    pos++;
                } else if (c == '\\') {
                    pos = Math.min(end, pos + 2);
                } else if (c == '#' && atWordStart()) {
                    boolean shebang = start == 0 && peek(1) == '!';
                    toLineEnd();
                    emit(shebang ? TokenKind.META : TokenKind.COMMENT, start);
                } else if (c == '\'') {
                    pos++;
                    past("'");
                    emit(TokenKind.STRING, start);
                    command = false;
                } else if (c == '"') {
                    pos++;
                    doubleQuoted(start);
                    command = false;
                } else if (c == '$') {
                    dollar(start);
                } else if (c == '`') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                    commandStarts();
                } else if (c == '<' && peek(1) == '<' && peek(2) != '<') {
                    hereDocumentStart(start);
                } else if ("|&;<>!".indexOf(c) >= 0) {
                    pos++;
                    emit(TokenKind.OPERATOR, start);
                    boolean redirect = start > 0 && (source.charAt(start - 1) == '>' || source.charAt(start - 1) == '<');
                    if (c == '|' || c == ';' || c == '!' || c == '&' && !redirect) {
                        commandStarts();
                    }
                } else if ("(){}[]".indexOf(c) >= 0) {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                    if (c == '(' || c == '{') {
                        commandStarts();
                    } else {
                        command = false;
                    }
                } else {
                    word(start);
                }
            }
        }

        private boolean atWordStart() {
            return pos == 0 || " \t\n;|&(".indexOf(source.charAt(pos - 1)) >= 0;
        }

        private void commandStarts() {
            command = true;
            declaring = false;
            nextWord = null;
            inExpected = false;
        }

        private void word(int start) {
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && "|&;<>()'\"`$\\{}".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                pos++;
                return;
            }
            String word = source.substring(start, pos);
            TokenKind decided = nextWord;
            nextWord = null;
            if (decided != null) {
                emit(decided, start);
                command = false;
                inExpected = decided == TokenKind.VARIABLE;
            } else if ((command || declaring) && assignment(start)) {
                return;
            } else if (declaring && isIdentifierStart(word.charAt(0))) {
                emit(TokenKind.VARIABLE, start);
            } else if (allDigits(start)) {
                emit(TokenKind.NUMBER, start);
            } else if (command && KEYWORDS.contains(word) || inExpected && word.equals("in")) {
                emit(TokenKind.KEYWORD, start);
                inExpected = false;
                command = PREFIXES.contains(word);
                declaring = DECLARATIONS.contains(word);
                if (word.equals("for") || word.equals("select")) {
                    nextWord = TokenKind.VARIABLE;
                } else if (word.equals("function")) {
                    nextWord = TokenKind.FUNCTION;
                } else if (word.equals("case")) {
                    inExpected = true;
                }
            } else if (command && word.charAt(0) != '-') {
                emit(TokenKind.FUNCTION, start);
                command = PREFIXES.contains(word);
            }
        }

        /** {@code NAME=value} at a command's start: the name is a variable; a command may still follow. */
        private boolean assignment(int start) {
            if (!isIdentifierStart(source.charAt(start))) {
                return false;
            }
            int i = start + 1;
            while (i < pos && (isAsciiLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                i++;
            }
            if (i >= pos || source.charAt(i) != '=') {
                return false;
            }
            out.add(TokenKind.VARIABLE, start, i);
            out.add(TokenKind.OPERATOR, i, i + 1);
            return true;
        }

        private boolean allDigits(int start) {
            for (int i = start; i < pos; i++) {
                if (!isDigit(source.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The rest of a double-quoted string, the cursor after its opening quote: text, escapes and expansions. */
        private void doubleQuoted(int start) {
            int segment = start;
            while (pos < end) {
                char c = source.charAt(pos);
                if (c == '\\') {
                    pos = Math.min(end, pos + 2);
                } else if (c == '"') {
                    pos++;
                    emit(TokenKind.STRING, segment);
                    return;
                } else if (c == '$' && expansionFollows() || c == '`') {
                    emit(TokenKind.STRING, segment);
                    int expansion = pos;
                    if (c == '`') {
                        pos++;
                        past("`");
                    } else if (peek(1) == '(') {
                        pos++;
                        balanced('(', ')');
                    } else {
                        variable();
                    }
                    emit(TokenKind.VARIABLE, expansion);
                    segment = pos;
                } else {
                    pos++;
                }
            }
            emit(TokenKind.STRING, segment);
        }

        private boolean expansionFollows() {
            int next = peek(1);
            return next == '{' || next == '(' || isIdentifierStart(next) || isDigit(next) || next >= 0 && "@*#?$!-".indexOf(next) >= 0;
        }

        private void dollar(int start) {
            if (makeVariables && makeVariable()) {
                emit(TokenKind.VARIABLE, start);
                command = false;
            } else if (peek(1) == '(') {
                boolean arithmetic = peek(2) == '(';
                pos += arithmetic ? 3 : 2;
                emit(TokenKind.PUNCTUATION, start);
                commandStarts();
                command = !arithmetic;
            } else if (peek(1) == '\'') {
                pos += 2;
                quoted("'", true, true);
                emit(TokenKind.STRING, start);
                command = false;
            } else if (expansionFollows()) {
                variable();
                emit(TokenKind.VARIABLE, start);
                command = false;
            } else {
                pos++;
            }
        }

        /** A make variable at the cursor: {@code $(CC)}, {@code ${CC}}, {@code $@}, or {@code $$VAR}, the shell's. */
        private boolean makeVariable() {
            int next = peek(1);
            if (next == '(' || next == '{') {
                pos++;
                balanced((char) next, next == '(' ? ')' : '}');
            } else if (next == '$') {
                pos++;
                variable();
            } else if (next >= 0 && "@<^*?+%|".indexOf(next) >= 0) {
                pos += 2;
            } else {
                return false;
            }
            return true;
        }

        /** {@code $NAME}, {@code $1}, {@code $?} or {@code ${...}} at the cursor. */
        private void variable() {
            pos++;
            int c = peek(0);
            if (c == '{') {
                balanced('{', '}');
            } else if (isIdentifierStart(c)) {
                while (pos < end && (isAsciiLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
                    pos++;
                }
            } else {
                pos++;
            }
        }

        /** From an {@code open} at the cursor past its matching {@code close}, or to the end. */
        private void balanced(char open, char close) {
            int depth = 0;
            while (pos < end) {
                char c = source.charAt(pos++);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
        }

        /** {@code <<EOF}, {@code <<-'EOF'}: the body starts on the next line. */
        private void hereDocumentStart(int start) {
            pos += 2;
            boolean stripTabs = peek(0) == '-';
            if (stripTabs || peek(0) == '~') {
                pos++;
            }
            emit(TokenKind.OPERATOR, start);
            while (pos < end && isBlank(source.charAt(pos))) {
                pos++;
            }
            int wordStart = pos;
            if (pos >= end || !isIdentifierStart(source.charAt(pos)) && "'\"\\".indexOf(source.charAt(pos)) < 0) {
                return;
            }
            StringBuilder delimiter = new StringBuilder();
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && ";|&<>()".indexOf(source.charAt(pos)) < 0) {
                char c = source.charAt(pos++);
                if (c != '\'' && c != '"' && c != '\\') {
                    delimiter.append(c);
                }
            }
            if (delimiter.length() > 0) {
                emit(TokenKind.STRING, wordStart);
                hereDocuments.add(new HereDocument(delimiter.toString(), stripTabs));
            }
            command = false;
        }

        /** At a line start after a command with here-documents: their bodies, each up to its delimiter line. */
        private void hereDocumentBodies() {
            for (HereDocument document : hereDocuments) {
                int body = pos;
                while (pos < end) {
                    int line = pos;
                    toLineEnd();
                    int text = line;
                    while (document.stripTabs() && text < pos && source.charAt(text) == '\t') {
                        text++;
                    }
                    int textEnd = pos > text && source.charAt(pos - 1) == '\r' ? pos - 1 : pos;
                    boolean last = textEnd - text == document.delimiter().length()
                            && source.startsWith(document.delimiter(), text);
                    if (last || pos >= end) {
                        emit(TokenKind.STRING, body);
                        break;
                    }
                    pos++;
                }
                if (pos < end) {
                    pos++;
                }
            }
            hereDocuments.clear();
        }
    }
}
