package dev.galley.article.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The candidates of a {@code srcset} such as {@code "a.png 1x, b.png 2x"}, parsed as the HTML standard does (URLs may hold commas). */
public final class Srcset {

    /** One image URL and its descriptors ({@code 2x}, {@code 640w}), which may be empty. */
    public record Candidate(String url, String descriptors) {

        public Candidate withUrl(String newUrl) {
            return new Candidate(newUrl, descriptors);
        }
    }

    private Srcset() {
    }

    public static List<Candidate> parse(String value) {
        List<Candidate> candidates = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return candidates;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            String url = value.substring(start, i);
            String descriptors = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                start = i;
                int depth = 0;
                while (i < n && (value.charAt(i) != ',' || depth > 0)) {
                    depth += value.charAt(i) == '(' ? 1 : value.charAt(i) == ')' ? -1 : 0;
                    i++;
                }
                descriptors = value.substring(start, i).strip();
            }
            candidates.add(new Candidate(url, descriptors));
        }
    }

    public static String format(List<Candidate> candidates) {
        StringBuilder out = new StringBuilder();
        for (Candidate candidate : candidates) {
            out.append(out.length() == 0 ? "" : ", ").append(candidate.url())
                    .append(candidate.descriptors().isEmpty() ? "" : " " + candidate.descriptors());
        }
        return out.toString();
    }

    /** The same srcset with each URL mapped. */
    public static String mapUrls(String value, UnaryOperator<String> url) {
        return format(parse(value).stream().map(c -> c.withUrl(url.apply(c.url()))).toList());
    }
}
