package dev.galley.aws;

import dev.galley.publish.PublishSchedule;
import dev.galley.publish.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.SqsParameters;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.utils.Lazy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Wake-ups as EventBridge Scheduler one-time schedules: {@code at(...)} in UTC, in one schedule group, sending the
 * publish queue a {@link WakeEvent} and deleted by the scheduler once they have run. A file's schedule is
 * named after a hash of its key (keys may be longer than a name and hold characters a name may not), so setting
 * it again replaces it.
 */
public final class EventBridgeSchedule implements PublishSchedule {

    /** The publish queue's one message group (the template's), which wake-ups join so one writer handles them in turn. */
    static final String MESSAGE_GROUP = "galley-content";
    /** Schedule names are at most 64 characters of [0-9a-zA-Z-_.]. */
    private static final String NAME_PREFIX = "galley-wake-";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_DESCRIPTION = 512;

    private final Lazy<SchedulerClient> client;
    private final String group;
    private final String roleArn;
    private final String targetArn;

    /**
     * @param clientFactory builds the client on the first wake-up set or dropped: most uploads touch none, so they
     *                      never load the scheduler's SDK classes
     * @param group         the schedule group
     * @param roleArn       the role the scheduler invokes the target with
     * @param targetArn     what the wake-ups are sent to: the publish queue (a FIFO queue, in its one message group)
     */
    public EventBridgeSchedule(Supplier<SchedulerClient> clientFactory, String group, String roleArn, String targetArn) {
        this.client = new Lazy<>(clientFactory);
        this.group = group;
        this.roleArn = roleArn;
        this.targetArn = targetArn;
    }

    /** A FIFO queue's ARN ({@code arn:aws:sqs:<region>:<account>:<name>.fifo}), which takes a message group. */
    static boolean isFifoQueue(String arn) {
        return arn.contains(":sqs:") && arn.endsWith(".fifo");
    }

    /** The schedule name of a content file's wake-up. */
    public static String scheduleName(String sourceKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceKey.getBytes(StandardCharsets.UTF_8));
            return NAME_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code at()} expression: whole seconds, rounded up, so the wake-up never comes before its time. */
    static String atExpression(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        return "at(" + AT.format(second.equals(at) ? second : second.plusSeconds(1)) + ")";
    }

    @Override
    public void wakeAt(String sourceKey, Instant at) {
        String name = scheduleName(sourceKey);
        String expression = atExpression(at);
        String about = "wakes Galley for " + sourceKey;
        String description = about.substring(0, Math.min(about.length(), MAX_DESCRIPTION));
        FlexibleTimeWindow exactly = FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build();
        Target.Builder target = Target.builder().arn(targetArn).roleArn(roleArn).input(WakeEvent.json(sourceKey, at));
        if (isFifoQueue(targetArn)) {
            target.sqsParameters(SqsParameters.builder().messageGroupId(MESSAGE_GROUP).build());
        }
        call("setting the wake-up of " + sourceKey + " at " + at, () -> {
            try {
                client.getValue().createSchedule(r -> r.name(name).groupName(group).description(description)
                        .scheduleExpression(expression).scheduleExpressionTimezone("UTC").flexibleTimeWindow(exactly)
                        .state(ScheduleState.ENABLED).actionAfterCompletion(ActionAfterCompletion.DELETE).target(target.build()));
            } catch (ConflictException exists) {
                client.getValue().updateSchedule(r -> r.name(name).groupName(group).description(description)
                        .scheduleExpression(expression).scheduleExpressionTimezone("UTC").flexibleTimeWindow(exactly)
                        .state(ScheduleState.ENABLED).actionAfterCompletion(ActionAfterCompletion.DELETE).target(target.build()));
            }
        });
    }

    @Override
    public void cancel(String sourceKey) {
        call("dropping the wake-up of " + sourceKey, () -> {
            try {
                client.getValue().deleteSchedule(r -> r.name(scheduleName(sourceKey)).groupName(group));
            } catch (ResourceNotFoundException alreadyGone) {
                // it ran and deleted itself, or there never was one
            }
        });
    }

    /**
     * Scheduler failures in the core's terms. Only throttling, server errors and the network are retryable: a
     * refusal (access denied, a quota, a bad request) would fail every retry while the queue's records behind it
     * wait, so it fails the record at once and says why.
     */
    static boolean retryable(SdkException e) {
        if (e instanceof SdkServiceException refused) {
            return refused.isThrottlingException() || refused.statusCode() >= 500;
        }
        return true;  // no answer: the network, a timeout
    }

    private static void call(String what, Runnable request) {
        try {
            request.run();
        } catch (SdkException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), retryable(e), e);
        } catch (UncheckedIOException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), true, e);
        }
    }
}
