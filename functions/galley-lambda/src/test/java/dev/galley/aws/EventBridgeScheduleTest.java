package dev.galley.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.lambda.S3Endpoint;
import dev.galley.lambda.SchedulerClients;
import dev.galley.lambda.TestS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EventBridge Scheduler adapter over HTTP against moto_server: the real SDK client, its requests and errors. */
class EventBridgeScheduleTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/galley-scheduler";
    private static final String TARGET = "arn:aws:sqs:eu-west-1:123456789012:galley-prod-publish.fifo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto().inRegion("eu-west-1");
    private static SchedulerClient client;
    private String group;
    private EventBridgeSchedule schedule;

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /** Skips each test, saying why, where moto_server cannot run. */
    @BeforeEach
    void createGroup() {
        if (client == null) {
            S3Endpoint moto = MOTO.endpoint();
            client = SchedulerClients.create(moto.region(), moto.credentials(), Optional.of(moto.uri()));
        }
        group = "galley-" + UUID.randomUUID().toString().substring(0, 8);
        client.createScheduleGroup(r -> r.name(group));
        schedule = new EventBridgeSchedule(() -> client, group, ROLE, TARGET);
    }

    private GetScheduleResponse stored(String key) {
        return client.getSchedule(r -> r.groupName(group).name(EventBridgeSchedule.scheduleName(key)));
    }

    private List<ScheduleSummary> schedules() {
        return client.listSchedules(r -> r.groupName(group)).schedules();
    }

    @Test
    void aWakeUpIsAOneTimeScheduleThatSendsTheQueueAWakeEventInItsMessageGroupAndDeletesItself() throws Exception {
        schedule.wakeAt("posts/launch.md", Instant.parse("2026-06-03T08:00:00Z"));

        GetScheduleResponse stored = stored("posts/launch.md");
        assertEquals("at(2026-06-03T08:00:00)", stored.scheduleExpression());
        assertEquals("UTC", stored.scheduleExpressionTimezone());
        assertEquals(FlexibleTimeWindowMode.OFF, stored.flexibleTimeWindow().mode());
        assertEquals(ActionAfterCompletion.DELETE, stored.actionAfterCompletion());
        assertEquals(TARGET, stored.target().arn());
        assertEquals(ROLE, stored.target().roleArn());
        JsonNode input = JSON.readTree(stored.target().input());
        assertEquals("wake", input.path("action").asText());
        assertEquals("posts/launch.md", input.path("key").asText());
        assertEquals("2026-06-03T08:00:00Z", input.path("at").asText(), "two wake-ups of one file differ, so the FIFO queue keeps both");
        assertEquals("galley-content", stored.target().sqsParameters().messageGroupId());
    }

    @ParameterizedTest(name = "HTTP {0} {1}: retryable {2}")
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            403, AccessDeniedException,            false
            400, ValidationException,              false
            402, ServiceQuotaExceededException,    false
            400, ThrottlingException,              true
            429, TooManyRequestsException,         true
            500, InternalServerException,          true
            503, ServiceUnavailable,               true
            """)
    void onlyThrottlingAndServerErrorsAreRetriedNotARefusal(int status, String code, boolean retryable) {
        var e = software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode(code).build()).build();
        assertEquals(retryable, EventBridgeSchedule.retryable(e));
    }

    @Test
    void noAnswerAtAllIsRetried() {
        try (SchedulerClient closedPort = SchedulerClients.create("eu-west-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(java.net.URI.create("http://127.0.0.1:9")))) {
            dev.galley.publish.StoreException down = assertThrows(dev.galley.publish.StoreException.class,
                    () -> new EventBridgeSchedule(() -> closedPort, group, ROLE, TARGET).cancel("posts/launch.md"));
            assertTrue(down.retryable(), down.getMessage());
            assertTrue(down.getMessage().startsWith("dropping the wake-up of posts/launch.md failed"), down.getMessage());
        }
    }

    @Test
    void settingAWakeUpAgainMovesItInsteadOfAddingOne() {
        schedule.wakeAt("posts/launch.md", Instant.parse("2026-06-03T08:00:00Z"));
        schedule.wakeAt("posts/launch.md", Instant.parse("2026-06-05T17:30:00Z"));
        schedule.wakeAt("posts/other.md", Instant.parse("2026-07-01T00:00:00Z"));

        assertEquals(2, schedules().size());
        assertEquals("at(2026-06-05T17:30:00)", stored("posts/launch.md").scheduleExpression());
    }

    @Test
    void cancellingDropsTheWakeUpAndCancellingNoneIsNoError() {
        schedule.wakeAt("posts/launch.md", Instant.parse("2026-06-03T08:00:00Z"));
        schedule.cancel("posts/launch.md");
        schedule.cancel("posts/launch.md");
        schedule.cancel("posts/never-held.md");

        assertTrue(schedules().isEmpty());
        assertThrows(ResourceNotFoundException.class, () -> stored("posts/launch.md"));
    }

    @Test
    void aKeyOfAnyLengthAndAlphabetGetsAValidStableName() throws Exception {
        String key = "2024/été/" + "a-very-long-article-name-".repeat(40) + "ünïcode & spaces.md";
        schedule.wakeAt(key, Instant.parse("2026-06-03T08:00:00Z"));

        String name = EventBridgeSchedule.scheduleName(key);
        assertTrue(name.matches("[0-9a-zA-Z_.-]{1,64}"), name);
        assertEquals(name, schedules().get(0).name());
        assertEquals(key, JSON.readTree(stored(key).target().input()).path("key").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-03T08:00:00Z           | at(2026-06-03T08:00:00)
            2026-06-03T08:00:00.001Z       | at(2026-06-03T08:00:01)
            2026-12-31T23:59:59.500Z       | at(2027-01-01T00:00:00)
            """)
    void theExpressionIsInWholeSecondsNeverBeforeTheTime(Instant at, String expression) {
        assertEquals(expression, EventBridgeSchedule.atExpression(at));
    }
}
