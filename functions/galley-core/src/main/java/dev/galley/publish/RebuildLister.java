package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.publish.RebuildState.ChunkListing;
import dev.galley.publish.RebuildState.ChunkRead;
import dev.galley.publish.RebuildState.Listed;
import dev.galley.publish.RebuildState.Listing;
import dev.galley.publish.RebuildState.Read;
import dev.galley.publish.RebuildState.Refusal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A re-render's third step, pure: once every chunk is read, decides which file owns each URL ({@link UrlOwner}) and
 * so what the site lists, which every page's neighbours come from; and cuts from it what each chunk's pages need.
 */
final class RebuildLister {

    private RebuildLister() {
    }

    static Listing list(Manifest base, List<ChunkRead> chunks) {
        Map<String, List<Read>> byPath = chunks.stream().flatMap(chunk -> chunk.articles().stream()).filter(Read::listable)
                .collect(Collectors.groupingBy(read -> read.article().path(), TreeMap::new, Collectors.toList()));
        List<Manifest.Entry> owners = new ArrayList<>();
        List<Refusal> duplicates = new ArrayList<>();
        Map<String, String> claims = new TreeMap<>();
        for (List<Read> claimants : byPath.values()) {
            Read owner = claimants.stream().min(Comparator.comparing(read -> new UrlOwner.Claim(read.key(), read.article()), UrlOwner.FIRST))
                    .orElseThrow();
            owners.add(new Manifest.Entry(owner.key(), owner.listedEtag(), "", owner.article()));
            for (Read refused : claimants) {
                if (refused != owner) {
                    duplicates.add(Refusal.of(ArticleException.duplicateUrl(refused.key(), refused.article().url(), owner.key())));
                    claims.put(refused.key(), refused.article().path());
                }
            }
        }
        return new Listing(base.replacedBy(owners).withClaims(claims), List.copyOf(duplicates));
    }

    /** Each chunk's part of the listing: its articles the listing shows, with their neighbours. */
    static List<ChunkListing> chunkListings(List<List<String>> chunks, Manifest listed) {
        Map<String, Manifest.Entry> bySource = new HashMap<>();
        listed.entries().values().forEach(entry -> bySource.put(entry.sourceKey(), entry));
        return chunks.stream().map(chunk -> new ChunkListing(chunk.stream().filter(bySource::containsKey).map(key -> {
            Manifest.Entry entry = bySource.get(key);
            return new Listed(key, entry.sourceEtag(), ArticlePages.neighbours(listed, entry.article().path()));
        }).toList())).toList();
    }
}
