package software.amazon.awssdk.regions;

import software.amazon.awssdk.regions.servicemetadata.CloudfrontServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EnhancedS3ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SchedulerServiceMetadata;

/**
 * Replaces the SDK's class of this name in the deployment jar only (the pom keeps it out of the library jar). The
 * SDK's builds a map of all some 320 services' metadata, one class each, the first time any client is built, to
 * look up the signing region of the one being built; this one knows the services the function calls. ProGuard then
 * drops the other services' classes. An unknown service gets the SDK's own default, as with the SDK's class
 * ({@link ServiceMetadata#of} signs in the client's region).
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return switch (endpointPrefix) {
            case "s3" -> new EnhancedS3ServiceMetadata();
            case "cloudfront" -> new CloudfrontServiceMetadata();
            case "scheduler" -> new SchedulerServiceMetadata();
            default -> null;
        };
    }
}
