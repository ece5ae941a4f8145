package dev.galley.aws.s3;

import dev.galley.aws.http.HttpExchange;
import dev.galley.aws.http.HttpExchange.Answer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The S3 requests Galley's stores make, and no others: the JDK's {@code HttpURLConnection} through
 * {@link HttpExchange}, the SDK's SigV4 signer and credential providers, StAX
 * for the XML answers. Every request is signed afresh for each attempt; failures worth another
 * attempt (no answer, 5xx, throttling) are retried with exponential backoff and full jitter, the others thrown at
 * once as {@link S3Failure}. Thread-safe: one per container.
 */
public final class S3Http {

    static final int MOST_KEYS_A_DELETE = 1000;

    private static final String METADATA_PREFIX = "x-amz-meta-";
    private static final int MAX_ATTEMPTS = 3;

    private final String region;
    private final S3Addresses addresses;
    private final AwsCredentialsProvider credentials;
    private final int connectTimeoutMillis;
    private final int answerTimeoutMillis;
    private final S3Observer observer;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint      an endpoint override (emulators, the preview): path-style requests to it
     * @param answerTimeout how long an attempt waits for the whole answer, body included
     */
    public S3Http(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials, Duration connectTimeout,
                  Duration answerTimeout, S3Observer observer) {
        this.region = region;
        this.addresses = new S3Addresses(region, endpoint);
        this.credentials = credentials;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.answerTimeoutMillis = Math.toIntExact(answerTimeout.toMillis());
        this.observer = observer;
    }

    /** GetObject: the first {@code limit} bytes of the object (of this version, unless null). */
    public S3Objects.Stored get(String bucket, String key, String versionId, int limit) {
        Request request = new Request("GetObject", SdkHttpMethod.GET, bucket, key);
        if (versionId != null) {
            request.query.put("versionId", versionId);
        }
        request.limit = limit;
        return send(request, answer -> new S3Objects.Stored(answer.body(), etag(answer), metadata(answer),
                tagCount(answer), form(answer)));
    }

