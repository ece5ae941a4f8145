package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ManifestCodecTest {

    /** A manifest as Galley wrote it while an article's author was one string. */
    private static String oldManifest(String author) {
        return """
                {
                  "revision": 7,
                  "entries": {
                    "designing-dashboards": {
                      "sourceKey": "designing-dashboards.md",
                      "sourceEtag": "e329e6e7fb62438fefb361b15b9165d1",
                      "sequencer": "",
                      "article": {
                        "slug": "designing-dashboards",
                        "title": "Designing dashboards engineers will actually use",
                        "date": "2026-02-12T00:00:00Z",
                        "updated": null,
                        "tags": ["React", "Architecture"],
                        "summary": ["Most internal dashboards fail because they display data without context."],
                        "description": "",
                        "author": %s,
                        "readingMinutes": 9,
                        "sample": null,
                        "featured": false
                      }
                    }
                  }
                }
                """.formatted(author);
    }

    private static List<Author> authorsIn(String manifest) {
        return ManifestCodec.read(manifest.getBytes(StandardCharsets.UTF_8)).byPath("articles/designing-dashboards/").article().authors();
    }

    @Test
    void oldManifestsAuthorTextIsReadAsFrontMatterWouldBe() {
        assertEquals(List.of(), authorsIn(oldManifest("\"\"")));
        assertEquals(List.of(new Author("Ada Lovelace", null)), authorsIn(oldManifest("\"Ada Lovelace\"")));
        assertEquals(List.of(new Author("Jane Doe", "https://jane.dev"), new Author("John Roe", null)),
                authorsIn(oldManifest("\"[Jane Doe](https://jane.dev), John Roe\"")));
    }

    @Test
    void oldManifestsKeyedBySlugWithoutPathsReadWithEveryArticleAtArticlesSlug() {
        Manifest manifest = ManifestCodec.read(oldManifest("\"Ada Lovelace\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("articles/designing-dashboards/"), manifest.entries().keySet());
        assertEquals("articles/designing-dashboards/", manifest.byPath("articles/designing-dashboards/").article().path());
        assertEquals("/articles/designing-dashboards/", manifest.articles().get(0).url());
    }

    @Test
    void anArticlesPathSurvivesAWriteAndARead() {
        ArticleSummary article = new ArticleSummary("rust-1-70-0", "Announcing Rust 1.70.0", OffsetDateTime.parse("2023-06-01T00:00:00Z"),
                null, List.of(), List.of(), "", List.of(), 1, null, false, "2023/06/01/Rust-1.70.0.html", List.of());
        Manifest manifest = Manifest.EMPTY.with(new Manifest.Entry("2023-06-01-Rust-1.70.0.md", "etag", "", article));
        Manifest read = ManifestCodec.read(ManifestCodec.write(manifest));
        assertEquals(article, read.byPath("2023/06/01/Rust-1.70.0.html").article());
        assertEquals(manifest, read);
    }

    @Test
    void authorsSurviveAWriteAndARead() {
        ArticleSummary article = new ArticleSummary("a", "A", OffsetDateTime.parse("2026-01-01T00:00:00Z"), null, List.of(),
                List.of(), "", List.of(new Author("Jane Doe", "https://jane.dev"), new Author("John Roe", null)), 1, null, false);
        Manifest manifest = new Manifest(1, java.util.Map.of("a", new Manifest.Entry("a.md", "etag", "", article)));
        assertEquals(article, ManifestCodec.read(ManifestCodec.write(manifest)).byPath("articles/a/").article());
    }

    @Test
    void aManifestWrittenBeforeRedirectsLoadsWithNoneAndWritesNoEmptyFields() {
        Manifest old = ManifestCodec.read(oldManifest("\"\"").getBytes(StandardCharsets.UTF_8));
        Manifest.Entry entry = old.byPath("articles/designing-dashboards/");
        assertEquals(List.of(), entry.article().aliases());
        assertEquals(List.of(), entry.formerPaths());
        String written = new String(ManifestCodec.write(old), StandardCharsets.UTF_8);
        assertFalse(written.contains("aliases") || written.contains("formerPaths"), written);
    }

    @Test
    void aliasesAndFormerPathsSurviveAWriteAndARead() {
        ArticleSummary article = new ArticleSummary("a", "A", OffsetDateTime.parse("2026-01-01T00:00:00Z"), null, List.of(),
                List.of(), "", List.of(), 1, null, false, null, List.of("blog/2023/a/", "2010/01/a.html"));
        Manifest.Entry entry = new Manifest.Entry("a.md", "etag", "", article, List.of("articles/first/", "articles/second/"));
        Manifest read = ManifestCodec.read(ManifestCodec.write(new Manifest(1, java.util.Map.of("a", entry))));
        assertEquals(entry, read.byPath("articles/a/"));
    }

    @Test
    void theOldUrlsOfArticlesOffTheSiteSurviveAWriteAndAReadAndOldManifestsHaveNone() {
        ArticleSummary article = new ArticleSummary("b", "B", OffsetDateTime.parse("2026-01-01T00:00:00Z"), null, List.of(),
                List.of(), "", List.of(), 1, null, false);
        Manifest manifest = Manifest.EMPTY.with(new Manifest.Entry("b.md", "etag", "", article, List.of("articles/a/"))).without("b.md");
        Manifest read = ManifestCodec.read(ManifestCodec.write(manifest));
        assertEquals(manifest, read);
        assertEquals(List.of("articles/a/", "articles/b/"), read.retired().get("b.md"));
        assertEquals(java.util.Map.of(), ManifestCodec.read(oldManifest("\"\"").getBytes(StandardCharsets.UTF_8)).retired());
    }

    /** Bytes jackson-databind's bean binding wrote (before the codec moved to the streaming API), every optional field set. */
    private static final String DATABIND_MANIFEST = """
            {"revision":9,"entries":{"a/b.html":{"sourceKey":"k","sourceEtag":"e","sequencer":"q","article":{"slug":"s",\
            "title":"T \\"q\\"","date":"2026-01-01T00:00:00+05:30","updated":"2026-01-02T00:00:00.123Z","tags":["t"],"summary":["p"],\
            "description":"d","authors":[{"name":"n","url":null}],"readingMinutes":2,"sample":{"fileName":"f.java","language":"java",\
            "code":"x\\ny"},"featured":true,"path":"a/b.html","aliases":["z/"],"page":true},"formerPaths":["old/"]}},\
            "retired":{"r":["x"]},"claims":{"c":"a/b.html"}}""";
    private static final String DATABIND_ROOT = """
            {"revision":5,"layout":2,"entries":["x"],"retired":[],"claims":["c"],"pieces":{"entries":["q"],"retired":["p1","p2"]},\
            "owed":{"index":["i"],"since":"s"}}""";

    @Test
    void whatDatabindWroteReadsAndIsWrittenAgainByteForByte() {
        Manifest manifest = ManifestCodec.read(DATABIND_MANIFEST.getBytes(StandardCharsets.UTF_8));
        assertEquals(new Author("n", null), manifest.byPath("a/b.html").article().authors().get(0));
        assertEquals("x\ny", manifest.byPath("a/b.html").article().sample().code());
        assertEquals(DATABIND_MANIFEST, new String(ManifestCodec.write(manifest), StandardCharsets.UTF_8));

        RootPieces.Stored root = RootPieces.parse(DATABIND_ROOT.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("i"), root.owed().index());
        assertEquals(DATABIND_ROOT, new String(StatePieces.write(root), StandardCharsets.UTF_8));
    }

    @Test
    void aPendingRecordKeepsTheRevisionItsCommitMakesAndAnOlderRecordReadsAsNeverCommitted() {
        PendingWrites.Pending pending = new PendingWrites.Pending(12, new java.util.TreeMap<>(java.util.Map.of("a/", new Manifest.Entry("a.png", "e", "", null))),
                java.util.Set.of("b.md"));
        byte[] json = ManifestCodec.toJson(pending);
        assertEquals(pending, ManifestCodec.parse(json, "the record", ManifestCodec::readPending));

        PendingWrites.Pending older = ManifestCodec.parse("{\"paths\":{},\"followUps\":[\"b.md\"]}".getBytes(StandardCharsets.UTF_8),
                "the record", ManifestCodec::readPending);
        assertEquals(0, older.revision());
        assertEquals(java.util.Set.of("b.md"), older.followUps());
    }

    @Test
    void aStateThatIsNotTheExpectedJsonFailsTheReadNamingTheObject() {
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> RootPieces.parse("{\"revision\":1,\"entries\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("the state root _galley/state/root.json is not readable: "), e.getMessage());
    }
}
