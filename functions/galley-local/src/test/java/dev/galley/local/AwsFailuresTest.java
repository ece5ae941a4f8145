package dev.galley.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of AWS failure an author meets reads as one line that says what to do. */
class AwsFailuresTest {

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(s3(404, "NoSuchBucket"),
                        "no bucket galley-content-dev at region eu-west-1: check --bucket (the stack's ContentBucketName)"),
                Arguments.of(s3(403, "AccessDenied"),
                        "access denied while uploading hello.md in s3://galley-content-dev: the credentials in use may not do that; "
                                + "authors need s3:PutObject, s3:GetObjectTagging and s3:ListBucket on the content bucket"),
                Arguments.of(s3(403, "InvalidAccessKeyId"),
                        "AWS refused the credentials (InvalidAccessKeyId) while uploading hello.md: check AWS_PROFILE or "
                                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
                Arguments.of(s3(400, "ExpiredToken"),
                        "AWS refused the credentials (ExpiredToken) while uploading hello.md: check AWS_PROFILE or "
                                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
                Arguments.of(s3(301, "PermanentRedirect"),
                        "the bucket galley-content-dev is in another region than region eu-west-1: pass its --region"),
                // The SDK's DefaultCredentialsProvider, when no provider in its chain has credentials:
                Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain "
                                + "AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])"),
                        "no AWS credentials found: run aws configure, or set AWS_PROFILE, or AWS_ACCESS_KEY_ID "
                                + "and AWS_SECRET_ACCESS_KEY"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection refused",
                                new ConnectException("Connection refused")),
                        "cannot reach region eu-west-1 while uploading hello.md: is the preview running, or the network up? "
                                + "(Connection refused)"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: s3.eu-west-1.amazonaws.com",
                                new UnknownHostException("s3.eu-west-1.amazonaws.com")),
                        "cannot reach region eu-west-1 while uploading hello.md: is the preview running, or the network up? "
                                + "(s3.eu-west-1.amazonaws.com)"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureIsOneLineThatSaysWhatToDo(SdkException failure, String message) {
        assertEquals(message, AwsFailures.explain(failure, "galley-content-dev", "region eu-west-1", "uploading hello.md").getMessage());
    }
}
