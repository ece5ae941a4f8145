"""Sums up a JFR recording of a build (jfr print --json): CPU samples by phase of the build and by kind of work,
the JIT's compile time and the collector's pauses. Used by profile-build.sh."""
import collections
import json
import sys

# The outermost matching frame names the phase of the build a sample belongs to.
PHASES = [
    ("start: settings, warm-up, plan", ("dev.galley.publish.SiteSettings.load", "dev.galley.publish.WarmUp.run",
                                        "dev.galley.publish.RebuildPlanner.plan")),
    ("read and parse articles", ("dev.galley.publish.ChunkReader.read", "dev.galley.publish.ChunkReader.lambda$read")),
    ("article pages", ("dev.galley.publish.ChunkRenderer.render", "dev.galley.publish.ChunkRenderer.lambda$render")),
    ("feeds' bodies", ("dev.galley.publish.FeedBodies.body",)),
    ("feeds", ("dev.galley.render.AtomFeed.render", "dev.galley.render.RssFeed.render")),
    ("sitemap.xml", ("dev.galley.render.Sitemap.render",)),
    ("search.json", ("dev.galley.render.SearchIndex.render",)),
    ("index pages", ("dev.galley.publish.IndexPages.publish", "dev.galley.publish.IndexPages.lambda$publish")),
    ("manifest", ("dev.galley.publish.ManifestStore.commit", "dev.galley.publish.StatePieces.")),
    ("redirects", ("dev.galley.publish.RebuildCommit.rewriteRedirects",)),
    ("orphan pages", ("dev.galley.publish.RebuildCommit.removeOrphan",)),
    ("broken links", ("dev.galley.publish.RebuildCommit.reportBrokenLinks",)),
    ("statuses, edits made meanwhile", ("dev.galley.publish.RebuildCommit.resyncChangedSources",
                                        "dev.galley.publish.RebuildCommit.lambda$commit")),
    ("the build's report", ("dev.galley.local.BuildCommand.lambda$run",)),
]
# The innermost matching frame names the kind of work.
KINDS = [
    ("class loading", ("java.lang.ClassLoader.loadClass", "java.lang.ClassLoader.defineClass", "jdk.internal.loader.")),
    ("UTF-8 encoding", ("java.lang.String.encodeUTF8", "java.lang.String.getBytes", "gg.jte.output.Utf8ByteOutput")),
    ("sorting and date comparison", ("java.util.Arrays.sort", "java.util.TimSort", "java.util.Collections.binarySearch",
                                     "java.time.OffsetDateTime.compareTo", "java.util.Comparator")),
    ("highlighting", ("dev.galley.highlight.",)),
    ("Markdown (commonmark)", ("org.commonmark.",)),
    ("templates (jte)", ("gg.jte.", "dev.galley.render.templates.", "gg.jte.generated.")),
    ("YAML", ("org.snakeyaml.", "org.yaml.")),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("XML writer", ("javax.xml.", "com.sun.xml.", "com.sun.org.apache.xerces.")),
    ("jsoup", ("org.jsoup.",)),
    ("file I/O", ("sun.nio.", "java.io.FileOutputStream", "java.io.FileInputStream", "java.nio.file.")),
]


def frame_names(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in event["values"]["stackTrace"]["frames"]]


def first(names, table, default):
    for name in names:
        for label, prefixes in table:
            if name.startswith(prefixes):
                return label
    return default


def main(path):
    events = json.load(open(path))["recording"]["events"]
    samples = [e for e in events if e["type"] == "jdk.ExecutionSample"]
    phases, kinds, threads = collections.Counter(), collections.Counter(), collections.Counter()
    for sample in samples:
        names = frame_names(sample)
        phases[first(reversed(names), PHASES, "other (JVM start, listing, the rest)")] += 1
        kinds[first(names, KINDS, "other")] += 1
        thread = sample["values"].get("sampledThread") or {}
        threads[(thread.get("javaName") or "?").rstrip("0123456789-")] += 1
    total = max(1, len(samples))
    for title, counter in (("phase", phases), ("kind of work", kinds), ("thread", threads)):
        print(f"CPU samples by {title} ({len(samples)} samples):")
        for label, count in counter.most_common():
            print(f"  {100 * count / total:5.1f} %  {label}")

    def seconds(event):
        d = event["values"]["duration"]  # ISO-8601, e.g. PT0.0012S
        return float(d[2:-1]) if d.startswith("PT") and d.endswith("S") else 0.0

    compilations = [e for e in events if e["type"] == "jdk.Compilation"]
    collections_ = [e for e in events if e["type"] == "jdk.GarbageCollection"]
    print(f"JIT: {len(compilations)} compilations over the recording's threshold, {sum(map(seconds, compilations)):.2f} s")
    print(f"GC: {len(collections_)} collections, {sum(map(seconds, collections_)):.2f} s of pauses")


if __name__ == "__main__":
    main(sys.argv[1])
