package dev.galley.publish;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {

    private final ExecutorService pool = Parallel.pool(4, "parallel-test");

    @AfterEach
    void shutDown() {
        pool.shutdownNow();
    }

    @Test
    void mustKeepTheItemsOrderAndDropNulls() {
        List<Integer> results = Parallel.map(pool, List.of(5, 1, 4, 2, 3), n -> n % 2 == 0 ? null : n * 10);
        assertEquals(List.of(50, 10, 30), results);
    }

    @Test
    void mustRethrowAFailureOnlyOnceEveryOtherTaskHasEnded() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.map(pool, List.of(0, 1, 2, 3), n -> {
            if (n == 0) {
                failed.countDown();
                throw boom;
            }
            try {
                // The others are still running when the first fails: the call must wait for them.
                assertTrue(failed.await(5, TimeUnit.SECONDS));
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError("a running task was interrupted", e);
            }
            finished.incrementAndGet();
            return n;
        }));
        assertSame(boom, thrown);
        assertEquals(3, finished.get(), "a task outlived the call that started it");
    }

    @Test
    void mustWrapAFailureThatIsNotARuntimeException() {
        StoreException thrown = assertThrows(StoreException.class, () -> Parallel.map(pool, List.of(1), n -> {
            throw new StackOverflowError("deep");
        }));
        assertTrue(thrown.getMessage().contains("StackOverflowError"), thrown.getMessage());
    }
}
