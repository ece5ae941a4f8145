package dev.galley.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes S3 event notification documents in the shape of
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
final class S3EventFactory {

    static final String CONFIGURATION_ID = "galley-emulator";
    private static final String SOURCE_IP = "127.0.0.1";
    private static final String OWNER_PRINCIPAL_ID = "GALLEYEMULATOR";
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();
    private final String region;
    private final String principalId;

    S3EventFactory(String region, String accessKey) {
        this.region = region;
        this.principalId = "AWS:" + accessKey;
    }

    /** An ObjectCreated:* record; the eTag is unquoted, as S3 writes it in events. */
    String created(String eventName, String bucket, String key, long size, String eTag, String versionId,
            String sequencer, Instant time) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode object = record(root, eventName, bucket, time);
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", unquote(eTag));
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", sequencer);
        return write(root);
    }

    /** An ObjectRemoved:* record, which in S3 carries neither size nor eTag. */
    String removed(String eventName, String bucket, String key, String versionId, String sequencer,
            Instant time) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode object = record(root, eventName, bucket, time);
        object.put("key", encodeKey(key));
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", sequencer);
        return write(root);
    }

    /** Fills in one record and returns its empty s3.object node. */
    private ObjectNode record(ObjectNode root, String eventName, String bucket, Instant time) {
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", EVENT_TIME.format(time));
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", principalId);
        record.putObject("requestParameters").put("sourceIPAddress", SOURCE_IP);
        ObjectNode responseElements = record.putObject("responseElements");
        responseElements.put("x-amz-request-id", randomHex(8));
        responseElements.put("x-amz-id-2", randomHex(32));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", CONFIGURATION_ID);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", OWNER_PRINCIPAL_ID);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        return s3.putObject("object");
    }

    /** S3 form-encodes the key in events: space as '+', UTF-8 percent-escapes, '/' left as is. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }

    private String write(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event document", e);
        }
    }
}
