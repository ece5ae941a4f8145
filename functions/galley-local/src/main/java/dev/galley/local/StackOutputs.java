package dev.galley.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;

import java.util.Map;
import java.util.stream.Collectors;

/** The outputs of a deployed Galley stack that say where authors upload: {@code ContentBucketName}, {@code ContentPrefix}. */
record StackOutputs(String contentBucket, String contentPrefix) {

    static StackOutputs read(String stack, Region region, AwsCredentialsProvider credentials, String where) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Map<String, String> outputs = cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0).outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, output -> output.outputValue() == null ? "" : output.outputValue()));
            if (!outputs.containsKey("ContentBucketName")) {
                throw new AuthorError("the stack " + stack + " has no output ContentBucketName: is it a Galley stack?");
            }
            return new StackOutputs(outputs.get("ContentBucketName"), outputs.getOrDefault("ContentPrefix", ""));
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                throw new AuthorError("no stack " + stack + " in region " + region + ": check --stack and --region");
            }
            throw AwsFailures.explain(e, "", "region " + region, "reading the outputs of the stack " + stack);
        } catch (SdkException e) {
            throw AwsFailures.explain(e, "", where, "reading the outputs of the stack " + stack);
        }
    }
}
