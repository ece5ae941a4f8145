package dev.galley.local;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

/** Says in one line what a failed AWS call (S3, or CloudFormation for a stack's outputs) means to an author, and what to do. */
final class AwsFailures {

    private AwsFailures() {
    }

    /**
     * @param bucket the content bucket, "" when the call was not about it
     * @param where  the endpoint or region asked, for the message
     * @param doing  what was being done, such as "uploading posts/hello.md"
     */
    static AuthorError explain(SdkException e, String bucket, String where, String doing) {
        if (e instanceof SdkServiceException service) {
            String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : "";
            if ("NoSuchBucket".equals(code)) {
                return new AuthorError("no bucket " + bucket + " at " + where + ": check --bucket (the stack's ContentBucketName)");
            }
            if (service.statusCode() == 301 || "AuthorizationHeaderMalformed".equals(code)) {
                return new AuthorError("the bucket " + bucket + " is in another region than " + where + ": pass its --region");
            }
            if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code) || "ExpiredToken".equals(code)) {
                return new AuthorError("AWS refused the credentials (" + code + ") while " + doing
                        + ": check AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
            if (service.statusCode() == 403) {
                return new AuthorError("access denied while " + doing + (bucket.isEmpty() ? ": the credentials in use may not do that"
                        : " in s3://" + bucket + ": the credentials in use may not do that; authors need s3:PutObject, "
                        + "s3:GetObjectTagging and s3:ListBucket on the content bucket"));
            }
            return new AuthorError("AWS answered " + service.statusCode() + (code.isEmpty() ? "" : " " + code) + " while " + doing);
        }
        if (e instanceof SdkClientException) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Unable to load credentials")) {
                return new AuthorError("no AWS credentials found: run aws configure, or set AWS_PROFILE, "
                        + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
            if (message.startsWith("Unable to load region")) {
                return new AuthorError("no AWS region: pass --region, or set AWS_REGION, or a region in your AWS profile");
            }
            if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                    || hasCause(e, HttpConnectTimeoutException.class) || hasCause(e, java.net.SocketTimeoutException.class)) {
                return new AuthorError("cannot reach " + where + " while " + doing
                        + ": is the preview running, or the network up? (" + rootMessage(e) + ")");
            }
        }
        return new AuthorError("AWS failed while " + doing + ": " + rootMessage(e));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
