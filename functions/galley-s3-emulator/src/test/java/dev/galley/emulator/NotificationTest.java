package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3 event notifications, checked against the record structure AWS documents. */
class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private static EmbeddedS3 s3;
    private static S3Client client;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.builder().inMemory().region("eu-west-1").notifications(EVENTS::add).build();
        s3.enableNotifications("content");
        s3.start();
        s3.createBucket("content");
        s3.createBucket("quiet");
        client = S3Clients.standard(s3);
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        EVENTS.clear();
    }

    @Test
    void putEmitsOneObjectCreatedPutRecordInTheDocumentedShape() throws Exception {
        String eTag = client.putObject(b -> b.bucket("content").key("posts/hello.md"),
                RequestBody.fromString("# Hello")).eTag();

        JsonNode document = JSON.readTree(single());
        assertEquals(1, document.get("Records").size());
        JsonNode record = document.get("Records").get(0);
        assertEquals("2.1", record.get("eventVersion").asText());
        assertEquals("aws:s3", record.get("eventSource").asText());
        assertEquals("eu-west-1", record.get("awsRegion").asText());
        assertTrue(record.get("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        Instant.parse(record.get("eventTime").asText());
        assertEquals("ObjectCreated:Put", record.get("eventName").asText());
        assertTrue(record.get("userIdentity").get("principalId").asText().length() > 0);
        assertEquals("127.0.0.1", record.get("requestParameters").get("sourceIPAddress").asText());
        assertTrue(record.get("responseElements").has("x-amz-request-id"));
        assertTrue(record.get("responseElements").has("x-amz-id-2"));

        JsonNode s3Entity = record.get("s3");
        assertEquals("1.0", s3Entity.get("s3SchemaVersion").asText());
        assertTrue(s3Entity.get("configurationId").asText().length() > 0);
        assertEquals("content", s3Entity.get("bucket").get("name").asText());
        assertTrue(s3Entity.get("bucket").get("ownerIdentity").has("principalId"));
        assertEquals("arn:aws:s3:::content", s3Entity.get("bucket").get("arn").asText());

        JsonNode object = s3Entity.get("object");
        assertEquals("posts/hello.md", object.get("key").asText());
        assertEquals(7, object.get("size").asLong());
        assertEquals(eTag.replace("\"", ""), object.get("eTag").asText());
        assertTrue(object.get("sequencer").asText().matches("[0-9A-F]+"));
        assertFalse(object.has("versionId"), "unversioned buckets carry no versionId");
    }

    @Test
    void keyIsFormUrlEncodedAsS3DoesIt() throws Exception {
        client.putObject(b -> b.bucket("content").key("drafts/my post é.md"), RequestBody.fromString("x"));

        assertEquals("drafts/my+post+%C3%A9.md", object(single()).get("key").asText());
    }

    @Test
    void laterWritesToAKeyHaveLargerSequencers() throws Exception {
        client.putObject(b -> b.bucket("content").key("seq.md"), RequestBody.fromString("v1"));
        client.putObject(b -> b.bucket("content").key("seq.md"), RequestBody.fromString("v2"));
        client.deleteObject(b -> b.bucket("content").key("seq.md"));
        client.putObject(b -> b.bucket("content").key("seq.md"), RequestBody.fromString("v3"));

        assertEquals(4, EVENTS.size());
        String previous = "";
        for (String event : EVENTS) {
            String sequencer = object(event).get("sequencer").asText();
            assertTrue(compareSequencers(sequencer, previous) > 0, sequencer + " after " + previous);
            previous = sequencer;
        }
    }

    @Test
    void rejectedConditionalPutEmitsNothing() {
        client.putObject(b -> b.bucket("content").key("guarded.md"), RequestBody.fromString("v1"));
        EVENTS.clear();

        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket("content").key("guarded.md").ifNoneMatch("*"), RequestBody.fromString("v2")));

        assertEquals(412, e.statusCode());
        assertTrue(EVENTS.isEmpty(), EVENTS.toString());
    }

    @Test
    void deleteEmitsObjectRemovedDeleteWithoutSizeOrETag() throws Exception {
        client.putObject(b -> b.bucket("content").key("gone.md"), RequestBody.fromString("bye"));
        EVENTS.clear();

        client.deleteObject(b -> b.bucket("content").key("gone.md"));

        JsonNode record = record(single());
        assertEquals("ObjectRemoved:Delete", record.get("eventName").asText());
        JsonNode object = record.get("s3").get("object");
        assertEquals("gone.md", object.get("key").asText());
        assertFalse(object.has("size"));
        assertFalse(object.has("eTag"));
        assertTrue(object.has("sequencer"));
    }

    /** S3 answers 204 for a missing key on an unversioned bucket and announces the delete all the same. */
    @Test
    void deletingAMissingKeyStillEmitsObjectRemovedDelete() throws Exception {
        client.deleteObject(b -> b.bucket("content").key("never-there.md"));

        assertEquals("ObjectRemoved:Delete", record(single()).get("eventName").asText());
    }

    @Test
    void batchDeleteEmitsOneRecordPerKey() throws Exception {
        client.putObject(b -> b.bucket("content").key("batch/a.md"), RequestBody.fromString("a"));
        client.putObject(b -> b.bucket("content").key("batch/b.md"), RequestBody.fromString("b"));
        EVENTS.clear();

        client.deleteObjects(b -> b.bucket("content").delete(d -> d.objects(
                ObjectIdentifier.builder().key("batch/a.md").build(),
                ObjectIdentifier.builder().key("batch/b.md").build())));

        assertEquals(2, EVENTS.size());
        for (String event : EVENTS) {
            assertEquals("ObjectRemoved:Delete", record(event).get("eventName").asText());
        }
    }

    @Test
    void copyEmitsObjectCreatedCopyForTheDestination() throws Exception {
        client.putObject(b -> b.bucket("content").key("original.md"), RequestBody.fromString("same"));
        EVENTS.clear();

        client.copyObject(b -> b.sourceBucket("content").sourceKey("original.md")
                .destinationBucket("content").destinationKey("copy.md"));

        JsonNode record = record(single());
        assertEquals("ObjectCreated:Copy", record.get("eventName").asText());
        assertEquals("copy.md", record.get("s3").get("object").get("key").asText());
        assertEquals(4, record.get("s3").get("object").get("size").asLong());
    }

    @Test
    void multipartUploadEmitsOnlyCompleteMultipartUpload() throws Exception {
        String uploadId = client.createMultipartUpload(b -> b.bucket("content").key("big.bin")).uploadId();
        String partETag = client.uploadPart(b -> b.bucket("content").key("big.bin").uploadId(uploadId)
                .partNumber(1), RequestBody.fromString("only part")).eTag();
        client.completeMultipartUpload(b -> b.bucket("content").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partETag).build())));

        JsonNode record = record(single());
        assertEquals("ObjectCreated:CompleteMultipartUpload", record.get("eventName").asText());
        assertEquals("big.bin", record.get("s3").get("object").get("key").asText());
        assertEquals(9, record.get("s3").get("object").get("size").asLong());
    }

    @Test
    void taggingEmitsNoNotification() {
        client.putObject(b -> b.bucket("content").key("tagged.md"), RequestBody.fromString("t"));
        EVENTS.clear();

        client.putObjectTagging(b -> b.bucket("content").key("tagged.md")
                .tagging(t -> t.tagSet(Tag.builder().key("rendered").value("yes").build())));
        client.deleteObjectTagging(b -> b.bucket("content").key("tagged.md"));

        assertTrue(EVENTS.isEmpty(), EVENTS.toString());
    }

    @Test
    void bucketsWithoutNotificationsEnabledStayQuiet() {
        client.putObject(b -> b.bucket("quiet").key("x.md"), RequestBody.fromString("x"));
        client.deleteObject(b -> b.bucket("quiet").key("x.md"));

        assertTrue(EVENTS.isEmpty(), EVENTS.toString());
    }

    /** S3's rule: right-pad the shorter with zeros, then compare as strings. */
    private static int compareSequencers(String a, String b) {
        int length = Math.max(a.length(), b.length());
        return pad(a, length).compareTo(pad(b, length));
    }

    private static String pad(String sequencer, int length) {
        return sequencer + "0".repeat(length - sequencer.length());
    }

    private static String single() {
        assertEquals(1, EVENTS.size(), EVENTS.toString());
        return EVENTS.get(0);
    }

    private static JsonNode record(String event) throws Exception {
        return JSON.readTree(event).get("Records").get(0);
    }

    private static JsonNode object(String event) throws Exception {
        return record(event).get("s3").get("object");
    }
}
