package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Locale;
import java.util.Set;

/**
 * Lexes Dockerfiles (and Containerfiles): an instruction opens each line, continued by a trailing backslash.
 * The commands of {@code RUN}, {@code CMD}, {@code ENTRYPOINT} and {@code SHELL} are lexed as shell, or as JSON
 * in their exec form; other arguments show flags, variables, quoted strings, numbers and {@code NAME=} keys.
 */
final class DockerfileLexer implements Lexer {

    private static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE",
            "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL",
            "HEALTHCHECK", "SHELL");
    private static final Set<String> COMMANDS = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL");

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private static final class Run extends Scanner {

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                char c = source.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    int start = pos;
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else {
                    instruction(logicalLineEnd());
                }
            }
        }

        /** The end of the line at the cursor, continued past lines that end in a backslash. */
        private int logicalLineEnd() {
            int i = pos;
            while (true) {
                while (i < end && source.charAt(i) != '\n') {
                    i++;
                }
                int last = i - 1;
                while (last > pos && Character.isWhitespace(source.charAt(last))) {
                    last--;
                }
                if (i >= end || source.charAt(last) != '\\') {
                    return i;
                }
                i++;
            }
        }

        private void instruction(int lineEnd) {
            int start = pos;
            identifier();
            String word = source.substring(start, pos).toUpperCase(Locale.ROOT);
            if (!INSTRUCTIONS.contains(word)) {
                pos = lineEnd;
                return;
            }
            emit(TokenKind.KEYWORD, start);
            while (pos < lineEnd && isBlank(source.charAt(pos))) {
                pos++;
            }
            if (word.equals("ONBUILD") && pos < lineEnd) {
                instruction(lineEnd);
            } else if (COMMANDS.contains(word)) {
                Language language = peek(0) == '[' ? Language.JSON : Language.SHELL;
                Languages.lexer(language).lex(source, pos, lineEnd, out);
                pos = lineEnd;
            } else {
                arguments(word, lineEnd);
            }
        }

        private void arguments(String instruction, int lineEnd) {
            while (pos < lineEnd) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '"' || c == '\'') {
                    pos++;
                    quoted(String.valueOf(c), true, false);
                    pos = Math.min(pos, lineEnd);
                    emit(TokenKind.STRING, start);
                } else if (c == '$' && (peek(1) == '{' || isIdentifierStart(peek(1)))) {
                    pos++;
                    if (peek(0) == '{') {
                        while (pos < lineEnd && source.charAt(pos) != '}') {
                            pos++;
                        }
                        pos = Math.min(pos + 1, lineEnd);
                    } else {
                        identifier();
                    }
                    emit(TokenKind.VARIABLE, start);
                } else if (c == '-' && peek(1) == '-' && (start == 0 || isBlank(source.charAt(start - 1)))) {
                    while (pos < lineEnd && source.charAt(pos) != '=' && !Character.isWhitespace(source.charAt(pos))) {
                        pos++;
                    }
                    emit(TokenKind.ATTRIBUTE, start);
                } else if (isIdentifierStart(c) || isDigit(c)) {
                    word(instruction, start, lineEnd);
                } else {
                    pos++;
                }
            }
        }

        private void word(String instruction, int start, int lineEnd) {
            while (pos < lineEnd && (isIdentifierPart(source.charAt(pos)) || source.charAt(pos) == '.' || source.charAt(pos) == '-')) {
                pos++;
            }
            String word = source.substring(start, pos);
            boolean assigned = peek(0) == '=';
            if (assigned && (instruction.equals("ENV") || instruction.equals("ARG"))) {
                emit(TokenKind.VARIABLE, start);
            } else if (assigned && instruction.equals("LABEL")) {
                emit(TokenKind.KEY, start);
            } else if (instruction.equals("FROM") && word.equalsIgnoreCase("as")) {
                emit(TokenKind.KEYWORD, start);
            } else if (allDigits(start)) {
                emit(TokenKind.NUMBER, start);
            } else if (instruction.equals("ENV") && isBlank(peek(0)) && isFirstArgument(start)) {
                emit(TokenKind.VARIABLE, start);
            }
        }

        private boolean allDigits(int start) {
            for (int i = start; i < pos; i++) {
                if (!isDigit(source.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether only blanks stand between the instruction and {@code start}: the legacy {@code ENV NAME value}. */
        private boolean isFirstArgument(int start) {
            int i = start - 1;
            while (i >= 0 && isBlank(source.charAt(i))) {
                i--;
            }
            return i >= 2 && source.regionMatches(true, i - 2, "ENV", 0, 3);
        }
    }
}
