package dev.galley.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galley.aws.SqsRefreshRequests;
import dev.galley.emulator.EmbeddedSqs;
import dev.galley.publish.RefreshRequests;
import dev.galley.publish.StoreException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
 * A batch's refresh reaches the publish queue through Galley's own SQS client, checked with the SDK's SQS client on
 * two independent servers: ElasticMQ, and moto_server where it is installed.
 */
class SqsRefreshRequestsTest {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("galley", "galley"));
    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto();
    private static EmbeddedSqs elasticMq;

    @BeforeAll
    static void startElasticMq() throws Exception {
        elasticMq = EmbeddedSqs.start();
    }

    @AfterAll
    static void stopElasticMq() throws Exception {
        elasticMq.close();
    }

    static Stream<String> servers() {
        return Stream.of("ElasticMQ", "moto");
    }

    private static URI endpoint(String server) {
        return server.equals("moto") ? MOTO.endpoint().uri() : elasticMq.endpoint();
    }

    private static SqsClient checker(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String fifoQueue(SqsClient sqs) {
        return sqs.createQueue(r -> r.queueName("publish-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                .queueUrl();
    }

    private static RefreshRequests refreshes(URI endpoint, String queueUrl) {
        return new SqsRefreshRequests(() -> SqsClients.create("us-east-1", CREDENTIALS, Optional.of(endpoint)), queueUrl);
    }

    private static List<Message> receiveAll(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(got.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                    .toList()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRefreshArrivesInThePublishGroupWithItsRoundsDeduplicationId(String server) {
        URI endpoint = endpoint(server);
        try (SqsClient sqs = checker(endpoint)) {
            String queue = fifoQueue(sqs);

            refreshes(endpoint, queue).request("commit-7f3a");

            List<Message> got = receiveAll(sqs, queue);
            assertEquals(1, got.size());
            assertEquals(RefreshRequests.BODY, got.get(0).body());
            // The template's one message group (SqsParameters.MessageGroupId), which the uploads are in too.
            assertEquals("galley-content", got.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
            assertEquals("commit-7f3a", got.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void twoDebtRoundsGetTwoRefreshesAndARoundAskedForAgainNoSecond(String server) {
        URI endpoint = endpoint(server);
        try (SqsClient sqs = checker(endpoint)) {
            String queue = fifoQueue(sqs);
            RefreshRequests refreshes = refreshes(endpoint, queue);

            refreshes.request("round-1");
            refreshes.request("round-2");
            refreshes.request("round-1");  // a later batch of the first round, or the first delivered again

            assertEquals(2, receiveAll(sqs, queue).size(), "the same body twice, kept apart by the round's id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aQueueThatIsNotThereFailsTheBatchNamingTheQueue(String server) {
        URI endpoint = endpoint(server);
        String missing = endpoint + "/000000000000/not-there.fifo";

        StoreException failure = assertThrows(StoreException.class, () -> refreshes(endpoint, missing).request("commit-1"));

        assertTrue(failure.getMessage().contains("not-there.fifo"), failure.getMessage());
    }

    @Test
    void aThrottledSendIsTriedAgainAndARefusalIsNot() throws IOException {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>(List.of(503, 400)));
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            int status = statuses.isEmpty() ? 200 : statuses.remove(0);
            String body = status == 503 ? "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"slow down\"}"
                    : status == 400 ? "{\"__type\":\"com.amazonaws.sqs#InvalidParameterValue\",\"message\":\"no group\"}"
                    : "{\"MessageId\":\"m-1\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

            StoreException refused = assertThrows(StoreException.class,
                    () -> refreshes(endpoint, endpoint + "/1/q.fifo").request("commit-1"));

            assertEquals(2, requests.get(), "503 tried again, then the 400 thrown at once");
            assertTrue(refused.getMessage().contains("InvalidParameterValue: no group"), refused.getMessage());
            refreshes(endpoint, endpoint + "/1/q.fifo").request("commit-2");
            assertEquals(3, requests.get());
        } finally {
            server.stop(0);
        }
    }
}
