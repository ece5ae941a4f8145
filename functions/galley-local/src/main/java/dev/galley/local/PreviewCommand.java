package dev.galley.local;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.LambdaStyleDelivery;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.S3Clients;
import dev.galley.site.SiteConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
        if (!Files.isDirectory(content)) {
            throw new IllegalArgumentException("no content folder at " + content);
        }
        Files.createDirectories(state);
        return new Running(out);
    }

    int run(PrintStream out, PrintStream err) {
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
        final EmbeddedS3 s3Server;
        final S3Client s3;
        final SiteServer site;
        final ContentWatcher watcher;
        // Set once the handler exists; the S3 server needs its notification sink before that.
        private volatile LambdaStyleDelivery delivery;

        private Running(PrintStream out) throws IOException {
            s3Server = EmbeddedS3.builder().filesystem(state).region(REGION)
                    .notifications(json -> delivery.accept(json)).build().start();
            s3Server.createBucket(CONTENT_BUCKET);
            s3Server.createBucket(SITE_BUCKET);
            s3Server.enableNotifications(CONTENT_BUCKET);
            FunctionConfig config = new FunctionConfig(REGION, CONTENT_BUCKET, "", SITE_BUCKET, Optional.of(s3Server.endpoint()));
            s3 = S3Clients.create(config, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3Server.accessKey(), s3Server.secretKey())));
            site = new SiteServer(s3, SITE_BUCKET, port);
            PublishHandler handler = new PublishHandler(config, s3);
            delivery = LambdaStyleDelivery.builder(json -> {
                handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
                site.reloadTabs();
            }).threads(2).build();

            mirrorContentFolder();
            awaitPublishing();
            watcher = new ContentWatcher(content, this::uploadChanges);

            out.println();
            out.println("Galley preview of " + content);
            out.println("  site:         " + site.url());
            out.println("  S3 endpoint:  " + s3Server.endpoint() + " (region " + REGION + ")");
            out.println("  credentials:  AWS_ACCESS_KEY_ID=" + s3Server.accessKey() + " AWS_SECRET_ACCESS_KEY=" + s3Server.secretKey());
            out.println("  buckets:      content s3://" + CONTENT_BUCKET + "  site s3://" + SITE_BUCKET);
            out.println("  try:          AWS_ACCESS_KEY_ID=" + s3Server.accessKey() + " AWS_SECRET_ACCESS_KEY=" + s3Server.secretKey()
                    + " aws --endpoint-url " + s3Server.endpoint() + " s3 cp draft.md s3://" + CONTENT_BUCKET + "/");
            out.println("Edit files in " + content + " and the open tab reloads. Ctrl-C stops.");
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
         * Makes the content bucket hold exactly the folder's files. site.yaml goes first, and its rebuild is
         * awaited before the articles go up, so that no article publish races the site-wide rebuild.
         */
        private void mirrorContentFolder() {
            FileSystemContentStore folder = new FileSystemContentStore(content);
            Set<String> local = new HashSet<>(folder.list());
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(CONTENT_BUCKET)).contents()) {
                if (!local.contains(object.key())) {
                    s3.deleteObject(r -> r.bucket(CONTENT_BUCKET).key(object.key()));
                }
            }
            if (local.remove(SiteConfig.FILE_NAME)) {
                upload(SiteConfig.FILE_NAME);
                awaitPublishing();
            }
            local.stream().sorted().forEach(this::upload);
        }

        private void uploadChanges(Set<String> keys) {
            keys.forEach(this::upload);
        }

        private void upload(String key) {
            Path file = content.resolve(key);
            if (Files.isRegularFile(file)) {
                s3.putObject(r -> r.bucket(CONTENT_BUCKET).key(key).contentType(key.endsWith(".md") ? "text/markdown; charset=utf-8" : null),
                        RequestBody.fromFile(file));
            } else {
                s3.deleteObject(r -> r.bucket(CONTENT_BUCKET).key(key));
            }
        }

        @Override
        public void close() {
            try {
                watcher.close();
            } catch (IOException | RuntimeException ignored) {
                // stopping anyway
            }
            site.close();
            delivery.close();
            s3.close();
            s3Server.close();
        }
    }
}
