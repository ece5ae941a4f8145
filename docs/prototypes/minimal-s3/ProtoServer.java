import dev.galley.emulator.EmbeddedS3;
public class ProtoServer {
    public static void main(String[] args) throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.builder().inMemory().build().start();
        s3.createBucket("proto");
        System.out.println(s3.endpoint() + " " + s3.accessKey() + " " + s3.secretKey());
        Thread.sleep(Long.MAX_VALUE);
    }
}
