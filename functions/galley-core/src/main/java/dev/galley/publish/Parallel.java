package dev.galley.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Store work run on a pool of threads, for requests that spend most of their time waiting on the store. */
final class Parallel {

    private Parallel() {
    }

    static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code task} for every item on {@code pool} and waits for all of them, also when one fails, so that
     * no task outlives the call (a Lambda invocation must not leave work running into the next one).
     *
     * @return the tasks' results in the items' order, without nulls
     * @throws RuntimeException the first failure, in the items' order, once every task has ended; if the caller is
     *                          interrupted, the tasks are cancelled and not waited for
     */
    static <I, T> List<T> map(ExecutorService pool, Collection<I> items, Function<I, T> task) {
        List<Future<T>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(pool.submit(TaskCpu.charged(() -> task.apply(item))));
        }
        List<T> results = new ArrayList<>(items.size());
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<T> future : futures) {
            try {
                T result = interrupted ? null : future.get();
                if (result != null) {
                    results.add(result);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                futures.forEach(f -> f.cancel(true));
                failure = failure != null ? failure : new StoreException("interrupted while waiting on the store", true, e);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new StoreException("a store task failed: " + e.getCause(), true, e.getCause());
                failure = failure != null ? failure : cause;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
