package dev.galley.local;

import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's two-way mirror between the content folder and the bucket, over HTTP against the embedded S3. */
class ContentFolderSyncTest {

    private static final String BUCKET = "content";

    @TempDir
    Path folder;
    private EmbeddedS3 server;
    private S3Client s3;
    private ContentFolderSync sync;

    @BeforeEach
    void start() {
        server = EmbeddedS3.builder().inMemory().build().start();
        server.createBucket(BUCKET);
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
        sync = new ContentFolderSync(folder, s3, BUCKET);
    }

    @AfterEach
    void stop() {
        s3.close();
        server.close();
    }

    @Test
    void objectsOnlyTheBucketHoldsAreWrittenIntoTheFolderNotDeleted() throws Exception {
        put("posts/from-the-cli.md", "uploaded with aws s3 cp");
        put("posts/image.png", "png bytes");

        assertEquals(List.of("posts/from-the-cli.md", "posts/image.png"), sync.converge(2).pulled());

        assertEquals("uploaded with aws s3 cp", Files.readString(folder.resolve("posts/from-the-cli.md")));
        assertEquals(List.of("posts/from-the-cli.md", "posts/image.png"), keys());
        assertEquals(List.of("posts/from-the-cli.md", "posts/image.png"), LocalPaths.listFiles(folder), "no partial file left");
    }

    @Test
    void aFileIsUploadedOnlyWhenTheBucketHoldsOtherBytes() throws Exception {
        Files.writeString(folder.resolve("a.md"), "first");
        assertTrue(sync.push("a.md"));
        assertFalse(sync.push("a.md"), "the same bytes again: no upload, so no notification and no loop");
        Files.writeString(folder.resolve("a.md"), "second");
        assertTrue(sync.push("a.md"));
        assertEquals("second", get("a.md"));
    }

    @Test
    void aChangeInTheBucketReachesTheFolderAndADeletionToo() throws Exception {
        Files.writeString(folder.resolve("a.md"), "first");
        sync.push("a.md");

        put("a.md", "edited with an S3 tool");
        sync.pull("a.md");
        assertEquals("edited with an S3 tool", Files.readString(folder.resolve("a.md")));
        assertFalse(sync.push("a.md"), "what was pulled is not uploaded back");

        s3.deleteObject(r -> r.bucket(BUCKET).key("a.md"));
        sync.pull("a.md");
        assertFalse(Files.exists(folder.resolve("a.md")));
        assertFalse(sync.push("a.md"));
        assertEquals(List.of(), keys());
    }

    @Test
    void theWatchersEventForAPulledFileNeverUploadsItBackOverTheBucketsLaterChange() throws Exception {
        put("a.md", "uploaded with an S3 tool");
        sync.pull("a.md");  // written into the folder: the watcher will report it, some time later

        s3.deleteObject(r -> r.bucket(BUCKET).key("a.md"));
        assertFalse(sync.push("a.md"), "the watcher's late event for the pulled file: the deletion's own notification decides");
        assertEquals(List.of(), keys());
        sync.pull("a.md");  // that notification
        assertFalse(Files.exists(folder.resolve("a.md")));

        put("b.md", "first");
        sync.pull("b.md");
        put("b.md", "second, with an S3 tool");
        assertFalse(sync.push("b.md"));
        assertEquals("second, with an S3 tool", get("b.md"));
    }

    @Test
    void aLateNotificationNeverOverwritesAnEditNotUploadedYet() throws Exception {
        Files.writeString(folder.resolve("a.md"), "first");
        sync.push("a.md");
        Files.writeString(folder.resolve("a.md"), "saved, not uploaded yet");

        sync.pull("a.md");  // the notification of "first" arrives now

        assertEquals("saved, not uploaded yet", Files.readString(folder.resolve("a.md")));
        assertTrue(sync.push("a.md"));
        assertEquals("saved, not uploaded yet", get("a.md"));
    }

    @Test
    void aFileDeletedInTheFolderIsDeletedInTheBucketButANewObjectIsNot() throws Exception {
        Files.writeString(folder.resolve("a.md"), "first");
        sync.push("a.md");
        Files.delete(folder.resolve("a.md"));
        put("b.md", "new in the bucket");

        assertTrue(sync.push("a.md"), "the author deleted a file both sides had");
        assertFalse(sync.push("b.md"), "the folder never had b.md: it is to be pulled, not deleted");

        assertEquals(List.of("b.md"), keys());
    }

    @Test
    void aDeletionInTheFolderNeverDeletesANewerUploadFromAnS3Tool() throws Exception {
        Files.writeString(folder.resolve("a.md"), "first");
        sync.push("a.md");
        put("a.md", "uploaded with an S3 tool");
        Files.delete(folder.resolve("a.md"));
        sync.pull("a.md");  // the folder changed since the agreement, so the pull leaves it

        assertFalse(sync.push("a.md"));

        assertEquals(List.of("a.md"), keys(), "the bucket keeps the version the folder never had");
        assertEquals("uploaded with an S3 tool", Files.readString(folder.resolve("a.md")), "and the folder gets it back");
    }

    @Test
    void aFolderRemovedOrRenamedTakesItsObjectsAlong() throws Exception {
        Files.createDirectories(folder.resolve("posts/2024"));
        Files.writeString(folder.resolve("posts/2024/a.md"), "a");
        Files.writeString(folder.resolve("posts/b.md"), "b");
        sync.push("posts/2024/a.md");
        sync.push("posts/b.md");
        Files.move(folder.resolve("posts"), folder.resolve("archive"));

        assertTrue(sync.push("posts"), "the watcher reports only the folder's name");
        List.of("archive/2024/a.md", "archive/b.md").forEach(sync::push);

        assertEquals(List.of("archive/2024/a.md", "archive/b.md"), keys());
    }

    @Test
    void theStartUploadsOnlyWhatTheBucketLacksDeletesNothingAndRemembersTheAgreement() throws Exception {
        Files.writeString(folder.resolve("same.md"), "both sides");
        Files.writeString(folder.resolve("edited.md"), "edited while the preview was stopped");
        put("same.md", "both sides");
        put("edited.md", "the old text");
        put("from-the-cli.md", "uploaded with aws s3 cp");

        ContentFolderSync.Converged first = sync.converge(4);

        assertEquals(1, first.uploaded(), "only the file whose bytes the bucket lacks");
        assertEquals(List.of("from-the-cli.md"), first.pulled());
        assertEquals("edited while the preview was stopped", get("edited.md"));
        assertEquals(List.of("edited.md", "from-the-cli.md", "same.md"), keys(), "nothing deleted");
        assertEquals(new ContentFolderSync.Converged(List.of(), 0), sync.converge(4), "a second start changes nothing");

        Files.delete(folder.resolve("same.md"));
        assertTrue(sync.push("same.md"), "a file both sides agreed on, deleted by the author, is deleted from the bucket");
        assertEquals(List.of("edited.md", "from-the-cli.md"), keys());
    }

    @Test
    void hiddenFilesStayWhereTheyAre() throws Exception {
        put(".DS_Store", "finder");
        assertEquals(List.of(), sync.converge(2).pulled());
        assertEquals(List.of(), LocalPaths.listFiles(folder));
    }

    private void put(String key, String text) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    private String get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String();
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).sorted().toList();
    }
}
