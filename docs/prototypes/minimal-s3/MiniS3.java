import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prototype only (not product code): PUT, GET, HEAD, ListObjectsV2 signed with the SDK's SigV4 signer over the JDK's HTTP client. */
public class MiniS3 {
    static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static URI endpoint;
    static AwsCredentialsIdentity credentials;

    static HttpResponse<byte[]> call(SdkHttpMethod method, String bucket, String key, Map<String, String> query, byte[] body) throws Exception {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(endpoint)
                .encodedPath("/" + bucket + (key.isEmpty() ? "" : "/" + key));
        query.forEach(request::putRawQueryParameter);
        if (body != null) {
            request.putHeader("Content-Length", Integer.toString(body.length));
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials).request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, body != null)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri())
                .method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String> keys(byte[] xml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> keys = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Key")) {
                keys.add(reader.getElementText());
            }
        }
        return keys;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        endpoint = URI.create(args[0]);
        credentials = AwsCredentialsIdentity.create(args[1], args[2]);
        byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
        int put = call(SdkHttpMethod.PUT, "proto", "a/index.html", Map.of(), page).statusCode();
        HttpResponse<byte[]> get = call(SdkHttpMethod.GET, "proto", "a/index.html", Map.of(), null);
        int head = call(SdkHttpMethod.HEAD, "proto", "a/index.html", Map.of(), null).statusCode();
        int missing = call(SdkHttpMethod.GET, "proto", "absent", Map.of(), null).statusCode();
        List<String> keys = keys(call(SdkHttpMethod.GET, "proto", "", Map.of("list-type", "2", "prefix", "a/"), null).body());
        System.out.println("MINIS3 put=" + put + " get=" + get.statusCode() + " " + new String(get.body(), StandardCharsets.UTF_8)
                + " head=" + head + " missing=" + missing + " keys=" + keys + " ms=" + (System.nanoTime() - start) / 1_000_000);
    }
}
