"""Times full builds of one corpus by several Galley launchers (and Hugo), alternating them round by round, so that
a slow stretch of a shared machine falls on all of them alike. Each build writes into a fresh folder, as the
side-by-side driver's do; wall time is taken around the process, CPU time and peak RSS from GNU time.

  python3 scripts/alternate-builds.py CORPUS ROUNDS NAME=LAUNCHER... [--hugo]

CORPUS is a folder the side-by-side driver wrote (its galley/ and hugo/), e.g. /tmp/sbs/1000-2026-prose; each
LAUNCHER is a `galley` script (a launcher in a copy of its repository keeps its own class-data archive).
Prints every round and the medians; with --hugo, each launcher's median wall over Hugo's."""
import os
import shutil
import statistics
import subprocess
import sys
import time


def main(corpus, rounds, launchers, hugo):
    out = os.path.join(corpus, "alternate-runs")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    commands = {name: (lambda folder, launcher=launcher: [launcher, "build", os.path.join(corpus, "galley"), "--out", folder])
                for name, launcher in launchers}
    if hugo:
        commands["hugo"] = lambda folder: ["hugo", "--quiet", "--source", os.path.join(corpus, "hugo"), "--destination", folder]
    runs = {name: [] for name in commands}
    count = [0]

    def run(name):
        count[0] += 1
        folder, times = os.path.join(out, f"{name}-{count[0]}"), os.path.join(out, f"time-{count[0]}")
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-o", times, "-f", "%M %U %S"] + commands[name](folder),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"{name} exited with {done.returncode}: {done.stderr.decode()[-500:]}")
        rss, user, system = open(times).read().split()
        return wall, float(user) + float(system), int(rss) / 1024

    for name in commands:
        run(name)  # untimed: the corpus into the page cache, the launchers' archives made
    names = [name for name, _ in launchers]
    for round_ in range(rounds):
        order = (names if round_ % 2 == 0 else names[::-1]) + (["hugo"] if hugo else [])
        line = []
        for name in order:
            wall, cpu, rss = run(name)
            runs[name].append((wall, cpu, rss))
            line.append(f"{name} {wall:.2f} s {cpu:.2f} s CPU {rss:.0f} MiB")
        print(f"round {round_ + 1}: " + "   ".join(line) + f"   load {open('/proc/loadavg').read().split()[0]}", flush=True)
    shutil.rmtree(out, ignore_errors=True)

    def median(name, field):
        return statistics.median(run[field] for run in runs[name])

    print(f"medians of {rounds} rounds:")
    for name in commands:
        ratio = f"   {median(name, 0) / median('hugo', 0):.2f} x Hugo" if hugo and name != "hugo" else ""
        print(f"  {name:10s} {median(name, 0):6.2f} s wall {median(name, 1):6.2f} s CPU {median(name, 2):5.0f} MiB{ratio}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--hugo"]
    if len(args) < 3:
        sys.exit(__doc__)
    main(args[0], int(args[1]), [tuple(a.split("=", 1)) for a in args[2:]], "--hugo" in sys.argv)
