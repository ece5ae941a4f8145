package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Locale;
import java.util.Set;

/**
 * Lexes assembly as compiler-explorer posts show it, in both AT&amp;T and Intel syntax and for x86-64, ARM64 and
 * RISC-V: a {@code label:} is a function, the first word of an instruction its mnemonic (a keyword), a
 * {@code .directive} meta, registers ({@code %rax}, {@code rdi}, {@code x0}, {@code a0}) variables, immediates
 * ({@code $8}, {@code #16}, {@code 0x10}) numbers. Comments start with {@code ;}, {@code //} or {@code /*}, and
 * with {@code #} when no digit follows it (where ARM writes immediates).
 */
final class AsmLexer implements Lexer {

    private static final Set<String> REGISTERS = Set.of(
            "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "rip", "eax", "ebx", "ecx", "edx", "esi", "edi",
            "ebp", "esp", "eip", "ax", "bx", "cx", "dx", "si", "di", "bp", "sp", "al", "bl", "cl", "dl", "ah", "bh",
            "ch", "dh", "sil", "dil", "bpl", "spl", "cs", "ds", "es", "fs", "gs", "ss", "lr", "pc", "fp", "xzr", "wzr",
            "zero", "ra", "gp", "tp");

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private static final class Run extends Scanner {

        private boolean mnemonic = true;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '\n') {
                    pos++;
                    mnemonic = true;
                } else if (isBlank(c) || c == ',') {
                    pos++;
                } else if (c == ';' || c == '/' && peek(1) == '/' || c == '#' && !isDigit(peek(1)) && peek(1) != '-') {
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else if (c == '/' && peek(1) == '*') {
                    blockComment("/*", "*/", false);
                    emit(TokenKind.COMMENT, start);
                } else if (c == '"' || c == '\'') {
                    pos++;
                    quoted(String.valueOf(c), true, false);
                    emit(TokenKind.STRING, start);
                } else if (c == '%' && isIdentifierStart(peek(1))) {
                    pos++;
                    identifier();
                    emit(TokenKind.VARIABLE, start);
                } else if ((c == '$' || c == '#') && (isDigit(peek(1)) || peek(1) == '-' && isDigit(peek(2)))) {
                    pos += 2;
                    number();
                    emit(TokenKind.NUMBER, start);
                } else if (isDigit(c)) {
                    number();
                    emit(TokenKind.NUMBER, start);
                } else if (isIdentifierStart(c) || c == '.' || c == '$') {
                    word(start);
                } else {
                    pos++;
                    emit("[](){}:+-*".indexOf(c) >= 0 ? TokenKind.PUNCTUATION : TokenKind.OPERATOR, start);
                }
            }
        }

        private void word(int start) {
            pos++;
            while (pos < end && (isIdentifierPart(source.charAt(pos)) || ".$@".indexOf(source.charAt(pos)) >= 0)) {
                pos++;
            }
            if (peek(0) == ':') {
                pos++;
                emit(TokenKind.FUNCTION, start);
                return;
            }
            if (source.charAt(start) == '.') {
                emit(TokenKind.META, start);
            } else if (mnemonic) {
                emit(TokenKind.KEYWORD, start);
            } else if (isRegister(source.substring(start, pos).toLowerCase(Locale.ROOT))) {
                emit(TokenKind.VARIABLE, start);
            }
            mnemonic = false;
        }

        /** The named registers, and numbered ones: x86's r8d or xmm0, ARM's x0, w1 or v2, RISC-V's a0, t1 or s2. */
        private static boolean isRegister(String word) {
            if (REGISTERS.contains(word)) {
                return true;
            }
            String base = word;
            int last = base.length() - 1;
            if (base.startsWith("r") && last >= 2 && "dwb".indexOf(base.charAt(last)) >= 0 && isDigit(base.charAt(last - 1))) {
                base = base.substring(0, last);
            }
            int digits = base.length();
            while (digits > 0 && isDigit(base.charAt(digits - 1))) {
                digits--;
            }
            if (digits == base.length() || digits == 0) {
                return false;
            }
            String prefix = base.substring(0, digits);
            return switch (prefix) {
                case "r", "x", "w", "v", "q", "d", "s", "h", "b", "a", "t", "f", "xmm", "ymm", "zmm", "st", "k" -> true;
                default -> false;
            };
        }
    }
}
