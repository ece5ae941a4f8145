package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleSummary;
import dev.galley.article.ArticleWarning;
import dev.galley.site.SiteIndex;

import java.util.List;
import java.util.Map;

/**
 * What the steps of a full re-render hand one another (see {@link Rebuild}): small records, bounded by a chunk
 * except the plan's key list and the listing, so that on AWS each step can run in an invocation of its own and
 * keep them as JSON ({@link RebuildStateCodec}).
 */
public final class RebuildState {

    private RebuildState() {
    }

    /** A refused file, as {@link ArticleException} says it. */
    public record Refusal(String file, int line, ArticleException.Problem problem, String reason) {

        static Refusal of(ArticleException e) {
            // reason() starts with the line, which the exception adds again when made anew
            String reason = e.line() > 0 ? e.reason().substring(("line " + e.line() + ": ").length()) : e.reason();
            return new Refusal(e.file(), e.line(), e.problem(), reason);
        }

        ArticleException exception() {
            return new ArticleException(file, line, problem, reason);
        }
    }

    /**
     * What a re-render is about to render.
     *
     * @param sources every key the content store held when the re-render started
     * @param chunks  the article and image keys among them, in key order, cut into chunks rendered apart
     * @param theme   what became of the files under {@code theme/}, published by the plan
     * @param base    the manifest when the re-render started
     */
    public record Plan(List<String> sources, List<List<String>> chunks, ThemeOutcome theme, Manifest base) {
    }

    /** {@link ThemeFiles.Published} without the theme itself, which the later steps read from the site. */
    public record ThemeOutcome(Map<String, PublishStatus> statuses, Map<String, String> etags, List<Refusal> refused, int filesWritten) {
    }

    /**
     * One article as a chunk read it.
     *
     * @param etag       the version the source holds
     * @param listedEtag the version the site is to show: {@code etag}, or a broken file's last good version
     * @param article    what the listed version publishes; null when the file is refused and has no good version
     * @param refusal    why the current version is refused; null when it is good
     * @param withheld   why the article is not listed (draft, held back, expired), null when it is
     */
    public record Read(String key, String etag, String listedEtag, ArticleSummary article, Refusal refusal, PublishStatus withheld,
                       List<String> draftPaths) {

        boolean lastGood() {
            return refusal != null && article != null;
        }

        boolean listable() {
            return article != null && withheld == null;
        }
    }

    /** A chunk's articles as read, in key order. */
    public record ChunkRead(List<Read> articles) {
    }

    /**
     * Which file owns each URL, decided once every chunk is read.
     *
     * @param listed     the manifest the site is to show: the owners' entries, and the claims of the refused
     * @param duplicates the files refused because another owns their URL
     */
    public record Listing(Manifest listed, List<Refusal> duplicates) {
    }

    /** One listed article of a chunk: the version the listing shows and the neighbours its page links to. */
    public record Listed(String key, String sourceEtag, SiteIndex.Neighbours neighbours) {
    }

    /**
     * What a chunk's render step needs of the listing: its own listed articles, in key order. Bounded by the chunk,
     * where the listing grows with the site.
     */
    public record ChunkListing(List<Listed> articles) {
    }

    /** One listed article as a chunk rendered it. */
    public record Rendered(String key, PublishStatus status, List<ArticleWarning> warnings, List<String> localLinks) {
    }

    /**
     * A chunk's pages and images as written.
     *
     * @param refusedMedia images refused
     * @param filesWritten pages and images written
     */
    public record ChunkRendered(List<Rendered> articles, List<Refusal> refusedMedia, int filesWritten) {
    }

    /**
     * One of the invocations that write a re-render's index pages: it takes the pages whose file name hashes to
     * {@code part} among {@code parts}. Every invocation works out the same pages from the same listing, so the shares
     * cover them all, once each, and a tag's pages, the feeds and the search chunks spread over all of them.
     */
    public record IndexPart(int part, int parts) {

        public IndexPart {
            if (parts < 1 || part < 0 || part >= parts) {
                throw new IllegalArgumentException("an index part is one of 1 or more, numbered from 0: not " + part + " of " + parts);
            }
        }

        boolean takes(String file) {
            return Math.floorMod(file.hashCode(), parts) == part;
        }
    }

    /**
     * An index part as written.
     *
     * @param filesWritten its pages written
     * @param gone         its share of the index pages the re-render no longer has, which the commit deletes once every
     *                     part has written the pages that linked to them
     */
    public record IndexWritten(int filesWritten, List<String> gone) {
    }
}
