package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.BuildOutput.Problem;
import dev.galley.benchmarks.migration.PageScan.CodeBlock;
import dev.galley.benchmarks.migration.PageScan.Findings;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds one corpus with the real {@code galley-local build}, in a child process as an author would run it,
 * and reads what came out: the build's lines, every published post's page, and the images those pages show.
 */
final class CorpusRun {

    private static final Set<String> POST_EXTENSIONS = Set.of("md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdx");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    static final String NO_LANGUAGE = "(none)";

    private final List<String> command;
    private final Duration timeout;

    /** {@code command}: how to start the build, before its {@code build CONTENT --out SITE} arguments. */
    CorpusRun(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    CorpusResult run(Path corpus, Path site) throws IOException, InterruptedException {
        CorpusResult result = new CorpusResult(corpus.getFileName().toString());
        readStamp(corpus, result);
        Set<String> files = filesOf(corpus);
        List<String> posts = files.stream().filter(CorpusRun::isPost).toList();
        result.posts = posts.size();
        for (String post : posts) {
            try {
                String markdown = new String(Files.readAllBytes(corpus.resolve(post)), StandardCharsets.UTF_8);
                FenceLanguages.of(markdown).forEach(language -> result.language(orNone(language)).fences++);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                result.unreadable.add(post + ": " + e);
            }
        }

        BuildOutput output = BuildOutput.parse(build(corpus, site, result), files);
        result.unexpectedOutput.addAll(output.other());
        result.warnings.addAll(output.warnings());
        for (Problem error : output.errors()) {
            (isPost(error.file()) ? result.rejectedPosts : result.rejectedOther).add(error);
        }
        result.drafts = (int) output.drafts().stream().filter(CorpusRun::isPost).count();
        for (String file : files) {
            if (!output.built().containsKey(file) && !output.drafts().contains(file)
                    && output.errors().stream().noneMatch(error -> error.file().equals(file))) {
                (isPost(file) ? result.postsUnmentioned : result.unmentioned).add(file);
            }
        }
        for (Map.Entry<String, String> page : output.built().entrySet()) {
            if (isPost(page.getKey())) {
                result.published++;
                scanPage(page.getKey(), page.getValue(), corpus, site, result);
            }
        }
        return result;
    }

    static boolean isPost(String key) {
        int dot = key.lastIndexOf('.');
        return dot > key.lastIndexOf('/') && POST_EXTENSIONS.contains(key.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private List<String> build(Path corpus, Path site, CorpusResult result) throws IOException, InterruptedException {
        Path log = Files.createTempFile("galley-corpus-build", ".log");
        try {
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of("build", corpus.toString(), "--out", site.toString()));
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                result.failure = "the build took longer than " + timeout.toMinutes() + " minutes and was stopped";
            } else if (process.exitValue() > 1) {
                result.failure = "the build exited with status " + process.exitValue();
            }
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void scanPage(String post, String url, Path corpus, Path site, CorpusResult result) {
        Path page = site.resolve(url.replaceFirst("^/", "")).normalize();
        if (url.endsWith("/")) {
            page = page.resolve("index.html");
        }
        Findings findings;
        try {
            findings = PageScan.scan(Files.readString(page, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            result.unreadable.add(url + " (from " + post + "): " + e);
            return;
        }
        result.pagesScanned++;
        if (!findings.rawHtml().isEmpty()) {
            result.rawHtml.add(new CorpusResult.Leak(post, findings.rawHtml()));
        }
        if (!findings.templateTags().isEmpty()) {
            result.templateTags.add(new CorpusResult.Leak(post, findings.templateTags()));
        }
        for (CodeBlock block : findings.codeBlocks()) {
            CorpusResult.Language language = result.language(orNone(block.language()));
            language.blocks++;
            if (block.highlighted()) {
                language.highlighted++;
            }
        }
        for (String src : findings.images()) {
            checkImage(post, src, page.getParent(), corpus, site, result);
        }
    }

    /** A local image: does its file exist in the built site, and was it in the corpus (uploaded) at all? */
    private static void checkImage(String post, String src, Path pageFolder, Path corpus, Path site, CorpusResult result) {
        if (src.isBlank() || src.startsWith("//") || URL_SCHEME.matcher(src).find()) {
            return;
        }
        result.imagesReferenced++;
        String path = URLDecoder.decode(src.replaceAll("[?#].*$", "").replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = (path.startsWith("/") ? site.resolve(path.substring(1)) : pageFolder.resolve(path)).normalize();
        String sitePath = file.startsWith(site) ? site.relativize(file).toString().replace('\\', '/') : "";
        String sourcePath = sitePath.startsWith("media/") ? sitePath.substring("media/".length()) : sitePath;
        boolean uploaded = !sourcePath.isEmpty() && Files.isRegularFile(corpus.resolve(sourcePath));
        boolean resolves = !sitePath.isEmpty() && Files.isRegularFile(file);
        if (uploaded) {
            result.imagesUploaded++;
        }
        if (resolves) {
            result.imagesResolved++;
        } else if (uploaded) {
            result.imagesBroken.add(post + ": " + src);
        } else {
            result.imagesMissing.add(post + ": " + src);
        }
    }

    private static Set<String> filesOf(Path corpus) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.add(corpus.relativize(file).toString().replace('\\', '/')));
        }
        files.remove("site.yaml");
        return files;
    }

    /** fetch-corpus.sh leaves the manifest line it made the corpus from in ../.stamps/NAME. */
    private static void readStamp(Path corpus, CorpusResult result) throws IOException {
        Path stamp = corpus.resolveSibling(".stamps").resolve(result.name);
        if (Files.isRegularFile(stamp)) {
            String[] fields = Files.readString(stamp, StandardCharsets.UTF_8).strip().split("\t");
            result.repository = fields[0];
            result.commit = fields.length > 1 ? fields[1] : "";
        }
    }

    private static String orNone(String language) {
        return language.isEmpty() ? NO_LANGUAGE : language;
    }
}
