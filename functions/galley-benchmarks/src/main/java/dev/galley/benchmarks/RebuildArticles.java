package dev.galley.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic set of plain articles for the rebuild benchmark: the same seed gives the same bytes. Each has
 * front matter with two to four of 24 tags, and 600 to 2,000 words of paragraphs, headings, a list and a titled
 * code block (about 4 to 14 KB), so rendering and index pages do real work.
 */
final class RebuildArticles {

    record Source(String key, String text) {
    }

    private static final String[] TAGS = {
        "Java", "Rust", "Go", "TypeScript", "React", "PostgreSQL", "Kubernetes", "DevOps", "Architecture", "Testing",
        "Performance", "Security", "Observability", "CI", "Databases", "Networking", "Linux", "Cloud", "Serverless",
        "Tooling", "Design", "Writing", "Career", "Accessibility"};
    private static final String[] WORDS = ("the a of to and in is that for it on with as by this be are from at or an "
            + "deploy cache latency request queue thread memory index build release rollback schema migration service "
            + "cluster node pipeline commit branch review test fixture benchmark profile trace metric alert budget "
            + "client server handler module package dependency version interface contract boundary adapter port event "
            + "stream batch retry timeout backoff idempotent consistent partition replica leader follower snapshot "
            + "readers writers editors pages articles drafts templates markdown rendering typography layout").split(" ");

    private RebuildArticles() {
    }

    static List<Source> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Source> articles = new ArrayList<>(count);
        // An hour apart from 2015: 100,000 articles end in 2026, all in the past, where a day apart left most of them
        // dated in the future and held back.
        java.time.LocalDateTime first = java.time.LocalDateTime.of(2015, 1, 1, 0, 0);
        for (int i = 0; i < count; i++) {
            articles.add(new Source(String.format("article-%04d.md", i), article(i, first.plusHours(i) + ":00Z", random)));
        }
        return articles;
    }

    private static String article(int index, String date, Random random) {
        StringBuilder text = new StringBuilder(16 * 1024);
        text.append("---\ntitle: ").append(capitalised(words(random, 4 + random.nextInt(6)))).append(' ').append(index).append('\n');
        text.append("date: ").append(date).append('\n');
        List<String> tags = new ArrayList<>();
        while (tags.size() < 2 + random.nextInt(3)) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        text.append("tags: [").append(String.join(", ", tags)).append("]\n");
        text.append("summary: ").append(capitalised(words(random, 25 + random.nextInt(20)))).append(".\n---\n\n");

        int target = 600 + random.nextInt(1400);
        int written = 0;
        int section = 0;
        while (written < target) {
            if (written > 0 && random.nextInt(4) == 0) {
                text.append("## ").append(capitalised(words(random, 3 + random.nextInt(4)))).append(" ").append(++section).append("\n\n");
            }
            int length = 40 + random.nextInt(80);
            text.append(capitalised(words(random, length))).append(", with `inline code` and **emphasis** and a [link](https://example.com/")
                    .append(index).append('/').append(section).append(").\n\n");
            written += length + 6;
            if (section == 1 && random.nextInt(3) == 0) {
                for (int item = 0; item < 3; item++) {
                    text.append("- ").append(capitalised(words(random, 6 + random.nextInt(6)))).append('\n');
                }
                text.append('\n');
                section++;
            }
        }
        text.append("```java title=\"Example").append(index).append(".java\"\n");
        for (int line = 0; line < 8 + random.nextInt(12); line++) {
            text.append("    var value").append(line).append(" = compute(\"").append(words(random, 3)).append("\", ").append(random.nextInt(1000)).append(");\n");
        }
        text.append("```\n");
        return text.toString();
    }

    private static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
