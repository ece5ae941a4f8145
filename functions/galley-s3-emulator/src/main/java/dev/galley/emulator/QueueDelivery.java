package dev.galley.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Delivers S3 notifications the way the deployed stack does: each becomes the EventBridge event S3 sends, put on an
 * SQS FIFO queue in one message group, and one poller hands the function batches from it as Lambda's SQS event
 * source mapping does with {@code ReportBatchItemFailures}. The messages the function reports failed (all of them,
 * if it throws) come back after the visibility timeout; a message received {@code maxReceiveCount} times goes to
 * the dead-letter queue. The queues live on any SQS-compatible server: {@link EmbeddedSqs}, moto_server, AWS.
 */
public final class QueueDelivery implements NotificationSink, AutoCloseable {

    /** The template's message group: one, so one batch is handled at a time, in order. */
    static final String MESSAGE_GROUP = "galley-content";
    private static final Logger LOG = LoggerFactory.getLogger(QueueDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BatchHandler handler;
    private final SqsClient sqs;
    private final String region;
    private final int batchSize;
    private final String queueUrl;
    private final String queueArn;
    private final String deadLetterQueueUrl;
    /** One thread, so messages are sent in the order the writes were announced. */
    private final ExecutorService sender;
    private final Thread poller;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sending = new AtomicLong();
    private volatile boolean handling;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong handedBack = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();

    private QueueDelivery(Builder builder) {
        this.handler = builder.handler;
        this.region = builder.region;
        this.batchSize = builder.batchSize;
        this.sqs = SqsClient.builder()
                .endpointOverride(builder.endpoint)
                .region(Region.of(builder.region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("galley", "galley")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String name = "galley-" + UUID.randomUUID().toString().substring(0, 8);
        this.deadLetterQueueUrl = sqs.createQueue(r -> r.queueName(name + "-dlq.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        String deadLetterArn = arn(deadLetterQueueUrl);
        this.queueUrl = sqs.createQueue(r -> r.queueName(name + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(builder.visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                        + builder.maxReceiveCount + "\"}"))).queueUrl();
        this.queueArn = arn(queueUrl);
        this.sender = Executors.newSingleThreadExecutor(daemon("queue-delivery-sender"));
        this.poller = daemon("queue-delivery-poller").newThread(this::poll);
        this.poller.start();
    }

    public static Builder builder(BatchHandler handler, URI sqsEndpoint) {
        return new Builder(handler, sqsEndpoint);
    }

    @Override
    public void accept(String eventJson) {
        String body = EventBridgeEvents.fromS3Notification(eventJson);
        sending.incrementAndGet();
        try {
            sender.execute(() -> {
                try {
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageGroupId(MESSAGE_GROUP).messageBody(body));
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    LOG.warn("could not put an event on the queue", e);
                } finally {
                    sending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException closed) {
            sending.decrementAndGet();
            LOG.debug("delivery closed; dropping an event");
        }
    }

    /**
     * Waits until nothing is being sent or handled and the queue holds no message, visible or in flight (messages
     * in the dead-letter queue do not count); false if that did not happen within the timeout.
     */
    public boolean awaitQuiescence(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // A batch being handled is still counted by the queue (in flight) until it is deleted.
            if (sending.get() == 0 && !handling && messagesIn(queueUrl) == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The queue's URL: where the function sends what it puts on its own queue (a refresh), as on AWS. */
    public String queueUrl() {
        return queueUrl;
    }

    public QueueStats stats() {
        return new QueueStats(sent.get(), batches.get(), failedInvocations.get(), handedBack.get(), deleted.get(),
                messagesIn(deadLetterQueueUrl));
    }

    /** The bodies of the messages in the dead-letter queue, oldest first (they stay there). */
    public List<String> deadLetters() {
        List<String> bodies = new ArrayList<>();
        for (Message m : sqs.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(10).visibilityTimeout(0)).messages()) {
            bodies.add(m.body());
        }
        return bodies;
    }

    /** Stops polling and sending; messages still queued are dropped with the queue's server. */
    @Override
    public void close() {
        running.set(false);
        sender.shutdownNow();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(10));
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sqs.close();
    }

    private void poll() {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    handling = true;
                    try {
                        deliver(messages);
                    } finally {
                        handling = false;
                    }
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("polling the queue failed", e);
                }
            }
        }
    }

    /** One invocation: the messages the function does not hand back are deleted, the others wait for their retry. */
    private void deliver(List<Message> messages) {
        batches.incrementAndGet();
        Set<String> failed = new HashSet<>();
        try {
            JsonNode response = JSON.readTree(handler.handle(lambdaEvent(messages)));
            response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        } catch (Exception e) {
            failedInvocations.incrementAndGet();
            LOG.debug("the batch failed", e);
            messages.forEach(m -> failed.add(m.messageId()));
        }
        handedBack.addAndGet(failed.size());
        List<DeleteMessageBatchRequestEntry> done = messages.stream().filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            deleted.addAndGet(done.size());
        }
    }

    /** The event Lambda's SQS event source hands the function. */
    private String lambdaEvent(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            ObjectNode attributes = record.putObject("attributes");
            m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.putObject("messageAttributes");
            record.put("md5OfBody", m.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return event.toString();
    }

    private long messagesIn(String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToLong(Long::parseLong).sum();
    }

    private String arn(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public static final class Builder {

        private final BatchHandler handler;
        private final URI endpoint;
        private String region = "us-east-1";
        private int batchSize = 10;
        private Duration visibilityTimeout = Duration.ofSeconds(2);
        private int maxReceiveCount = 5;

        private Builder(BatchHandler handler, URI endpoint) {
            this.handler = Objects.requireNonNull(handler);
            this.endpoint = Objects.requireNonNull(endpoint);
        }

        /** Messages per batch, 1 to 10 (Lambda's limit for FIFO queues). Defaults to the template's 10. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batchSize must be 1 to 10, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How long a message handed back waits before its next receive, in whole seconds. Defaults to 2 s; the
         * template's 600 s is for a function that may run 300 s, which no test wants to wait for.
         */
        public Builder visibilityTimeout(Duration timeout) {
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("visibilityTimeout must be at least 1 s, was " + timeout);
            }
            this.visibilityTimeout = timeout;
            return this;
        }

        /** Receives before a message goes to the dead-letter queue. Defaults to the template's 5. */
        public Builder maxReceiveCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxReceiveCount must be at least 1, was " + count);
            }
            this.maxReceiveCount = count;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Creates the queue and its dead-letter queue and starts polling. */
        public QueueDelivery build() {
            return new QueueDelivery(this);
        }
    }
}
