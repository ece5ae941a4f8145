package dev.galley.benchmarks;

import java.util.Arrays;

/** The median as the side-by-side driver and the publish chart report it: the middle value, or the mean of the two. */
final class Median {

    private Median() {
    }

    /** @param values at least one */
    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
