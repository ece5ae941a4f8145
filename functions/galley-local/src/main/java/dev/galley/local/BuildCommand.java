package dev.galley.local;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleWarning;
import dev.galley.publish.PublishSchedule;
import dev.galley.publish.PublishStatus;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.publish.WarmUp;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Builds a content folder into a folder of static files, through the same pipeline the Lambda runs. */
record BuildCommand(Path content, Path out) {

    static BuildCommand parse(String[] args) {
        Path content = Path.of("content");
        Path out = Path.of("site");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--out needs a folder");
                }
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else {
                content = Path.of(args[i]);
            }
        }
        return new BuildCommand(content, out);
    }

    /**
     * Where a page is in the built folder: the status gives its address under {@code site.yaml}'s {@code baseUrl},
     * and a folder is served from its root, wherever it ends up.
     */
    static String pathInFolder(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    int run(PrintStream out, PrintStream err) {
        if (!Files.isDirectory(content)) {
            err.println("no content folder at " + content.toAbsolutePath());
            return 2;
        }
        long started = System.nanoTime();
        WarmUp.start();
        FileSystemContentStore source = new FileSystemContentStore(content);
        Publisher publisher = new Publisher(source, new FileSystemSiteStore(this.out), Clock.systemUTC(), PublishSchedule.NONE,
                LocalDraftKey.links(LocalDraftKey.DEFAULT));
        Rebuild.Report report = publisher.rebuild();
        source.statuses().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(status -> {
            if (status.getValue().state() == PublishStatus.State.DRAFT) {
                out.println("draft     " + status.getKey() + (status.getValue().url().isEmpty() ? " (not published)"
                        : " -> " + pathInFolder(status.getValue().url()) + " (" + TaggedStatus.SHARE + ")"));
            } else if (!status.getValue().url().isEmpty()) {
                out.println("built     " + status.getKey() + " -> " + pathInFolder(status.getValue().url()));
            } else if (status.getValue().state() == PublishStatus.State.SCHEDULED) {
                out.println("held      " + status.getKey() + " (not published: " + status.getValue().reason() + "; build again then)");
            } else if (status.getValue().state() == PublishStatus.State.EXPIRED) {
                out.println("expired   " + status.getKey() + " (not published: " + status.getValue().reason() + ")");
            }
        });
        for (ArticleWarning warning : report.warnings()) {
            err.println("warning   " + warning.message());
        }
        for (ArticleException e : report.rejected()) {
            err.println("error     " + e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf("%d published, %d drafts, %d failed, %d warnings, %d stale pages removed, in %d ms -> %s%n",
                report.published(), report.drafts(), report.rejected().size(), report.warnings().size(), report.pagesRemoved(),
                millis, this.out.toAbsolutePath());
        if (report.scheduled() + report.expired() > 0) {
            // A build is one moment: what its publish time or expiry reaches later, the next build shows.
            out.printf("%d held until their publish time, %d past their expiry: not published%n", report.scheduled(), report.expired());
        }
        if (report.brokenLinks() > 0) {
            out.printf("%d links lead to no page or image of the site: %s%n", report.brokenLinks(),
                    this.out.resolve("_galley/links.json").toAbsolutePath());
        }
        return report.rejected().isEmpty() ? 0 : 1;
    }
}