    /** GetObject's {@code x-amz-tagging-count}, which AWS leaves out when the object has no tags. */
    private static int tagCount(Answer answer) {
        String count = answer.header("x-amz-tagging-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** HeadObject. */
    public S3Objects.Head head(String bucket, String key) {
        Request request = new Request("HeadObject", SdkHttpMethod.HEAD, bucket, key);
        return send(request, answer -> new S3Objects.Head(etag(answer), metadata(answer), form(answer)));
    }

    /** PutObject, with a Content-MD5 S3 checks the body against; returns the new ETag (without quotes). */
    public String put(String bucket, String key, byte[] bytes, S3Objects.Put put) {
        Request request = new Request("PutObject", SdkHttpMethod.PUT, bucket, key);
        request.body = bytes;
        request.headers.put("Content-Type", put.contentType());
        put.cacheControl().ifPresent(value -> request.headers.put("Cache-Control", value));
        put.contentEncoding().ifPresent(value -> request.headers.put("Content-Encoding", value));
        put.metadata().forEach((name, value) -> request.headers.put(METADATA_PREFIX + name, value));
        put.ifMatch().ifPresent(etag -> request.headers.put("If-Match", "\"" + etag + "\""));
        if (put.ifNoneMatch()) {
            request.headers.put("If-None-Match", "*");
        }
        return send(request, S3Http::etag);
    }

    /** DeleteObject (S3 answers 204 whether or not the key existed). */
    public void delete(String bucket, String key) {
        send(new Request("DeleteObject", SdkHttpMethod.DELETE, bucket, key), answer -> null);
    }

    /**
     * DeleteObjects: up to {@value #MOST_KEYS_A_DELETE} keys in one request (S3's limit); a key S3 could not delete
     * fails the call, naming it. Keys that do not exist are deleted as far as S3 is concerned.
     */
    public void deleteAll(String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += MOST_KEYS_A_DELETE) {
            List<String> some = keys.subList(from, Math.min(keys.size(), from + MOST_KEYS_A_DELETE));
            Request request = new Request("DeleteObjects", SdkHttpMethod.POST, bucket, "");
            request.query.put("delete", "");
            request.body = S3Xml.delete(some);
            request.headers.put("Content-Type", "application/xml");
            List<Map<String, String>> errors = S3Xml.deleteErrors(send(request, Answer::body));
            if (!errors.isEmpty()) {
                Map<String, String> first = errors.get(0);
                String code = first.getOrDefault("Code", "");
                throw S3Failure.answered(code.equals("AccessDenied") ? 403 : 500, code, "DeleteObjects s3://" + bucket + "/"
                        + first.getOrDefault("Key", "") + ": " + first.getOrDefault("Message", "") + " (and "
                        + (errors.size() - 1) + " more of " + some.size() + ")");
            }
        }
    }

    /** ListObjectsV2, every page. */
    public List<S3Objects.Listed> list(String bucket, String prefix) {
        return pages(() -> listing("ListObjectsV2", bucket, prefix, "list-type", "2"), S3Xml::objects);
    }

    /** ListObjectVersions, every page. */
    public List<S3Objects.Version> versions(String bucket, String prefix) {
        return pages(() -> listing("ListObjectVersions", bucket, prefix, "versions", ""), S3Xml::versions);
    }

    /** The first page's request of a listing under {@code prefix}: keys URL-encoded, {@code which} says of what. */
    private static Request listing(String operation, String bucket, String prefix, String which, String value) {
        Request request = new Request(operation, SdkHttpMethod.GET, bucket, "");
        request.query.put(which, value);
        request.query.put("prefix", prefix);
        request.query.put("encoding-type", "url");
        return request;
    }

    /** GetObjectTagging: the object's tags in S3's order. */
    public Map<String, String> tags(String bucket, String key) {
        Request request = new Request("GetObjectTagging", SdkHttpMethod.GET, bucket, key);
        request.query.put("tagging", "");
        return S3Xml.tags(send(request, Answer::body));
    }

    /** PutObjectTagging: replaces the object's tags (S3 requires the body's Content-MD5 here). */
    public void putTags(String bucket, String key, Map<String, String> tags) {
        Request request = new Request("PutObjectTagging", SdkHttpMethod.PUT, bucket, key);
        request.query.put("tagging", "");
        request.body = S3Xml.tagging(tags);
        request.headers.put("Content-Type", "application/xml");
        send(request, answer -> null);
    }

    private <T> List<T> pages(Supplier<Request> firstPage, Function<byte[], S3Xml.Page<T>> parse) {
        List<T> all = new ArrayList<>();
        Map<String, String> next = Map.of();
        do {
            Request request = firstPage.get();
            request.query.putAll(next);
            S3Xml.Page<T> page = parse.apply(send(request, Answer::body));
            all.addAll(page.items());
            next = page.next();
        } while (!next.isEmpty());
        return all;
    }

    /** One request: its method, object and what to add to it. */
    private static final class Request {
        final String operation;
        final SdkHttpMethod method;
        final String bucket;
        final String key;
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        /** How many bytes of the answer's body to keep. */
        int limit = Integer.MAX_VALUE;

        Request(String operation, SdkHttpMethod method, String bucket, String key) {
            this.operation = operation;
            this.method = method;
            this.bucket = bucket;
            this.key = key;
        }
    }

    private <T> T send(Request request, Function<Answer, T> reader) {
        S3Observer.S3Exchange exchange = new S3Observer.S3Exchange(request.operation, request.bucket, request.key,
                request.body == null ? 0 : request.body.length);
        if (request.body != null) {
            request.headers.put("Content-MD5", md5(request.body));
        }
        String what = request.operation + " s3://" + request.bucket + "/" + request.key;
        for (int attempt = 1; ; attempt++) {
            observer.sending(exchange);
            S3Failure failure = null;
            Answer answer = null;
            try {
                answer = HttpExchange.exchange(signed(request), request.body, request.limit, connectTimeoutMillis,
                        answerTimeoutMillis);
            } catch (SocketTimeoutException e) {
                failure = S3Failure.unanswered(what + ": no whole answer within " + answerTimeoutMillis + " ms (timed out)", e);
            } catch (IOException e) {
                failure = S3Failure.unanswered(what + ": " + e, e);
            }
            if (answer != null) {
                observer.received(exchange, answer.status(), answer.body().length);
                if (answer.status() / 100 == 2) {
                    return reader.apply(answer);
                }
                Map<String, String> fields = answer.body().length == 0 ? Map.of() : S3Xml.error(answer.body());
                failure = S3Failure.answered(answer.status(), fields.getOrDefault("Code", ""),
                        fields.getOrDefault("Message", "") + " (" + what + ")");
            }
            if (!failure.retryable() || attempt == MAX_ATTEMPTS) {
                throw failure;
            }
            pause(attempt);
        }
    }

    /** Signs with the SDK's SigV4 signer: the payload's SHA-256 over plain HTTP, {@code UNSIGNED-PAYLOAD} under TLS. */
    private SdkHttpRequest signed(Request request) {
        String origin = addresses.origin(request.bucket);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .uri(URI.create(origin))
                .encodedPath(addresses.path(request.bucket, request.key))
                .method(request.method);
        request.query.forEach(unsigned::putRawQueryParameter);
        request.headers.forEach(unsigned::putHeader);
        boolean tls = origin.startsWith("https:");
        return signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned.build())
                .payload(request.body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(request.body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, !tls)).request();
    }

    private static void pause(int attempt) {
        try {
            HttpExchange.pauseAfter(attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw S3Failure.unanswered("interrupted while waiting to retry", e);
        }
    }

    private static String etag(Answer answer) {
        String etag = answer.header("etag");
        return S3Xml.bareEtag(etag == null ? "" : etag);
    }

    private static S3Objects.Form form(Answer answer) {
        String type = answer.header("content-type");
        String encoding = answer.header("content-encoding");
        return new S3Objects.Form(type == null ? "" : type, encoding == null ? "" : encoding);
    }

    private static Map<String, String> metadata(Answer answer) {
        Map<String, String> metadata = new HashMap<>();
        answer.headers().forEach((name, values) -> {
            if (name.startsWith(METADATA_PREFIX) && !values.isEmpty()) {
                metadata.put(name.substring(METADATA_PREFIX.length()), values.get(0));
            }
        });
        return metadata;
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
