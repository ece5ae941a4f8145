package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.BuildOutput.Problem;
import dev.galley.benchmarks.migration.CorpusResult.Leak;
import dev.galley.benchmarks.migration.PageScan.Visible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The corpus report: a summary table with one row per corpus, then each corpus's details. */
final class ReportWriter {

    private static final int EXAMPLES = 3;

    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    private ReportWriter(boolean markdown) {
        this.markdown = markdown;
    }

    static String write(List<CorpusResult> results, boolean markdown) {
        ReportWriter writer = new ReportWriter(markdown);
        writer.summary(results);
        results.forEach(writer::details);
        return writer.out.toString();
    }

    private void summary(List<CorpusResult> results) {
        Table table = new Table("corpus", "source", "posts", "published", "drafts", "rejected", "no message", "warnings",
                "pages with raw HTML as text", "pages with template tags as text", "code blocks highlighted",
                "local images resolve", "uploaded but broken");
        for (CorpusResult r : results) {
            table.row(r.name, r.repository.isEmpty() ? "?" : r.repository + " @ " + shortCommit(r.commit), r.posts,
                    r.published + " (" + percent(r.published, r.posts) + ")", r.drafts, r.rejectedPosts.size(), r.postsUnmentioned.size(), r.warnings.size(),
                    r.rawHtml.size(), r.templateTags.size(),
                    r.highlighted() + " / " + r.blocks() + " (" + r.fences() + " in sources)",
                    r.imagesResolved + " / " + r.imagesReferenced, r.imagesBroken.size());
        }
        heading(2, "Summary");
        table(table);
        paragraph("posts: Markdown files; published: pages built from them unedited; no message: posts the build "
                + "neither published nor refused; raw HTML and template tags: "
                + "published pages showing them as text outside code; code blocks highlighted: blocks with token spans / "
                + "blocks on the pages (fences in all the sources); local images: images on the pages that are not on "
                + "another site, and how many exist in the built site; uploaded but broken: the image is in the corpus, "
                + "the page's link misses it.");
    }

    private void details(CorpusResult r) {
        heading(2, r.name + (r.repository.isEmpty() ? "" : " (" + r.repository + " @ " + shortCommit(r.commit) + ")"));
        if (!r.failure.isEmpty()) {
            paragraph("The build failed as a whole: " + r.failure + ".");
        }
        problems("Posts rejected, by reason", r.rejectedPosts);
        problems("Other files rejected, by reason", r.rejectedOther);
        list("Posts neither published nor refused, with no message (" + r.postsUnmentioned.size() + ")", r.postsUnmentioned);
        list("Other files neither published nor refused, with no message (" + r.unmentioned.size() + ")", r.unmentioned);
        problems("Warnings, by kind", r.warnings);
        leaks("Raw HTML shown as text", r.rawHtml);
        leaks("Template tags shown as text", r.templateTags);
        languages(r);
        images(r);
        list("Sources and pages that could not be read", r.unreadable);
        list("Other build output", r.unexpectedOutput);
    }

    private void problems(String title, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Map<String, List<Problem>> byKind = groupBy(problems, Problem::kind);
        Table table = new Table("reason", "files", "for example");
        byKind.forEach((kind, group) -> table.row(code(kind), group.size(),
                code(group.get(0).file() + ": " + group.get(0).reason())));
        heading(3, title + " (" + problems.size() + ")");
        table(table);
    }

    private void leaks(String title, List<Leak> leaks) {
        if (leaks.isEmpty()) {
            return;
        }
        Map<String, Set<String>> pagesByToken = new LinkedHashMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        for (Leak leak : leaks) {
            for (Visible visible : leak.found()) {
                pagesByToken.computeIfAbsent(visible.token(), token -> new LinkedHashSet<>()).add(leak.file());
                example.putIfAbsent(visible.token(), leak.file() + ": " + visible.snippet());
            }
        }
        Table table = new Table("shown", "pages", "for example");
        pagesByToken.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(entry -> table.row(code(entry.getKey()), entry.getValue().size(), code(example.get(entry.getKey()))));
        heading(3, title + " (" + leaks.size() + " pages)");
        table(table);
    }

    private void languages(CorpusResult r) {
        if (r.languages.isEmpty()) {
            return;
        }
        Table table = new Table("language", "fences in sources", "blocks on pages", "highlighted");
        r.languages.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().fences + b.getValue().blocks, a.getValue().fences + a.getValue().blocks))
                .forEach(entry -> table.row(code(entry.getKey()), entry.getValue().fences, entry.getValue().blocks,
                        entry.getValue().highlighted));
        heading(3, "Code blocks, by language (" + CorpusRun.NO_LANGUAGE + ": a fence that names none, or indented code)");
        table(table);
    }

    private void images(CorpusResult r) {
        if (r.imagesReferenced == 0) {
            return;
        }
        heading(3, "Local images");
        paragraph(r.imagesReferenced + " on the published pages; " + r.imagesUploaded + " of them are in the corpus; "
                + r.imagesResolved + " resolve to a file in the built site; " + r.imagesBroken.size()
                + " are in the corpus but the page misses them; " + r.imagesMissing.size() + " are in neither.");
        list("Uploaded but broken, for example", r.imagesBroken);
        list("Not in the corpus, for example", r.imagesMissing);
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(markdown ? "\n" + title + ":\n\n" : "\n  " + title + ":\n");
        items.stream().limit(EXAMPLES).forEach(item -> out.append(markdown ? "- " + code(item) + "\n" : "    " + item + "\n"));
        if (items.size() > EXAMPLES) {
            out.append(markdown ? "- and " : "    and ").append(items.size() - EXAMPLES).append(" more\n");
        }
    }

    private void heading(int level, String title) {
        out.append(markdown ? "\n" + "#".repeat(level + 1) + " " + title + "\n\n" : "\n" + (level == 2 ? "" : "  ") + title + "\n");
    }

    private void paragraph(String text) {
        out.append(markdown ? text + "\n" : "  " + text + "\n");
    }

    private void table(Table table) {
        if (markdown) {
            out.append(table.markdown()).append('\n');
        } else {
            table.text().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
    }

    /** Page text and reasons as Markdown code spans, so a quoted {@code <details>} is shown, not rendered. */
    private String code(String text) {
        if (!markdown || text.isEmpty()) {
            return text;
        }
        String fence = "`";
        while (text.contains(fence)) {
            fence += "`";
        }
        String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + padding + text + padding + fence;
    }

    private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        Map<String, List<T>> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
