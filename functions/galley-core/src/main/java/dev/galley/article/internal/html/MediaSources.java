package dev.galley.article.internal.html;

import dev.galley.article.internal.MediaLinks;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Relative {@code src}, {@code poster} and {@code srcset} URLs of raw images, video and audio point at the published
 * copy of the file, as Markdown images do ({@link MediaLinks}). A {@code srcset} with any URL that is not http(s)
 * or relative is dropped: the sanitizer checks single URLs only.
 */
final class MediaSources {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:");
    /** What browsers ignore in a URL: ASCII whitespace and control characters. */
    private static final Pattern IGNORED = Pattern.compile("[\\x00-\\x20]");

    private MediaSources() {
    }

    static void resolve(Element body, String sourceKey) {
        for (Element element : body.select("img[src], source[src], video[src], audio[src], track[src]")) {
            relink(element, "src", sourceKey);
        }
        for (Element video : body.select("video[poster]")) {
            relink(video, "poster", sourceKey);
        }
        for (Element element : body.select("img[srcset], source[srcset]")) {
            String srcset = safeSrcset(element.attr("srcset"), sourceKey);
            if (srcset == null) {
                element.removeAttr("srcset");
            } else {
                element.attr("srcset", srcset);
            }
        }
    }

    private static void relink(Element element, String attribute, String sourceKey) {
        String resolved = MediaLinks.resolve(element.attr(attribute), sourceKey);
        if (resolved != null) {
            element.attr(attribute, resolved);
        }
    }

    private static String safeSrcset(String srcset, String sourceKey) {
        List<Srcset.Candidate> candidates = new ArrayList<>();
        for (Srcset.Candidate candidate : Srcset.parse(srcset)) {
            String url = IGNORED.matcher(candidate.url()).replaceAll("").toLowerCase(Locale.ROOT);
            if (SCHEME.matcher(url).find() && !url.startsWith("http:") && !url.startsWith("https:")) {
                return null;
            }
            String resolved = MediaLinks.resolve(candidate.url(), sourceKey);
            candidates.add(resolved == null ? candidate : candidate.withUrl(resolved));
        }
        return Srcset.format(candidates);
    }
}
