package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Set;

/**
 * Lexes makefiles: a recipe line (opening with a tab) is shell; other lines are directives ({@code include},
 * {@code ifeq}, ...), variable assignments ({@code CC ?= gcc}) or rules, whose targets are functions. Make's
 * own {@code $(VAR)}, {@code ${VAR}} and {@code $@} are variables everywhere outside recipes.
 */
final class MakefileLexer implements Lexer {

    private static final Set<String> DIRECTIVES = Set.of("include", "-include", "sinclude", "ifeq", "ifneq",
            "ifdef", "ifndef", "else", "endif", "define", "endef", "export", "unexport", "override", "undefine",
            "vpath", "private");

    private final Lexer recipes = new ShellLexer(ShellLexer.Mode.RECIPE);

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out, recipes).run();
    }

    private static final class Run extends Scanner {

        private final Lexer recipes;

        Run(String source, int from, int to, TokenSink out, Lexer recipes) {
            super(source, from, to, out);
            this.recipes = recipes;
        }

        void run() {
            while (pos < end) {
                int lineEnd = lineEnd();
                if (source.charAt(pos) == '\t') {
                    recipes.lex(source, pos + 1, lineEnd, out);
                } else {
                    line(lineEnd);
                }
                pos = Math.min(end, lineEnd + 1);
            }
        }

        /** The end of the line at the cursor, continued past lines that end in a backslash. */
        private int lineEnd() {
            int i = pos;
            while (i < end && (source.charAt(i) != '\n' || i > pos && source.charAt(i - 1) == '\\')) {
                i++;
            }
            return i;
        }

        private void line(int lineEnd) {
            while (pos < lineEnd && isBlank(source.charAt(pos))) {
                pos++;
            }
            int start = pos;
            while (pos < lineEnd && !Character.isWhitespace(source.charAt(pos)) && "=:?+!#$".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
            String word = source.substring(start, pos);
            if (DIRECTIVES.contains(word)) {
                emit(TokenKind.KEYWORD, start);
                if (word.equals("export") || word.equals("override") || word.equals("private")) {
                    line(lineEnd);
                    return;
                }
            } else if (pos > start && assignmentFollows(lineEnd)) {
                emit(TokenKind.VARIABLE, start);
            } else if (pos > start && ruleFollows(lineEnd)) {
                pos = start;
                targets(lineEnd);
            }
            rest(lineEnd);
        }

        private boolean assignmentFollows(int lineEnd) {
            int i = pos;
            while (i < lineEnd && isBlank(source.charAt(i))) {
                i++;
            }
            return source.startsWith("=", i) || source.startsWith(":=", i) || source.startsWith("::=", i)
                    || source.startsWith("?=", i) || source.startsWith("+=", i) || source.startsWith("!=", i);
        }

        /** Whether a colon, outside any {@code $(...)}, ends the targets before the line's end or comment. */
        private boolean ruleFollows(int lineEnd) {
            for (int i = pos; i < lineEnd && source.charAt(i) != '#' && source.charAt(i) != '='; i++) {
                if (source.charAt(i) == ':') {
                    return true;
                }
                if (source.charAt(i) == '$' && i + 1 < lineEnd && source.charAt(i + 1) == '(') {
                    return false;
                }
            }
            return false;
        }

        /** {@code all build: deps}: each target a function, the special {@code .PHONY} a meta name. */
        private void targets(int lineEnd) {
            while (pos < lineEnd && source.charAt(pos) != ':') {
                int start = pos;
                if (Character.isWhitespace(source.charAt(pos)) || source.charAt(pos) == '\\') {
                    pos++;
                    continue;
                }
                while (pos < lineEnd && !Character.isWhitespace(source.charAt(pos)) && source.charAt(pos) != ':') {
                    pos++;
                }
                emit(source.charAt(start) == '.' ? TokenKind.META : TokenKind.FUNCTION, start);
            }
        }

        /** The rest of a line: operators, variables, comments; text stays plain. */
        private void rest(int lineEnd) {
            while (pos < lineEnd) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '#') {
                    pos = lineEnd;
                    emit(TokenKind.COMMENT, start);
                } else if (c == '$' && pos + 1 < lineEnd) {
                    variable(lineEnd);
                    emit(TokenKind.VARIABLE, start);
                } else if ("=:?+!|;".indexOf(c) >= 0) {
                    pos++;
                    emit(TokenKind.OPERATOR, start);
                } else {
                    pos++;
                }
            }
        }

        /** {@code $(...)} or {@code ${...}} with nesting, or {@code $@}, {@code $<}, {@code $$}: one character. */
        private void variable(int lineEnd) {
            pos++;
            char open = source.charAt(pos);
            if (open != '(' && open != '{') {
                pos++;
                return;
            }
            char close = open == '(' ? ')' : '}';
            int depth = 0;
            while (pos < lineEnd) {
                char c = source.charAt(pos++);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
        }
    }
}
