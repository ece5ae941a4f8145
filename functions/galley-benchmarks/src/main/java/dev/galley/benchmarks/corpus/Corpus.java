package dev.galley.benchmarks.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Technical articles generated from a seed, about 7.3 KB each by default: YAML front matter (title, date, tags, summary,
 * slug), headings, paragraphs with inline code, links and emphasis, fenced code in several languages (some with
 * a file name), GFM tables, bullet and numbered lists. Article {@code i} depends only on the seed and {@code i}
 * ({@link Random} is specified to give the same sequence on every JVM), so the first 1,000 articles of a
 * 10,000-article corpus are the 1,000-article corpus.
 */
public final class Corpus {

    /** The article size the side-by-side corpus aims at, front matter included. */
    public static final int ARTICLE_BYTES = 7_300;

    private static final String[] WORDS = ("latency throughput cache schema index query lock replica shard partition "
            + "deploy rollback release pipeline build artifact container cluster node pod service endpoint request "
            + "response header payload buffer stream thread scheduler queue worker batch retry timeout backoff "
            + "budget metric trace span log alert dashboard incident review migration column table constraint "
            + "transaction isolation snapshot compaction checkpoint allocator heap stack pointer borrow lifetime "
            + "trait interface module package dependency version semver changelog branch commit merge rebase "
            + "review test fixture assertion coverage benchmark profile flame graph regression feature flag "
            + "canary rollout traffic gateway proxy certificate token session cookie origin header cache-control "
            + "compiler parser lexer token grammar runtime garbage collector pause tail percentile capacity "
            + "the a an of to in for with on at by from that this it is was are be as we you they our your "
            + "when while because after before until then so but and or not only also every each most some "
            + "fast slow small large simple careful explicit implicit stable fragile cheap expensive safe").split(" ");
    private static final String[] TOPICS = ("PostgreSQL Kubernetes Rust Go TypeScript Java Python Linux Git CSS "
            + "Terraform Kafka Redis gRPC GraphQL WebAssembly Nginx SQLite Prometheus OpenTelemetry").split(" ");
    private static final String[] TITLE_VERBS = {"Scaling", "Debugging", "Testing", "Migrating", "Profiling",
            "Securing", "Shipping", "Observing", "Caching", "Refactoring", "Designing", "Operating"};
    private static final String[] TITLE_TAILS = {"without downtime", "in production", "on a budget",
            "the boring way", "at scale", "for small teams", "with confidence", "step by step", "the hard parts",
            "after the first year"};
    private static final String[] TAGS = {"PostgreSQL", "DevOps", "Architecture", "Rust", "Go", "Kubernetes",
            "Observability", "Testing", "Security", "Performance", "Frontend", "CSS", "TypeScript", "Java",
            "Python", "Databases", "Networking", "Linux", "CI", "Cloud", "Serverless", "Distributed Systems",
            "Career", "Writing", "Tooling", "Git", "Caching", "APIs", "Concurrency", "Release Engineering"};
    private static final String[][] LANGUAGES = {
            {"go", "main.go"}, {"rust", "lib.rs"}, {"python", "job.py"}, {"sql", "migration.sql"},
            {"java", "Handler.java"}, {"typescript", "client.ts"}, {"bash", "deploy.sh"}, {"yaml", "service.yaml"}};
    private static final LocalDate FIRST_DATE = LocalDate.of(2015, 1, 1);
    private static final int DATE_RANGE_DAYS = 11 * 365;

    private final long seed;
    private final int targetBytes;
    private final boolean prose;

    public Corpus(long seed) {
        this(seed, ARTICLE_BYTES);
    }

    public Corpus(long seed, int targetBytes) {
        this(seed, targetBytes, false);
    }

    /** @param prose one code block an article instead of one a section or so: essays rather than tutorials */
    public Corpus(long seed, int targetBytes, boolean prose) {
        this.seed = seed;
        this.targetBytes = targetBytes;
        this.prose = prose;
    }

    /** The same articles with one code block each. */
    public Corpus prose() {
        return new Corpus(seed, targetBytes, true);
    }

    /** One generated article. */
    public record Article(String slug, String fileName, String text) {
    }

