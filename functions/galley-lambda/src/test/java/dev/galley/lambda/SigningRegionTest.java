package dev.galley.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deployment jar's short table of service metadata (software.amazon.awssdk.regions.GeneratedServiceMetadataProvider
 * in this module, which these tests load ahead of the SDK's): each service the function calls keeps the SDK's own
 * metadata, endpoints and signing regions included; any other service gets the SDK's default.
 */
class SigningRegionTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "s3, software.amazon.awssdk.regions.servicemetadata.EnhancedS3ServiceMetadata",
            "cloudfront, software.amazon.awssdk.regions.servicemetadata.CloudfrontServiceMetadata",
            "scheduler, software.amazon.awssdk.regions.servicemetadata.SchedulerServiceMetadata",
    })
    void eachServiceTheFunctionCallsKeepsTheSdksMetadata(String service, String metadataClass) {
        assertEquals(metadataClass, ServiceMetadata.of(service).getClass().getName());
    }

    @Test
    void cloudFrontKeepsItsGlobalEndpoint() {
        assertEquals("cloudfront.amazonaws.com", ServiceMetadata.of("cloudfront").endpointFor(Region.AWS_GLOBAL).toString());
    }

    @Test
    void anotherServiceSignsInTheClientsRegion() {
        assertEquals(Region.EU_WEST_1, ServiceMetadata.of("sqs").signingRegion(Region.EU_WEST_1));
    }
}
