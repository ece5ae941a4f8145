package dev.galley.local;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/** S3 requests for many files, a few in flight at once: each spends its time waiting on the network. */
final class ParallelRequests {

    static final int IN_FLIGHT = 8;

    private ParallelRequests() {
    }

    /** The results in the items' order; the first failure is thrown once the requests are over. */
    static <I, T> List<T> map(List<I> items, Function<I, T> request) {
        ForkJoinPool pool = new ForkJoinPool(IN_FLIGHT);
        try {
            return pool.submit(() -> items.parallelStream().map(request).toList()).join();
        } finally {
            pool.shutdown();
        }
    }
}
