package dev.galley.emulator;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What faults {@link EmbeddedS3} injects, how often and where: an immutable description.
 *
 * <p>Each HTTP request that reaches the emulator while injection is on (see {@link FaultInjector}) and
 * that targets a bucket the plan covers is faulted with probability {@link #rate()}; the kind is then
 * drawn uniformly from {@link #kinds()}. Draws come from one random generator seeded with
 * {@link #seed()}, so a sequential run is reproducible.
 */
public final class FaultPlan {

    private final double rate;
    private final long seed;
    private final Set<FaultKind> kinds;
    private final Duration delay;
    private final String onlyBucket;
    private final Set<String> exemptBuckets;
    private final boolean enabledAtStart;

    private FaultPlan(Builder builder) {
        this.rate = builder.rate;
        this.seed = builder.seed;
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(builder.kinds));
        this.delay = builder.delay;
        this.onlyBucket = builder.onlyBucket;
        this.exemptBuckets = Collections.unmodifiableSet(new LinkedHashSet<>(builder.exemptBuckets));
        this.enabledAtStart = builder.enabledAtStart;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Probability, from 0 to 1, that a covered request is faulted. */
    public double rate() {
        return rate;
    }

    public long seed() {
        return seed;
    }

    public Set<FaultKind> kinds() {
        return kinds;
    }

    /** How long a {@link FaultKind#DELAY} holds the response back. */
    public Duration delay() {
        return delay;
    }

    /** When present, only requests to this bucket are faulted. */
    public Optional<String> onlyBucket() {
        return Optional.ofNullable(onlyBucket);
    }

    /** Requests to these buckets are never faulted. */
    public Set<String> exemptBuckets() {
        return exemptBuckets;
    }

    /** Whether injection is on as soon as the emulator starts. */
    public boolean enabledAtStart() {
        return enabledAtStart;
    }

    /** Whether a request addressed to {@code bucket} (null: no bucket, e.g. ListBuckets) is covered. */
    boolean covers(String bucket) {
        if (bucket != null && exemptBuckets.contains(bucket)) {
            return false;
        }
        return onlyBucket == null || onlyBucket.equals(bucket);
    }

    @Override
    public String toString() {
        return "FaultPlan[rate=" + rate + ", seed=" + seed + ", kinds=" + kinds + ", delay=" + delay
                + ", onlyBucket=" + onlyBucket + ", exemptBuckets=" + exemptBuckets
                + ", enabledAtStart=" + enabledAtStart + "]";
    }

    public static final class Builder {

        private double rate = 0.10;
        private long seed = 1L;
        private Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
        private Duration delay = Duration.ofSeconds(2);
        private String onlyBucket;
        private final Set<String> exemptBuckets = new LinkedHashSet<>();
        private boolean enabledAtStart = true;

        private Builder() {
        }

        /** Defaults to 0.10. */
        public Builder rate(double rate) {
            if (!(rate >= 0.0 && rate <= 1.0)) {
                throw new IllegalArgumentException("rate must be within [0, 1], was " + rate);
            }
            this.rate = rate;
            return this;
        }

        /** Defaults to 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The kinds to draw from, uniformly. Defaults to all of them. */
        public Builder kinds(FaultKind first, FaultKind... rest) {
            this.kinds = EnumSet.of(Objects.requireNonNull(first), rest);
            return this;
        }

        /** Defaults to two seconds. */
        public Builder delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
            this.delay = delay;
            return this;
        }

        public Builder onlyBucket(String bucket) {
            this.onlyBucket = Objects.requireNonNull(bucket);
            return this;
        }

        public Builder exemptBucket(String bucket) {
            this.exemptBuckets.add(Objects.requireNonNull(bucket));
            return this;
        }

        /** Defaults to true; false lets a test seed data first and then call {@link FaultInjector#enable()}. */
        public Builder enabledAtStart(boolean enabledAtStart) {
            this.enabledAtStart = enabledAtStart;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }
    }
}
