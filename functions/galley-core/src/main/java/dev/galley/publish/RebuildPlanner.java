package dev.galley.publish;

import dev.galley.publish.RebuildState.Plan;
import dev.galley.publish.RebuildState.Refusal;
import dev.galley.publish.RebuildState.ThemeOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * A re-render's first step: lists the content, publishes the theme every page shows, and cuts the article and image
 * keys into chunks that later steps render apart.
 */
final class RebuildPlanner {

    private final PublishParts parts;

    RebuildPlanner(PublishParts parts) {
        this.parts = parts;
    }

    Plan plan(SiteSettings settings, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("a chunk holds at least one key, not " + chunkSize);
        }
        List<String> sources = parts.content().list();
        ThemeFiles.Published theme = new ThemeFiles(parts.content(), parts.site(), parts.writer()).publish(sources, settings);
        List<String> rendered = sources.stream().filter(key -> Publisher.isArticle(key) || Media.isMedia(key)).sorted().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < rendered.size(); from += chunkSize) {
            chunks.add(rendered.subList(from, Math.min(rendered.size(), from + chunkSize)));
        }
        ThemeOutcome themeOutcome = new ThemeOutcome(theme.statuses(), theme.etags(),
                theme.rejected().stream().map(Refusal::of).toList(), theme.filesWritten());
        return new Plan(sources, List.copyOf(chunks), themeOutcome, parts.manifest().read().value());
    }
}
