package dev.galley.aws.sqs;

import dev.galley.aws.http.HttpExchange;
import dev.galley.aws.http.HttpExchange.Answer;
import dev.galley.tree.JsonText;
import dev.galley.tree.Tree;
import dev.galley.tree.TreeReader;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one SQS call the function makes, SendMessage to a FIFO queue, in SQS's JSON protocol over
 * {@link HttpExchange} with the SDK's SigV4 signer: the SDK's SQS client would load some 1,400 classes into the
 * first batch of every container (docs/libraries.md, <em>Galley's own S3 client</em>, for the same choice).
 * No answer, 5xx and throttling are tried three times with backoff. Thread-safe: one per container.
 */
public final class SqsHttp {

    private static final int MAX_ATTEMPTS = 3;

    private final String region;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final int connectTimeoutMillis;
    private final int answerTimeoutMillis;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** @param endpoint an endpoint override (SQS-compatible servers in tests); otherwise the queue URL's origin */
    public SqsHttp(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials, Duration connectTimeout,
                   Duration answerTimeout) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.answerTimeoutMillis = Math.toIntExact(answerTimeout.toMillis());
    }

    /**
     * Sends {@code body} to the FIFO queue at {@code queueUrl}; returns the message id.
     *
     * @throws IOException when SQS refused the message or no attempt got an answer
     */
    public String sendMessage(String queueUrl, String groupId, String deduplicationId, String body) throws IOException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("QueueUrl", queueUrl);
        request.put("MessageBody", body);
        request.put("MessageGroupId", groupId);
        request.put("MessageDeduplicationId", deduplicationId);
        byte[] payload = JsonText.bytes(request, false);
        URI target = endpoint.orElseGet(() -> {
            URI queue = URI.create(queueUrl);  // https://sqs.<region>.amazonaws.com/<account>/<name>
            return URI.create(queue.getScheme() + "://" + queue.getRawAuthority() + "/");
        });
        for (int attempt = 1; ; attempt++) {
            IOException failure;
            boolean retryable = true;
            try {
                Answer answer = HttpExchange.exchange(signed(target, payload), payload, Integer.MAX_VALUE,
                        connectTimeoutMillis, answerTimeoutMillis);
                if (answer.status() / 100 == 2) {
                    return TreeReader.readJson(answer.body()).path("MessageId").asText();
                }
                Tree error = TreeReader.readJson(answer.body());
                String type = error.path("__type").asText("");
                retryable = answer.status() >= 500 || answer.status() == 429 || type.contains("Throttl");
                failure = new IOException("SendMessage to " + queueUrl + ": " + answer.status() + " " + type + ": "
                        + error.path("message").asText(error.path("Message").asText("")));
            } catch (IOException unanswered) {
                failure = new IOException("SendMessage to " + queueUrl + ": " + unanswered, unanswered);
            }
            if (!retryable || attempt == MAX_ATTEMPTS) {
                throw failure;
            }
            try {
                HttpExchange.pauseAfter(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to retry SendMessage", e);
            }
        }
    }

    private SdkHttpRequest signed(URI target, byte[] payload) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .uri(target)
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AmazonSQS.SendMessage")
                .build();
        return signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sqs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
    }
}
