package dev.galley.publish;

import dev.galley.site.SiteFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that passes every call to another, for stores that watch or filter a few calls. Every write goes through
 * {@link #writeTellingEtag} (which {@link #write} calls), and {@link #deleteAll} deletes path by path through
 * {@link #delete}: a store that overrides those two sees every write and every deleted path.
 */
public abstract class ForwardingSiteStore implements SiteStore {
    protected final SiteStore site;

    protected ForwardingSiteStore(SiteStore site) {
        this.site = site;
    }

    @Override
    public Optional<Stored> read(String path) {
        return site.read(path);
    }

    @Override
    public Optional<Version> head(String path) {
        return site.head(path);
    }

    @Override
    public final void write(SiteFile file, Map<String, String> metadata, Condition condition) {
        writeTellingEtag(file, metadata, condition);
    }

    @Override
    public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
        return site.writeTellingEtag(file, metadata, condition);
    }

    @Override
    public void delete(String path) {
        site.delete(path);
    }

    @Override
    public List<String> list(String prefix) {
        return site.list(prefix);
    }

    @Override
    public boolean skipsIdenticalWrites() {
        return site.skipsIdenticalWrites();
    }

    @Override
    public int concurrentCalls() {
        return site.concurrentCalls();
    }
}
