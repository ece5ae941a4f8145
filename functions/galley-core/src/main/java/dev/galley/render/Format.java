package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.InterfaceText;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Small formatting helpers the templates call. */
public final class Format {

    /** Articles with at least this many h2/h3 headings, counted at every level, get a table of contents. */
    public static final int TOC_MIN_HEADINGS = 3;

    private Format() {
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String isoDate(OffsetDateTime date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    /**
     * An RFC 3339 timestamp in UTC, to the second, e.g. {@code 2026-03-10T08:30:00Z}: the one form of every
     * date in feeds, the sitemap and page metadata. UTC also avoids offsets with seconds, which RFC 3339 lacks.
     */
    public static String rfc3339(OffsetDateTime date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** An RFC 822 date-time in UTC, as RSS 2.0 writes dates, e.g. {@code Tue, 10 Mar 2026 08:30:00 GMT}. */
    public static String rfc822(OffsetDateTime date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * When the article last changed: its {@code updated} date when that is later than its date, else its date; null
     * for a page that gives neither.
     */
    public static OffsetDateTime modified(ArticleSummary article) {
        OffsetDateTime updated = article.updated();
        if (article.date() == null) {
            return updated;
        }
        return updated != null && updated.isAfter(article.date()) ? updated : article.date();
    }

    /** Who wrote the article: the authors it names, else the site's author. */
    public static List<Author> authors(SiteConfig site, ArticleSummary article) {
        return article.authors().isEmpty() ? site.authors() : article.authors();
    }

    /** What goes before the name at {@code index} in a list of {@code count}: "Ann, Bob and Cy". */
    public static String nameSeparator(InterfaceText text, int index, int count) {
        if (index == 0) {
            return "";
        }
        return text.get(index == count - 1 ? "lastNameSeparator" : "nameSeparator");
    }

    public static String tagUrl(String tag) {
        return "/tags/" + SiteIndex.tagSlug(tag) + "/";
    }
}
