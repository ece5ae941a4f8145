package dev.galley.local;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The local command line: {@code build} a folder of static files, run the live {@code preview}, and the author's
 * {@code publish} and {@code status} against a content bucket.
 */
public final class Main {

    private static final String USAGE = """
            usage: galley build [CONTENT_DIR] [--out SITE_DIR]
                     Builds CONTENT_DIR (default: content) into SITE_DIR (default: site).
                     Exits with status 1 if any file could not be published.
                   galley preview [CONTENT_DIR] [--port 8080]
                     Runs the Lambda handler on an embedded S3 server and serves the site on localhost,
                     following edits in CONTENT_DIR (default: content). Ctrl-C stops it.
                   galley publish FILE... [--bucket NAME | --stack NAME] [--prefix P] [--root DIR]
                                  [--endpoint URL] [--region R] [--wait 60s]
                     Uploads each FILE to the content bucket (key: its path under DIR, default content, or its name),
                     waits for the publish function and prints each file's URL or why it is not on the site.
                     AWS credentials and region as the AWS CLI finds them; --endpoint for the preview's S3.
                     Exits with status 0 only if every file was published, 2 for a problem with the command.
                   galley status [PREFIX] [--bucket NAME | --stack NAME] [--prefix P] [--endpoint URL]
                     Lists every file in the content bucket under PREFIX with its status, reason and URL.
            galley is the launcher at the repository's root; java -jar galley-local.jar takes the same commands.
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
                case "publish" -> PublishCommand.parse(rest).run(out, err, System.getenv(), DefaultCredentialsProvider.builder().build(),
                        System.console() != null);
                case "status" -> StatusCommand.parse(rest).run(out, err, System.getenv(), DefaultCredentialsProvider.builder().build());
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
