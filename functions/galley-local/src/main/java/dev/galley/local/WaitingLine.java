package dev.galley.local;

import java.io.PrintStream;

/**
 * Shows that {@code publish} is waiting for the function: a spinner that rewrites its own line on a terminal, one
 * line and nothing more where the output is a file or a pipe. Every other line is printed through it, so the
 * spinner never mixes with them.
 */
final class WaitingLine {

    private static final String SPINNER = "|/-\\";

    private final PrintStream out;
    private final boolean terminal;
    private int ticks;
    private boolean shown;

    WaitingLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void start(int files, String limit) {
        if (!terminal) {
            out.println("waiting for the status of " + files + (files == 1 ? " file" : " files") + " (at most " + limit + ")");
        }
    }

    void tick(int waiting, long secondsLeft) {
        if (terminal) {
            out.print("\r" + SPINNER.charAt(ticks++ % SPINNER.length()) + " waiting for " + waiting + (waiting == 1 ? " file" : " files")
                    + " (" + secondsLeft + " s left)\033[K");
            out.flush();
            shown = true;
        }
    }

    void println(String line) {
        clear();
        out.println(line);
    }

    void clear() {
        if (shown) {
            out.print("\r\033[K");
            shown = false;
        }
    }
}
