package dev.galley.benchmarks.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code galley-local build} printed, read back: {@code built KEY -> URL}, {@code draft KEY},
 * {@code error FILE:LINE: REASON} and {@code warning FILE:LINE: REASON} lines.
 *
 * @param built    the page URL of every published file, by source key
 * @param drafts   the keys of drafts
 * @param errors   every file refused, with the reason
 * @param warnings every warning, with the reason
 * @param other    lines of neither kind that are not the closing summary: a crash, say
 */
record BuildOutput(Map<String, String> built, List<String> drafts, List<Problem> errors, List<Problem> warnings, List<String> other) {

    /** A refusal or a warning about one file; {@code file} is empty when no known file name starts the message. */
    record Problem(String file, String reason) {

        /**
         * The reason up to its first colon or semicolon, at most a few words, with quoted values, numbers and
         * file names blanked, so that like reasons group together: {@code the slug "…" is already used by …}.
         */
        String kind() {
            String general = LINE.matcher(reason).replaceFirst("");
            general = QUOTED.matcher(general).replaceAll("\"…\"");
            general = PATH.matcher(general).replaceAll("…");
            general = NUMBER.matcher(general).replaceAll("N");
            general = general.split("[;:]\\s", 2)[0];
            String[] words = general.strip().split("\\s+");
            return String.join(" ", List.of(words).subList(0, Math.min(KIND_WORDS, words.length))).replaceAll("[:;,.]+$", "");
        }
    }

    private static final int KIND_WORDS = 8;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|'[^'\\s]*'");
    private static final Pattern LINE = Pattern.compile("^line \\d+:\\s*");
    private static final Pattern PATH = Pattern.compile("\\S*/\\S*");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\b");
    private static final Pattern BUILT = Pattern.compile("^built\\s+(.+) -> (\\S+)$");
    private static final Pattern DRAFT = Pattern.compile("^draft\\s+(.+) \\(not published\\)$");
    private static final Pattern PROBLEM = Pattern.compile("^(error|warning)s?:?\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUMMARY = Pattern.compile("^\\d+ published, .*");

    /** Reads the build's lines; {@code files} are the content folder's keys, to tell a file name from a reason. */
    static BuildOutput parse(List<String> lines, Set<String> files) {
        List<String> byLength = files.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Map<String, String> built = new LinkedHashMap<>();
        List<String> drafts = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            Matcher matcher;
            if (stripped.isEmpty() || SUMMARY.matcher(stripped).matches()) {
                continue;
            }
            if ((matcher = BUILT.matcher(stripped)).matches()) {
                built.put(matcher.group(1), matcher.group(2));
            } else if ((matcher = DRAFT.matcher(stripped)).matches()) {
                drafts.add(matcher.group(1));
            } else if ((matcher = PROBLEM.matcher(stripped)).matches()) {
                Problem problem = problem(matcher.group(2), byLength);
                (matcher.group(1).toLowerCase(Locale.ROOT).startsWith("error") ? errors : warnings).add(problem);
            } else {
                other.add(stripped);
            }
        }
        return new BuildOutput(built, drafts, errors, warnings, other);
    }

    private static Problem problem(String message, List<String> filesLongestFirst) {
        for (String file : filesLongestFirst) {
            if (message.startsWith(file + ":")) {
                String rest = message.substring(file.length() + 1).strip();
                Matcher line = Pattern.compile("^(\\d+):\\s*(.*)$", Pattern.DOTALL).matcher(rest);
                return new Problem(file, line.matches() ? "line " + line.group(1) + ": " + line.group(2) : rest);
            }
        }
        return new Problem("", message);
    }
}
