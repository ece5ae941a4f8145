import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.util.List;

/** Prototype only: the same five calls as MiniS3 through the SDK's S3 client, with the HTTP client named by args[3]. */
public class MiniSdk {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SdkHttpClient http = args[3].equals("apache")
                ? (SdkHttpClient) Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient").getMethod("create").invoke(null)
                : (SdkHttpClient) Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient").getMethod("create").invoke(null);
        S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(args[0])).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2])))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(http).build();
        s3.putObject(r -> r.bucket("proto").key("b/index.html"), RequestBody.fromString("<html>hello</html>"));
        String body = s3.getObjectAsBytes(r -> r.bucket("proto").key("b/index.html")).asUtf8String();
        s3.headObject(r -> r.bucket("proto").key("b/index.html"));
        boolean missing = false;
        try {
            s3.getObjectAsBytes(r -> r.bucket("proto").key("absent"));
        } catch (NoSuchKeyException e) {
            missing = true;
        }
        List<String> keys = s3.listObjectsV2(r -> r.bucket("proto").prefix("b/")).contents().stream().map(o -> o.key()).toList();
        System.out.println("MINISDK " + args[3] + " " + body + " missing=" + missing + " keys=" + keys + " ms=" + (System.nanoTime() - start) / 1_000_000);
    }
}