    public Article article(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String topic = pick(random, TOPICS);
        String title = pick(random, TITLE_VERBS) + " " + topic + " " + pick(random, TITLE_TAILS) + ": " + sentenceWords(random, 4);
        String base = slugOf(title);
        String slug = base.substring(0, Math.min(base.length(), 60)).replaceAll("-$", "") + "-" + index;
        Set<String> tags = new LinkedHashSet<>();
        int tagCount = 2 + random.nextInt(3);
        while (tags.size() < tagCount) {
            tags.add(pick(random, TAGS));
        }
        LocalDate date = FIRST_DATE.plusDays(random.nextInt(DATE_RANGE_DAYS));

        StringBuilder text = new StringBuilder(targetBytes + 2_000);
        text.append("---\n");
        text.append("title: \"").append(title).append("\"\n");
        text.append("date: ").append(date).append('\n');
        text.append("tags: [").append(String.join(", ", tags)).append("]\n");
        text.append("summary: |\n  ").append(sentence(random, 18)).append(' ').append(sentence(random, 22)).append('\n');
        text.append("slug: ").append(slug).append("\n---\n\n");
        text.append(paragraph(random, topic)).append("\n\n");
        text.append(paragraph(random, topic)).append("\n\n");

        int section = 0;
        while (text.length() < targetBytes - 900) {
            section++;
            text.append("## ").append(capitalized(sentenceWords(random, 3 + random.nextInt(4)))).append("\n\n");
            text.append(paragraph(random, topic)).append("\n\n");
            if (prose && section > 1) {
                text.append(section % 2 == 0 ? "" : "> " + sentence(random, 16) + "\n\n");
                list(random, text);
            } else {
                switch (section % 4) {
                    case 1 -> code(random, text, section);
                    case 2 -> table(random, text);
                    case 3 -> list(random, text);
                    default -> {
                        text.append("### ").append(capitalized(sentenceWords(random, 3))).append("\n\n");
                        code(random, text, section);
                    }
                }
            }
            text.append(paragraph(random, topic)).append("\n\n");
        }
        return new Article(slug, slug + ".md", text.toString());
    }

    private static void code(Random random, StringBuilder text, int section) {
        String[] language = pick(random, LANGUAGES);
        text.append("```").append(language[0]);
        if (section == 1) {
            text.append(" title=\"").append(language[1]).append('"');
        }
        text.append('\n');
        int lines = 6 + random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            text.append(codeLine(random, language[0], i)).append('\n');
        }
        text.append("```\n\n");
    }

    private static String codeLine(Random random, String language, int line) {
        String name = identifier(random);
        String other = identifier(random);
        int number = random.nextInt(1000);
        return switch (language) {
            case "go" -> "\t" + name + ", err := " + other + "(ctx, " + number + ")\n\tif err != nil { return fmt.Errorf(\"" + name + ": %w\", err) }";
            case "rust" -> "    let " + name + " = " + other + "(&buf[.." + number + "])?;";
            case "python" -> "    " + name + " = " + other + "(batch_size=" + number + ")  # retry on failure";
            case "sql" -> line == 0 ? "SET lock_timeout = '" + (1 + number % 5) + "s';"
                    : "UPDATE " + name + " SET " + other + " = now() WHERE id < " + number + " AND " + other + " IS NULL;";
            case "java" -> "        var " + name + " = " + other + ".apply(request, Duration.ofMillis(" + number + "));";
            case "typescript" -> "  const " + name + ": Result<" + capitalized(other) + "> = await " + other + "({ limit: " + number + " });";
            case "bash" -> "kubectl rollout status deploy/" + name.replace('_', '-') + " --timeout=" + number + "s";
            default -> "  " + name + ":\n    replicas: " + (1 + number % 9) + "\n    image: registry.example.com/" + other + ":1." + number;
        };
    }

    private static void table(Random random, StringBuilder text) {
        text.append("| setting | before | after | why |\n|---|---:|---:|---|\n");
        int rows = 3 + random.nextInt(4);
        for (int i = 0; i < rows; i++) {
            text.append("| `").append(identifier(random)).append("` | ").append(random.nextInt(5000)).append(" ms | ")
                    .append(random.nextInt(500)).append(" ms | ").append(sentenceWords(random, 5)).append(" |\n");
        }
        text.append('\n');
    }

    private static void list(Random random, StringBuilder text) {
        boolean numbered = random.nextBoolean();
        int items = 3 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            text.append(numbered ? (i + 1) + ". " : "- ").append(capitalized(sentenceWords(random, 6 + random.nextInt(10))));
            text.append(i % 2 == 0 ? " with `" + identifier(random) + "`." : ".").append('\n');
        }
        text.append('\n');
    }

    private static String paragraph(Random random, String topic) {
        StringBuilder paragraph = new StringBuilder();
        int sentences = 3 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                paragraph.append(' ');
            }
            switch (random.nextInt(6)) {
                case 0 -> paragraph.append("With ").append(topic).append(", ").append(sentenceWords(random, 10 + random.nextInt(8))).append('.');
                case 1 -> paragraph.append(capitalized(sentenceWords(random, 5))).append(" `").append(identifier(random))
                        .append("` ").append(sentenceWords(random, 8)).append('.');
                case 2 -> paragraph.append("The [").append(sentenceWords(random, 2)).append("](https://docs.example.com/")
                        .append(identifier(random)).append(") ").append(sentenceWords(random, 10)).append('.');
                case 3 -> paragraph.append(capitalized(sentenceWords(random, 4))).append(" **")
                        .append(sentenceWords(random, 3)).append("** ").append(sentenceWords(random, 7)).append('.');
                default -> paragraph.append(sentence(random, 12 + random.nextInt(10)));
            }
        }
        return paragraph.toString();
    }

    private static String sentence(Random random, int words) {
        return capitalized(sentenceWords(random, words)) + ".";
    }

    private static String sentenceWords(Random random, int count) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(pick(random, WORDS));
        }
        return String.join(" ", words);
    }

    private static String identifier(Random random) {
        return pick(random, WORDS).replace('-', '_') + "_" + pick(random, WORDS).replace('-', '_');
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String slugOf(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
