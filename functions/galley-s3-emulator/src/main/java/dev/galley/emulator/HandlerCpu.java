package dev.galley.emulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * The CPU time the server's handlers use, so that a benchmark sharing the process can tell the server's CPU from its
 * clients'. It wraps the outermost handler and S3Proxy's own: S3Proxy's runs on another thread when a body arrives
 * after the request, and is counted there; on the request's thread it is inside the outer one and counted once.
 * Jetty's reading of requests and writing of answers outside the handlers is not counted.
 */
final class HandlerCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong nanos = new AtomicLong();
    private final ThreadLocal<Boolean> counting = ThreadLocal.withInitial(() -> false);

    long nanos() {
        return nanos.get();
    }

    Handler around(Handler handler) {
        return new Handler.Wrapper(handler) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (counting.get()) {
                    return super.handle(request, response, callback);
                }
                counting.set(true);
                long started = THREADS.getCurrentThreadCpuTime();
                try {
                    return super.handle(request, response, callback);
                } finally {
                    nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - started);
                    counting.set(false);
                }
            }
        };
    }
}
