package dev.galley.local;

import dev.galley.aws.S3SiteStore;
import dev.galley.aws.s3.S3Http;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.LambdaStyleDelivery;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.S3Clients;
import dev.galley.lambda.S3Notification;
import dev.galley.publish.DraftLinks;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.tree.TreeReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The local preview: an embedded S3 server with a content and a site bucket, the content folder uploaded as an
 * author would, the Lambda handler run for every notification, and the site bucket served like CloudFront.
 * Edits in the content folder are uploaded (or deleted) as they happen.
 */
final class PreviewCommand {

    static final String CONTENT_BUCKET = "galley-content";
    static final String SITE_BUCKET = "galley-site";
    private static final String REGION = "us-east-1";
    /** Uploads in flight at start: S3Proxy on loopback handles a few at once on two cores. */
    private static final int UPLOAD_THREADS = 4;
    /** Beside the S3 server's state: the local build served while the start runs, deleted when it is over. */
    private static final String FIRST_RENDER_FOLDER = "preview-first-render";

    private final Path content;
    private final Path state;
    private final int port;

    PreviewCommand(Path content, Path state, int port) {
        this.content = content.toAbsolutePath().normalize();
        this.state = state.toAbsolutePath().normalize();
        this.port = port;
    }

    static PreviewCommand parse(String[] args) {
        Path content = Path.of("content");
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--port needs a number");
                }
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else {
                content = Path.of(args[i]);
            }
        }
        return new PreviewCommand(content, Path.of(".galley", "preview-s3"), port);
    }

    /** Starts everything and returns the running preview; {@link Running#close()} stops it. */
    Running start(PrintStream out) throws IOException {
        return start(out, Clock.systemUTC());
    }

    /** @param clock what "now" is for publish times and expiries */
    Running start(PrintStream out, Clock clock) throws IOException {
        if (!Files.isDirectory(content)) {
            throw new IllegalArgumentException("no content folder at " + content);
        }
        Files.createDirectories(state);
        return new Running(out, clock);
    }

    int run(PrintStream out, PrintStream err) {
        PreviewJvm.endWithParent();
        try {
            Running preview = start(out);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("\nstopping the preview");
                preview.close();
                stopped.countDown();
            }, "galley-preview-stop"));
            stopped.await();
            return 0;
        } catch (IOException e) {
            err.println("the preview could not start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    final class Running implements AutoCloseable {
        final SiteServer site;
        // Set by the start, in this order, before the constructor returns.
        EmbeddedS3 s3Server;
        /** The author's side: the folder's sync and the site server, with the SDK's client. */
        S3Client s3;
        /** The handler's and the re-render's stores, with the function's own client. */
        S3Http function;
        ContentWatcher watcher;
        private ContentFolderSync folderSync;
        /** Held articles go live, and expiring ones go down, at their time, as on AWS. */
        private TimerWakeUps wakeUps;
        private volatile PublishHandler handler;
        // Set once the handler exists; the S3 server needs its notification sink before that.
        private volatile LambdaStyleDelivery delivery;
        /** One key for the first render, the handler and its re-render: a draft has one link. */
        private final DraftLinks drafts = LocalDraftKey.links(state.resolveSibling(LocalDraftKey.DEFAULT.getFileName()));

        private Running(PrintStream out, Clock clock) throws IOException {
            site = new SiteServer(port);
            try {
                startWithSiteServed(out, clock);
            } catch (IOException | RuntimeException e) {
                site.close();  // its threads would keep a preview that could not start alive
                if (s3Server != null) {
                    s3Server.close();
                }
                throw e;
            }
        }

        private void startWithSiteServed(PrintStream out, Clock clock) throws IOException {
            // The S3 server starts while the folder is rendered: each is about a second, and they share two cores.
            CompletableFuture<EmbeddedS3> starting = CompletableFuture.supplyAsync(() -> EmbeddedS3.builder().filesystem(state)
                    .region(REGION).notifications(json -> delivery.accept(json)).build().start());
            Optional<FirstRender> firstRender = renderFolder(out, clock);
            out.println();
            out.println("Galley preview of " + content);
            out.println("  site:         " + site.url());
            s3Server = starting.join();
            s3Server.createBucket(CONTENT_BUCKET);
            s3Server.createBucket(SITE_BUCKET);
            FunctionConfig config = new FunctionConfig(REGION, CONTENT_BUCKET, "", SITE_BUCKET, Optional.of(s3Server.endpoint()));
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(s3Server.accessKey(), s3Server.secretKey()));
            s3 = S3Client.builder().region(Region.of(REGION)).endpointOverride(s3Server.endpoint()).forcePathStyle(true)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            function = S3Clients.create(config, credentials);
            site.serveBucket(s3, SITE_BUCKET);
            // Wake-ups join the notifications' one line, as on AWS they join the publish queue.
            wakeUps = new TimerWakeUps(clock, Duration.ofSeconds(1), Duration.ofSeconds(10), event -> delivery.accept(event));
            handler = new PublishHandler(config, function, null, clock, wakeUps, drafts);
            folderSync = new ContentFolderSync(content, s3, CONTENT_BUCKET);
            delivery = LambdaStyleDelivery.builder(json -> {
                pullIntoFolder(json, out);
                handle(handler, json);
                site.reloadTabs();
            }).threads(1).build();  // one writer, as the FIFO queue's one message group makes it on AWS

            mirrorContentFolder(out);
            // Notifications start only now: one re-render publishes what the start uploaded, and also whatever an
            // earlier preview had not published when it was stopped. It is the handler's re-render, reading the
            // folder's bytes instead of fetching back what was just uploaded.
            s3Server.enableNotifications(CONTENT_BUCKET);
            rerender(out, clock);
            site.finishStarting();
            firstRender.ifPresent(FirstRender::close);
            watcher = new ContentWatcher(content, this::uploadChanges);
            out.println("  S3 endpoint:  " + s3Server.endpoint() + " (region " + REGION + ")");
            out.println("  credentials:  AWS_ACCESS_KEY_ID=" + s3Server.accessKey() + " AWS_SECRET_ACCESS_KEY=" + s3Server.secretKey());
            out.println("  buckets:      content s3://" + CONTENT_BUCKET + "  site s3://" + SITE_BUCKET);
            out.println("  try:          AWS_ACCESS_KEY_ID=" + s3Server.accessKey() + " AWS_SECRET_ACCESS_KEY=" + s3Server.secretKey()
                    + " aws --endpoint-url " + s3Server.endpoint() + " s3 cp draft.md s3://" + CONTENT_BUCKET + "/");
            out.println("Edit files in " + content + " and the open tab reloads. Ctrl-C stops.");
        }

        /**
         * Renders the folder with the local build and serves it until the site bucket holds the same pages. A
         * failure here only costs the early pages: the start goes on, and its own re-render reports the problem.
         */
        private Optional<FirstRender> renderFolder(PrintStream out, Clock clock) {
            long started = System.nanoTime();
            try {
                FirstRender render = FirstRender.of(content, state.resolveSibling(FIRST_RENDER_FOLDER), clock, drafts);
                site.serveDuringStart(render);
                out.printf("rendered %d articles of %s in %d ms; serving them while the buckets fill%n", render.report().published(),
                        content, (System.nanoTime() - started) / 1_000_000);
                return Optional.of(render);
            } catch (RuntimeException e) {
                out.println("could not render " + content + " ahead of the buckets (" + e + "); the site shows once they are filled");
                return Optional.empty();
            }
        }

        /** Waits until every notification so far has been handled; true when all were. */
        boolean awaitPublishing() {
            try {
                return delivery.awaitQuiescence(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /**
         * Makes the folder and the content bucket hold the same files, deleting nothing: objects only the bucket
         * holds (uploaded with an S3 tool) are written into the folder, and the folder's files are uploaded where
         * the bucket holds other bytes or none.
         */
        private void mirrorContentFolder(PrintStream out) {
            long started = System.nanoTime();
            ContentFolderSync.Converged converged = folderSync.converge(UPLOAD_THREADS);
            List<String> pulled = converged.pulled();
            if (!pulled.isEmpty()) {
                out.println("wrote " + pulled.size() + " files that only the content bucket held into " + content + ": "
                        + String.join(", ", pulled.subList(0, Math.min(5, pulled.size()))) + (pulled.size() > 5 ? ", ..." : ""));
            }
            out.printf("uploaded %d files of %s to s3://%s in %d ms%n", converged.uploaded(), content, CONTENT_BUCKET,
                    (System.nanoTime() - started) / 1_000_000);
        }

        /** Held and expiring articles of the folder get their wake-ups here, as from the handler's re-render. */
        private void rerender(PrintStream out, Clock clock) {
            long started = System.nanoTime();
            FolderBackedContentStore folder = new FolderBackedContentStore(content, function, CONTENT_BUCKET);
            Publisher publisher = new Publisher(folder, new S3SiteStore(function, SITE_BUCKET), clock, wakeUps, drafts);
            Rebuild.Report report = publisher.rebuild();
            // The preview's own address, not baseUrl's: the link a reviewer can open now.
            folder.draftLinks().forEach((key, url) -> out.println("draft     " + key + " -> "
                    + site.url().resolve(BuildCommand.pathInFolder(url)) + " (" + TaggedStatus.SHARE + ")"));
            report.warnings().forEach(warning -> out.println("warning   " + warning.message()));
            report.rejected().forEach(e -> out.println("error     " + e.getMessage()));
            out.printf("%d published, %d drafts, %d failed, %d warnings, in %d ms%n", report.published(), report.drafts(),
                    report.rejected().size(), report.warnings().size(), (System.nanoTime() - started) / 1_000_000);
        }

        /** One failed upload (an S3 hiccup, a file locked by an editor) is reported and never stops the watcher. */
        private void uploadChanges(Set<String> keys) {
            for (String key : keys) {
                try {
                    folderSync.push(key);
                } catch (RuntimeException e) {
                    System.err.println("could not upload " + key + ": " + e.getMessage() + "; save it again to retry");
                }
            }
        }

        /** Writes into the folder what an S3 client changed in the bucket. Never stops the handler from running. */
        private void pullIntoFolder(String json, PrintStream out) {
            try {
                for (S3Notification record : S3Notification.fromEvent(TreeReader.readJson(json))) {
                    if (record.isObjectChange()) {
                        folderSync.pull(record.key());
                    }
                }
            } catch (IOException | RuntimeException e) {
                out.println("could not copy a change of the content bucket into " + content + ": " + e);
            }
        }

        private static void handle(PublishHandler handler, String json) {
            try {
                handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                watcher.close();
            } catch (IOException | RuntimeException ignored) {
                // stopping anyway
            }
            wakeUps.close();
            site.close();
            delivery.close();
            s3.close();
            s3Server.close();
        }
    }
}
