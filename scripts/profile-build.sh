#!/usr/bin/env bash
# Profiles one local full build: wall and CPU time, where the CPU samples fall (JFR), how many classes load and
# from where (-Xlog:class+load), and what the JIT and the collector cost. docs/performance.md has a summary.
#
#   scripts/profile-build.sh CONTENT_FOLDER [JAR] [OUTPUT_FOLDER]
#
# A corpus of generated articles: the side-by-side benchmark writes one and keeps it, e.g.
#   java -jar functions/galley-benchmarks/target/galley-benchmarks.jar side-by-side --articles 10000 --runs 1 --work /tmp/sbs
#   scripts/profile-build.sh /tmp/sbs/10000-2026/galley
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
content=${1:?usage: scripts/profile-build.sh CONTENT_FOLDER [JAR] [OUTPUT_FOLDER]}
jar=${2:-$root/functions/galley-local/target/galley-local.jar}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/site"

# The launcher's options (./galley), plus the recording; deep stacks so that every sample reaches its phase.
/usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -XX:FlightRecorderOptions:stackdepth=512 \
    -XX:StartFlightRecording=filename="$work/build.jfr",settings=profile -Xlog:jfr+startup=off \
    -Xlog:class+load:file="$work/class-load.txt" \
    -jar "$jar" build "$content" --out "$work/site" >"$work/build.log" 2>&1
read -r wall user sys rss <"$work/time.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: ${wall} s wall, $(python3 -c "print(round($user + $sys, 1))") s CPU, $((rss / 1024)) MiB peak RSS  ($(tail -1 "$work/build.log"))"

echo "classes loaded: $(grep -c 'source:' "$work/class-load.txt"), by where they come from:"
python3 -c '
import re, sys
for line in sys.stdin:
    source = line.split("source: ", 1)[1].strip()
    jar = re.search(r"([A-Za-z0-9.-]+?)(-[0-9][^/]*)?\.jar$", source)
    print("JDK, from the CDS archive" if source == "shared objects file" else "JDK" if source.startswith("jrt:")
          else jar.group(1) if jar else "generated at run time (lambdas, proxies)")
' <"$work/class-load.txt" \
  | sort | uniq -c | sort -rn | head -20

jfr print --json --stack-depth 512 --events jdk.ExecutionSample,jdk.Compilation,jdk.GarbageCollection "$work/build.jfr" >"$work/events.json"
python3 "$root/scripts/profile-summary.py" "$work/events.json"
echo "recording, class-load log and site: $work"
