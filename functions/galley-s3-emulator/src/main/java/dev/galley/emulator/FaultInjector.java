package dev.galley.emulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running side of a {@link FaultPlan}: an on/off switch and counters, safe to use from any thread.
 * Obtained from {@link EmbeddedS3#faults()}.
 */
public final class FaultInjector {

    private final FaultPlan plan;
    private final FaultKind[] kinds;
    private final AtomicBoolean enabled;
    private final SplittableRandom random;
    private final AtomicLong considered = new AtomicLong();
    private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.kinds = plan.kinds().toArray(new FaultKind[0]);
        this.enabled = new AtomicBoolean(plan.enabledAtStart());
        this.random = new SplittableRandom(plan.seed());
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new AtomicLong());
        }
    }

    /** An injector whose plan never faults anything, for an emulator built without a plan. */
    static FaultInjector none() {
        return new FaultInjector(FaultPlan.builder().rate(0.0).enabledAtStart(false).build());
    }

    public FaultPlan plan() {
        return plan;
    }

    public void enable() {
        enabled.set(true);
    }

    public void disable() {
        enabled.set(false);
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    /** Requests that were eligible for a fault: injection on and bucket covered. */
    public long considered() {
        return considered.get();
    }

    public long injected(FaultKind kind) {
        return injected.get(kind).get();
    }

    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** A snapshot of the injected faults by kind. */
    public Map<FaultKind, Long> injectedByKind() {
        Map<FaultKind, Long> snapshot = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, count) -> snapshot.put(kind, count.get()));
        return Collections.unmodifiableMap(snapshot);
    }

    public void resetCounters() {
        considered.set(0);
        injected.values().forEach(count -> count.set(0));
    }

    /** Decides the fate of one request: the fault to inject, or null to serve it normally. */
    FaultKind draw(String bucket) {
        if (!enabled.get() || !plan.covers(bucket)) {
            return null;
        }
        considered.incrementAndGet();
        FaultKind kind;
        // One lock around both draws keeps a sequential run reproducible from the seed.
        synchronized (random) {
            if (random.nextDouble() >= plan.rate()) {
                return null;
            }
            kind = kinds[random.nextInt(kinds.length)];
        }
        injected.get(kind).incrementAndGet();
        return kind;
    }
}
