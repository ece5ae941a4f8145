package dev.galley.publish;

import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain in-memory stores with S3's semantics (MD5 ETags, atomic conditional writes), for core tests. */
final class InMemoryStores {

    static final class Content implements ContentStore {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final Map<String, PublishStatus> statuses = new ConcurrentHashMap<>();
        /** Every key read, in order. */
        final List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());

        void put(String key, String text) {
            files.put(key, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Every version of each file seen, by ETag, as a versioned bucket keeps them. */
        private final Map<String, Map<String, byte[]>> versions = new ConcurrentHashMap<>();

        @Override
        public Optional<SourceFile> read(String key) {
            reads.add(key);
            byte[] bytes = files.get(key);
            if (bytes == null) {
                return Optional.empty();
            }
            SourceFile file = new SourceFile(key, bytes, md5(bytes));
            versions.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(file.etag(), bytes);
            return Optional.of(file);
        }

        @Override
        public Optional<SourceFile> readVersion(String key, String etag) {
            Optional<SourceFile> current = read(key);
            if (current.isPresent() && current.get().etag().equals(etag)) {
                return current;
            }
            byte[] earlier = versions.getOrDefault(key, Map.of()).get(etag);
            return earlier == null ? Optional.empty() : Optional.of(new SourceFile(key, earlier, etag));
        }

        @Override
        public List<String> list() {
            return new ArrayList<>(files.keySet());
        }

        @Override
        public void reportStatus(String key, PublishStatus status) {
            if (files.containsKey(key)) {
                statuses.put(key, status);
            }
        }
    }

    static final class Site implements SiteStore {
        private static final Pattern OLDER = Pattern.compile("class=\"pager-older\" rel=\"next\" href=\"/([^\"]*)\"");
        /** A link to an article's page, wherever the permalink puts it: not the home page's, a tag's or an image. */
        private static final Pattern ARTICLE_LINK = Pattern.compile("href=\"/((?!tags/|page/|assets/|media/|search/)[^\"#]+(?:/|\\.html))\"");
        final Map<String, Stored> objects = new TreeMap<>();
        final List<String> brokenLinkMoments = new ArrayList<>();
        int writes;
        int deletes;
        /** Every path a DELETE was sent for, in order, whether or not something was there. */
        final List<String> deleteRequests = new ArrayList<>();
        /** Off for large sites: the check reads every page on every write. */
        boolean checkLinks = true;
        Consumer<String> beforeWrite = path -> { };
        /** Called once a write took effect: a fault here is a write whose answer was lost. */
        Consumer<String> afterWrite = path -> { };

        String text(String path) {
            Stored stored = objects.get(path);
            return stored == null ? null : new String(stored.bytes(), StandardCharsets.UTF_8);
        }

        /**
         * Every object readers can be served, path and text: not Galley's own state under {@code _galley/} (its
         * revision counts commits, and only a full re-render writes its link report).
         */
        synchronized Map<String, String> served() {
            Map<String, String> all = new TreeMap<>();
            objects.keySet().stream().filter(path -> !path.startsWith("_galley/")).forEach(path -> all.put(path, text(path)));
            return all;
        }

        /** Every sitemap the sitemap index names, one after the other. */
        synchronized String sitemaps() {
            return textsUnder(dev.galley.render.Sitemap.FOLDER, ".xml");
        }

        /** Every chunk of the search index, one after the other. */
        synchronized String searchChunks() {
            return textsUnder(dev.galley.render.SearchIndex.FOLDER, ".json");
        }

        private String textsUnder(String folder, String ending) {
            StringBuilder all = new StringBuilder();
            objects.keySet().stream().filter(path -> path.startsWith(folder) && path.endsWith(ending)).forEach(path -> all.append(text(path)));
            return all.toString();
        }

        @Override
        public synchronized Optional<Stored> read(String path) {
            return Optional.ofNullable(objects.get(path));
        }

        @Override
        public synchronized Optional<Version> head(String path) {
            return read(path).map(Stored::version);
        }

        @Override
        public Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
            write(file, metadata, condition);
            return Optional.of(md5(file.bytes()));  // as S3 answers a PutObject
        }

        @Override
        public void write(SiteFile file, Map<String, String> metadata, Condition condition) {
            beforeWrite.accept(file.path());
            synchronized (this) {
                Stored current = objects.get(file.path());
                boolean holds = condition instanceof Condition.None
                        || condition instanceof Condition.Absent && current == null
                        || condition instanceof Condition.Matches m && current != null && current.version().etag().equals(m.etag());
                if (!holds) {
                    throw new WriteConflictException(file.path(), null);
                }
                objects.put(file.path(), new Stored(file.bytes(), new Version(md5(file.bytes()), Map.copyOf(metadata))));
                writes++;
                checkLinks();
            }
            afterWrite.accept(file.path());
        }

        @Override
        public synchronized void delete(String path) {
            deleteRequests.add(path);
            if (objects.remove(path) != null) {
                deletes++;
            }
            checkLinks();
        }

        @Override
        public synchronized List<String> list(String prefix) {
            return objects.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
        }

        /** The home page and its archive pages, following their "Older articles" links. */
        synchronized String homeListing() {
            StringBuilder all = new StringBuilder();
            String path = "index.html";
            while (path != null) {
                String page = text(path);
                all.append(page);
                Matcher older = OLDER.matcher(page);
                path = older.find() ? older.group(1) + "index.html" : null;
            }
            return all.toString();
        }

        /**
         * The invariant readers rely on: no page, an index page or an article's previous/next links, ever
         * links to an article page that does not exist.
         */
        private void checkLinks() {
            if (checkLinks) {
                brokenLinkMoments.addAll(brokenLinksNow());
            }
        }

        /** Every link from a page to an article page that does not exist, as "page -> link". */
        synchronized List<String> brokenLinksNow() {
            List<String> broken = new ArrayList<>();
            for (Map.Entry<String, Stored> e : objects.entrySet()) {
                if (e.getKey().startsWith("_galley/")) {
                    continue;
                }
                Matcher m = ARTICLE_LINK.matcher(new String(e.getValue().bytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!objects.containsKey(dev.galley.article.ArticleSummary.pageFileOf(m.group(1)))) {
                        broken.add(e.getKey() + " -> " + m.group(1));
                    }
                }
            }
            return broken;
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private InMemoryStores() {
    }
}
