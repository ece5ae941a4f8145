package dev.galley.local;

import java.io.PrintStream;
import java.util.Arrays;

/** The local command line: {@code build} a folder of static files, or run the live {@code preview}. */
public final class Main {

    private static final String USAGE = """
            usage: java -jar galley-local.jar build [CONTENT_DIR] [--out SITE_DIR]
                     Builds CONTENT_DIR (default: content) into SITE_DIR (default: site).
                     Exits with status 1 if any file could not be published.
                   java -jar galley-local.jar preview [CONTENT_DIR] [--port 8080]
                     Runs the Lambda handler on an embedded S3 server and serves the site on localhost,
                     following edits in CONTENT_DIR (default: content). Ctrl-C stops it.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "build" -> BuildCommand.parse(rest).run(out, err);
                case "preview" -> {
                    PreviewCommand preview = PreviewCommand.parse(rest);
                    yield PreviewJvm.isChosen() ? preview.run(out, err) : PreviewJvm.runInChild(args);
                }
                default -> {
                    err.println("unknown command \"" + args[0] + "\"");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }
}
