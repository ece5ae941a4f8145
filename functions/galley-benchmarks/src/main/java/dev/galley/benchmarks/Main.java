package dev.galley.benchmarks;

import dev.galley.benchmarks.migration.CorpusReport;

import java.util.Arrays;

/** The benchmark drivers: each prints its figures. See docs/performance.md for what they measure. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "side-by-side" -> SideBySide.parse(rest).run();
            case "publish" -> PublishOne.parse(rest).run();
            case "publish-chart" -> PublishChart.parse(rest).run();
            case "cold-start" -> ColdStart.parse(rest).run();
            case "highlight-first-block" -> HighlightFirstBlock.parse(rest).run();
            case "corpus-report" -> CorpusReport.parse(rest).run();
            case "preview-start" -> PreviewStart.parse(rest).run();
            case "fan-out" -> FanOut.parse(rest).run();
            default -> {
                System.err.print("usage: java -jar galley-benchmarks.jar COMMAND\n  " + SideBySide.USAGE.strip() + "\n  "
                        + PublishOne.USAGE.strip() + "\n  " + ColdStart.USAGE.strip() + "\n  " + HighlightFirstBlock.USAGE
                        + "\n  " + CorpusReport.USAGE.strip() + "\n  " + PreviewStart.USAGE.strip() + "\n  " + FanOut.USAGE + "\n");
                System.exit(2);
            }
        }
    }
}
