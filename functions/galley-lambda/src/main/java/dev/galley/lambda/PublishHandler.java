package dev.galley.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.galley.aws.CloudFrontInvalidator;
import dev.galley.aws.EventBridgeSchedule;
import dev.galley.aws.S3ContentStore;
import dev.galley.aws.S3SiteStore;
import dev.galley.aws.SecretsManagerDraftKey;
import dev.galley.aws.SqsRefreshRequests;
import dev.galley.aws.WakeEvent;
import dev.galley.publish.BatchOutcome;
import dev.galley.publish.DraftLinks;
import dev.galley.publish.Outcome;
import dev.galley.publish.PublishSchedule;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.publish.Refresh;
import dev.galley.publish.RefreshRequests;
import dev.galley.publish.SourceChange;
import dev.galley.publish.StoreException;
import dev.galley.publish.WarmUp;
import dev.galley.site.SiteConfig;
import dev.galley.tree.JsonText;
import dev.galley.tree.Tree;
import dev.galley.tree.TreeReader;
import dev.galley.aws.s3.S3Http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The Lambda entry point. Takes batches from the function's SQS FIFO queue (EventBridge's "Object Created" and
 * "Object Deleted" events of the content bucket), S3 notifications sent straight to it ({@code ObjectCreated:*},
 * {@code ObjectRemoved:*}), S3's test event, {@code {"action":"rebuild"}} for a full re-render, and
 * {@code {"action":"wake","key":"posts/x.md"}} from a wake-up set for a held or expiring article.
 *
 * <p>A batch of records is published as one commit, as if its records were handled in order ({@link Publisher#publish}):
 * a bad article is logged and reported to its author, and the others go on. Only an error that a retry can fix hands
 * records back: for a queue batch, the first record it concerns and the ones after it, in {@code batchItemFailures};
 * for an S3 notification, the whole invocation fails so that Lambda retries it. Retrying is safe: each record
 * converges on what the content bucket holds now.
 */
public final class PublishHandler implements RequestStreamHandler {

    /**
     * A batch started with less time than this left publishes its first record only, and starts no further commit (a
     * batch of ten usually takes a few seconds).
     */
    static final int TIME_RESERVE_MILLIS = 30_000;

    /** A rotated draft key reaches every warm container within this time (docs/deploy.md: rotating the key). */
    static final Duration DRAFT_KEY_KEPT = Duration.ofMinutes(15);

    /** The template's BatchSize, the most Lambda hands a function from a FIFO queue: a batch this size left more queued. */
    static final int FULL_BATCH = 10;

    /** The log field of a rejected site.yaml; the template's metric filter matches it. */
    static final String SITE_CONFIG_REJECTED = "siteConfigRejected";

    /** Lambda's variable for how this environment started: {@code on-demand}, {@code provisioned-concurrency}, {@code snap-start}. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private final FunctionConfig config;
    private volatile Publisher publisher;
    private final Optional<CloudFrontInvalidator> cdn;
    private final Clock clock;
    private final PublishSchedule schedule;
    /** Kept across SnapStart's new clients: the key, once read, is not read again. */
    private final DraftLinks drafts;
    /** Starts a fanned-out re-render; empty: a re-render runs in this invocation. */
    private volatile Optional<RebuildStarter> fanOut;
    /** Where a queue batch asks for the refresh of the pages it leaves owed; empty: each batch writes them itself. */
    private volatile Optional<RefreshRequests> refreshes;
    /** Only for the production client; held here because the checkpoint context holds it weakly. */
    final SnapStartPriming priming;

    /** Used by the Lambda runtime: configuration from the environment, one S3 client per container. */
    public PublishHandler() {
        this(FunctionConfig.fromEnvironment(System.getenv()), null);
    }

    /**
     * @param s3 the client to use, or null to build the production client from {@code config} (and prime it
     *           for SnapStart); the CloudFront client, when {@code config} names a distribution, is built on the
     *           first invalidation
     */
    public PublishHandler(FunctionConfig config, S3Http s3) {
        this(config, s3, config.distributionId().map(id -> new CloudFrontInvalidator(CloudFrontClients::create, id)).orElse(null));
    }

    /**
     * @param cdn invalidates the distribution after a full re-render, or null when there is none; wake-ups are
     *            EventBridge Scheduler's when {@code config} names a schedule group, else none are set
     */
    public PublishHandler(FunctionConfig config, S3Http s3, CloudFrontInvalidator cdn) {
        this(config, s3, cdn, Clock.systemUTC(), config.wakeUps()
                .<PublishSchedule>map(w -> new EventBridgeSchedule(() -> SchedulerClients.create(config.region()), w.group(), w.roleArn(), w.targetArn()))
                .orElse(PublishSchedule.NONE));
    }

    /**
     * @param clock    what "now" is for publish times and expiries
     * @param schedule sets the wake-ups that come back as wake events
     */
    public PublishHandler(FunctionConfig config, S3Http s3, CloudFrontInvalidator cdn, Clock clock, PublishSchedule schedule) {
        this(config, s3, cdn, clock, schedule, config.draftKeySecret()
                .map(secret -> DraftLinks.keyedBy(new SecretsManagerDraftKey(() -> SecretsManagerClients.create(config.region()), secret),
                        DRAFT_KEY_KEPT))
                .orElse(DraftLinks.NONE));
    }

    /** @param drafts where drafts are shared for review, and with which key */
    public PublishHandler(FunctionConfig config, S3Http s3, CloudFrontInvalidator cdn, Clock clock, PublishSchedule schedule,
                          DraftLinks drafts) {
        this.config = config;
        this.drafts = drafts;
        this.cdn = Optional.ofNullable(cdn);
        this.clock = clock;
        this.schedule = schedule;
        this.fanOut = RebuildStarter.fromEnvironment(System.getenv(), config.region());
        String queue = System.getenv().getOrDefault(SqsClients.PUBLISH_QUEUE, "").strip();
        this.refreshes = queue.isEmpty() ? Optional.empty()
                : Optional.of(new SqsRefreshRequests(() -> SqsClients.create(config.region()), queue));
        if (s3 == null && warmsUp(System.getenv())) {
            WarmUp.start();
        }
        S3Http client = s3 != null ? s3 : S3Clients.create(config);
        connect(client);
        this.priming = s3 != null ? null : SnapStartPriming.register(this, config, client);
    }

    /**
     * Whether the production handler starts a {@link WarmUp} at init, so that the parse and render code loads on a
     * second core while the first event reads S3. Not under SnapStart: its priming runs far more before the snapshot.
     */
    static boolean warmsUp(Map<String, String> environment) {
        return !"snap-start".equals(environment.get(INITIALIZATION_TYPE));
    }

    /** Points the stores at a client: at construction, and with a new client after a SnapStart restore. */
    void connect(S3Http client) {
        this.publisher = new Publisher(
                new S3ContentStore(client, config.contentBucket(), config.contentPrefix()),
                new S3SiteStore(client, config.siteBucket(), config.gzipSite()), clock, schedule, drafts);
        fanOut.ifPresent(starter -> publisher.fanOutRebuildsThrough(starter::start));  // a site.yaml or theme upload too
        refreshes.ifPresent(publisher::leavePagesToRefreshesThrough);
    }

    /**
     * From now on a queue batch leaves its index pages and neighbours' pages to a refresh it asks for through
     * {@code requests}, as {@value SqsClients#PUBLISH_QUEUE} says on AWS (docs/queueing.md, <em>Refreshes</em>).
     */
    public void leavePagesToRefreshesThrough(RefreshRequests requests) {
        this.refreshes = Optional.of(requests);
        publisher.leavePagesToRefreshesThrough(requests);
    }

    /** Re-renders through {@code starter}'s state machine from now on, as {@value RebuildStarter#STATE_MACHINE} says on AWS. */
    void fanOutThrough(RebuildStarter starter) {
        this.fanOut = Optional.of(starter);
        publisher.fanOutRebuildsThrough(starter::start);
    }

    /** The publisher, for {@link RebuildStepHandler}: a chunk renders with the writer's stores and settings. */
    Publisher publisher() {
        return publisher;
    }

    String siteBucket() {
        return config.siteBucket();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Tree event = TreeReader.readJson(input);
        Consumer<String> log = context == null || context.getLogger() == null ? System.out::println : context.getLogger()::log;
        // Lambda's retries of an invocation keep its request id: the invalidation they ask for is the same one.
        String requestId = context == null || context.getAwsRequestId() == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        Map<String, Object> result;
        if (event == null || event.isMissingNode()) {
            throw new IllegalArgumentException("the event is empty");
        } else if ("rebuild".equals(event.path("action").asText())) {
            result = rebuild(requestId, log);
        } else if (WakeEvent.ACTION.equals(event.path("action").asText())) {
            result = wake(WakeEvent.keyOf(event), requestId, log);
        } else if (QueuedChange.isQueueEvent(event)) {
            result = handleQueue(event, requestId, log, remainingMillis(context));
        } else if (event.has("Records")) {
            result = handleRecords(event, requestId, log, remainingMillis(context));
        } else if ("s3:TestEvent".equals(event.path("Event").asText())) {
            log.accept(JsonText.of(logLine("", "skipped", "s3:TestEvent", 0)));
            result = answer("skipped", "s3:TestEvent");
        } else {
            throw new IllegalArgumentException("not an S3 notification, {\"action\":\"rebuild\"} nor {\"action\":\"wake\",\"key\":...}");
        }
        JsonText.write(result, output);
    }

    private static IntSupplier remainingMillis(Context context) {
        return context == null ? () -> Integer.MAX_VALUE : context::getRemainingTimeInMillis;
    }

    private Map<String, Object> handleRecords(Tree event, String requestId, Consumer<String> log, IntSupplier remainingMillis) {
        List<S3Notification> records = S3Notification.fromEvent(event);
        Batch done = publishInOrder(records, Refresh.NONE, requestId, log, remainingMillis);
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            result.put(records.get(i).key(), i < done.outcomes().size() ? done.outcomes().get(i) : "failed-will-retry");
        }
        List<String> retryable = records.subList(records.size() - done.toRetry(), records.size()).stream().map(S3Notification::key).toList();
        if (!retryable.isEmpty()) {
            throw new RetryableFailureException(retryable);
        }
        return result;
    }

    /**
     * A batch from the FIFO queue. The records are published in the queue's order; from the first record that
     * failed in a way a retry can fix, that record and every later one are reported in {@code batchItemFailures}, so
     * the queue hands them back in the same order and nothing already done is done again. A message that is not an
     * S3 event is reported alone, at every receive, until the queue's redrive policy moves it to the dead-letter
     * queue; it names no key, so the records after it go on. A rebuild message re-renders the site first, from the
     * bucket as it is now, which the batch's changes are already in; they then report their statuses.
     */
    private Map<String, Object> handleQueue(Tree event, String requestId, Consumer<String> log, IntSupplier remainingMillis) {
        List<QueuedChange> messages = QueuedChange.fromEvent(event, config.contentBucket(), config.contentPrefix());
        Set<String> failed = new HashSet<>();
        for (QueuedChange commit : messages.stream().filter(m -> !m.commitRun().isEmpty()).toList()) {
            try {
                commitRebuild(commit.commitRun(), requestId, log);
            } catch (RuntimeException e) {
                // Handed back, so the queue retries it and, if it keeps failing, moves it to the dead-letter queue.
                boolean retryable = e instanceof StoreException s && s.retryable();
                log.accept(JsonText.of(logLine("", retryable ? "failed-will-retry" : "failed", "rebuild " + commit.commitRun() + ": " + e.getMessage(), 0)));
                failed.add(commit.messageId());
            }
        }
        List<QueuedChange> rebuilds = messages.stream().filter(QueuedChange::rebuild).toList();
        if (!rebuilds.isEmpty()) {
            try {
                rebuild(requestId, log);
            } catch (StoreException e) {
                log.accept(JsonText.of(logLine("", e.retryable() ? "failed-will-retry" : "failed", "rebuild: " + e.getMessage(), 0)));
                // A rebuild that a retry can fix comes back with the whole batch, which waits for it.
                (e.retryable() ? messages : rebuilds).forEach(m -> failed.add(m.messageId()));
            }
        }
        List<QueuedChange> changes = messages.stream().filter(m -> m.change() != null && !failed.contains(m.messageId())).toList();
        List<QueuedChange> refreshing = messages.stream().filter(QueuedChange::refresh).toList();
        // A refresh with changes behind it leaves the paying to theirs, unless the pages have waited long enough. A full
        // batch says more is queued: its last message may be a refresh, and uploads still wait behind it.
        boolean queueRanDry = messages.size() < FULL_BATCH && messages.get(messages.size() - 1).refresh();
        Refresh refresh = refreshing.isEmpty() ? Refresh.NONE : queueRanDry ? Refresh.LAST : Refresh.FOLLOWED;
        Batch done = publishInOrder(changes.stream().map(QueuedChange::change).toList(), refresh, requestId, log, remainingMillis);
        log.accept(JsonText.of(done.logLine()));
        changes.subList(changes.size() - done.toRetry(), changes.size()).forEach(m -> failed.add(m.messageId()));
        if (done.published().handBackCause().isPresent()) {
            refreshing.forEach(m -> failed.add(m.messageId()));  // the pages owed may not all be written: it comes again
        }
        for (QueuedChange message : messages) {
            if (!message.isReadable()) {
                log.accept(JsonText.of(logLine("", "failed", "message " + message.messageId() + ": " + message.unreadable(), 0)));
                failed.add(message.messageId());
            }
        }
        List<Map<String, Object>> failures = messages.stream().filter(m -> failed.contains(m.messageId()))
                .map(m -> answer("itemIdentifier", m.messageId())).toList();
        return answer("batchItemFailures", failures);
    }

    /** What became of a batch: one outcome per record before the first one handed back, and how many are handed back. */
    private record Batch(List<String> outcomes, int toRetry, BatchOutcome published) {

        /** The queue batch's own log line: its records and keys, its commits, and how long they took. */
        Map<String, Object> logLine() {
            Map<String, Object> line = PublishHandler.logLine("", "batch",
                    published.afterCommit().map(e -> "after the commit: " + e.getMessage()).orElse(""), published.commitMillis());
            line.put("records", outcomes.size() + toRetry);
            line.put("keys", published.distinctKeys());
            line.put("commits", published.commits());
            line.put("commitMs", published.commitMillis());
            line.put("handedBack", toRetry);
            return line;
        }
    }

    /**
     * The one place a batch of changes is published: as one commit, as if in order ({@link Publisher#publish}). From
     * the first record that hit an error a retry can fix, that record and the ones after it are handed back: they
     * could depend on it (a later edit of the same file), so they wait for it.
     *
     * @param refresh the refresh the batch holds, which may write the pages batches before it left owed
     * @return the outcomes of the records done, and how many records, from the first one not done to the end, must be
     *         handed back to be retried
     */
    private Batch publishInOrder(List<S3Notification> batch, Refresh refresh, String requestId, Consumer<String> log,
                                 IntSupplier remainingMillis) {
        List<SourceChange> changes = new ArrayList<>();
        // Record i's changes are changes[first[i], first[i + 1]): none when it is skipped, two when its key may be form-encoded.
        int[] first = new int[batch.size() + 1];
        List<Synced> skipped = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            first[i] = changes.size();
            S3Notification record = batch.get(i);
            skipped.add(skipReason(record).map(Synced::skipped).orElse(null));
            if (skipped.get(i) == null) {
                changes.add(new SourceChange(record.key().substring(config.contentPrefix().length()), record.etag(), record.sequencer()));
                record.otherSpelling().filter(other -> other.startsWith(config.contentPrefix()))
                        .ifPresent(other -> changes.add(SourceChange.of(other.substring(config.contentPrefix().length()))));
            }
        }
        first[batch.size()] = changes.size();
        // A commit started with too little time left would time the whole invocation out, done records and all: with
        // little time, the batch publishes its first record only, and a site.yaml's re-render starts no further commit.
        int started = remainingMillis.getAsInt() < TIME_RESERVE_MILLIS ? Math.min(1, batch.size()) : batch.size();
        BatchOutcome done = publisher.publish(changes.subList(0, first[started]), () -> remainingMillis.getAsInt() >= TIME_RESERVE_MILLIS,
                refresh);

        List<String> outcomes = new ArrayList<>();
        // Site paths whose cached copies the records made stale; pages and feeds need none (max-age=60).
        List<String> stale = new ArrayList<>();
        int handedBack = started;
        for (int i = 0; i < started; i++) {
            if (first[i + 1] > done.handedBackFrom()) {
                handedBack = i;
                break;
            }
            Synced synced = skipped.get(i);
            for (int c = first[i]; c < first[i + 1]; c++) {
                Synced change = synced(changes.get(c).key(), done.results().get(c));
                Map<String, Object> line = change.logLine(config.contentPrefix() + changes.get(c).key());
                if (batch.get(i).isWakeUp()) {
                    line.put("woken", true);
                }
                log.accept(JsonText.of(line));
                stale.addAll(change.stale());
                synced = synced == null ? change : synced;
            }
            if (first[i] == first[i + 1]) {
                log.accept(JsonText.of(synced.logLine(batch.get(i).key())));
            }
            outcomes.add(synced.outcome());
        }
        String cause = handedBack == started ? BatchOutcome.OUT_OF_TIME
                : done.handBackCause().map(e -> e.getMessage() == null ? e.toString() : e.getMessage()).orElse("");
        for (int i = handedBack; i < batch.size(); i++) {
            String reason = i == handedBack || cause.equals(BatchOutcome.OUT_OF_TIME) ? cause : "waits for an earlier record that will be retried";
            log.accept(JsonText.of(logLine(batch.get(i).key(), "failed-will-retry", reason, 0)));
        }
        invalidate(stale, requestId, log);
        return new Batch(outcomes, batch.size() - handedBack, done);
    }

    /** Why a record names no change of the content bucket's articles, images or site.yaml; empty when it does. */
    private Optional<String> skipReason(S3Notification record) {
        if (!record.isObjectChange()) {
            return Optional.of("not an S3 object notification: " + record.eventName());
        } else if (!record.bucket().equals(config.contentBucket())) {
            return Optional.of("bucket " + record.bucket() + " is not the content bucket");
        } else if (!record.key().startsWith(config.contentPrefix())) {
            return Optional.of("outside the content prefix " + config.contentPrefix());
        }
        return Optional.empty();
    }

    /**
     * A wake-up came: the key is published again as the bucket holds it now, so an edit or deletion since the
     * wake-up was set is what counts, and the publish window is judged at this moment.
     */
    private Map<String, Object> wake(String key, String requestId, Consumer<String> log) {
        String objectKey = config.contentPrefix() + key;
        Synced synced = sync(new SourceChange(key, "", ""));
        Map<String, Object> line = synced.logLine(objectKey);
        line.put("woken", true);
        log.accept(JsonText.of(line));
        invalidate(synced.stale(), requestId, log);
        if (synced.retryable()) {
            throw new RetryableFailureException(List.of(objectKey));
        }
        return answer(objectKey, synced.outcome());
    }

    /** What syncing one content key did, for the log line and the invocation's result. */
    private record Synced(String outcome, String reason, List<String> warnings, boolean siteConfigRejected, List<String> stale,
                          boolean retryable, long millis) {

        static Synced skipped(String reason) {
            return new Synced("skipped", reason, List.of(), false, List.of(), false, 0);
        }

        Map<String, Object> logLine(String objectKey) {
            Map<String, Object> line = PublishHandler.logLine(objectKey, outcome, reason, millis);
            if (!warnings.isEmpty()) {
                line.put("warnings", List.copyOf(warnings));
            }
            if (siteConfigRejected) {
                markRejectedSiteConfig(line);
            }
            return line;
        }
    }

    /** What one change of a batch did. */
    private static Synced synced(String key, BatchOutcome.Result result) {
        if (result.outcome().isPresent()) {
            return synced(key, result.outcome().get(), result.millis());
        }
        RuntimeException e = result.failure().orElseThrow();
        boolean retryable = e instanceof StoreException s && s.retryable();
        return new Synced(retryable ? "failed-will-retry" : "failed", e.getMessage() == null ? e.toString() : e.getMessage(), List.of(), false,
                List.of(), retryable, result.millis());
    }

    private static Synced synced(String key, Outcome done, long millis) {
        // One spelling for every outcome in the logs: rebuild-started, as the action's own line says.
        return new Synced(done.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), done.reason(), done.warnings(),
                done.kind() == Outcome.Kind.REJECTED && key.equals(SiteConfig.FILE_NAME), done.changed(), false, millis);
    }

    /** Syncs one key; a failure is caught and described, retryable or not. */
    private Synced sync(SourceChange change) {
        long started = System.nanoTime();
        try {
            return synced(change.key(), publisher.sync(change), millisSince(started));
        } catch (StoreException e) {
            return new Synced(e.retryable() ? "failed-will-retry" : "failed", e.getMessage(), List.of(), false, List.of(), e.retryable(),
                    millisSince(started));
        } catch (RuntimeException e) {
            return new Synced("failed", e.getMessage() == null ? e.toString() : e.getMessage(), List.of(), false, List.of(), false,
                    millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * Re-renders the site: in this invocation, or, where a state machine is configured, by starting it and returning
     * (its last step sends the commit back to this function's queue, {@link #commitRebuild}).
     */
    private Map<String, Object> rebuild(String requestId, Consumer<String> log) {
        if (fanOut.isPresent()) {
            // Lambda's retries keep the request id, and Step Functions refuses a second execution of one name.
            String run = "rebuild-" + requestId.replaceAll("[^A-Za-z0-9_-]", "-");
            run = run.substring(0, Math.min(80, run.length()));
            fanOut.get().start(run);
            log.accept(JsonText.of(logLine("", "rebuild-started", run, 0)));
            return answer("started", run);
        }
        long started = System.nanoTime();
        return reportRebuild(publisher.rebuild(), started, requestId, log);
    }

    /** Commits a fanned-out re-render whose chunks are all rendered: one writer writes the manifest. */
    private Map<String, Object> commitRebuild(String run, String requestId, Consumer<String> log) {
        long started = System.nanoTime();
        return reportRebuild(publisher.rebuildRun(run).commit(), started, requestId, log);
    }

    private Map<String, Object> reportRebuild(Rebuild.Report report, long started, String requestId, Consumer<String> log) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        report.rejected().forEach(e -> {
            Map<String, Object> line = logLine(config.contentPrefix() + e.file(), "rejected", e.getMessage(), 0);
            if (e.file().equals(SiteConfig.FILE_NAME)) {
                markRejectedSiteConfig(line);
            }
            log.accept(JsonText.of(line));
        });
        log.accept(JsonText.of(logLine("", "rebuilt", report.published() + " published, " + report.rejected().size() + " rejected", millis)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("published", report.published());
        result.put("drafts", report.drafts());
        result.put("rejected", report.rejected().size());
        result.put("brokenLinks", report.brokenLinks());
        result.put("pagesRemoved", report.pagesRemoved());
        result.put("millis", millis);
        result.put("filesWritten", report.filesWritten());
        if (!report.changedNothing()) {
            invalidate(List.of(CloudFrontInvalidator.EVERYTHING), requestId, log).ifPresent(status -> result.put("invalidation", status));
        }
        return result;
    }

    /**
     * One CloudFront invalidation for the paths (none when there are none or no distribution). A failure is logged
     * and reported, and does not fail the invocation: the site bucket is already right and every page expires from
     * the CDN within 60 s anyway, whereas a retry would redo the whole invocation (a full re-render) for nothing more.
     *
     * @return the invalidation's id, or "failed: ..."; empty when nothing was asked of CloudFront
     */
    private Optional<String> invalidate(List<String> paths, String requestId, Consumer<String> log) {
        if (cdn.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            return cdn.get().invalidate(paths, requestId).map(done -> {
                log.accept(JsonText.of(logLine("", "invalidated", done.id() + " " + String.join(" ", done.paths()), (System.nanoTime() - started) / 1_000_000)));
                return done.id();
            });
        } catch (CloudFrontInvalidator.InvalidationFailedException e) {
            log.accept(JsonText.of(logLine("", "invalidation-failed", e.getMessage(), (System.nanoTime() - started) / 1_000_000)));
            return Optional.of("failed: " + e.getMessage());
        }
    }

    /** One structured line per record, for CloudWatch Logs Insights. */
    private static Map<String, Object> logLine(String key, String outcome, String reason, long millis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("key", key);
        line.put("outcome", outcome);
        if (!reason.isEmpty()) {
            line.put("reason", reason);
        }
        line.put("durationMs", millis);
        return line;
    }

    /**
     * A rejected site.yaml stops no publishing, so nothing fails: this field is what the template's metric filter
     * counts and alarms on, since the site shows the last good configuration until the owner fixes it.
     */
    /** An answer of one field, as the function returns them: {@code {"started": "rebuild-..."}}. */
    private static Map<String, Object> answer(String key, Object value) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(key, value);
        return answer;
    }

    private static void markRejectedSiteConfig(Map<String, Object> line) {
        line.put(SITE_CONFIG_REJECTED, true);
    }
}
