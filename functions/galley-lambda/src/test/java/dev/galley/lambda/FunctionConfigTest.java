package dev.galley.lambda;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionConfigTest {

    private static Map<String, String> environment(String gzip) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "GALLEY_CONTENT_BUCKET", "content", "GALLEY_SITE_BUCKET", "site"));
        if (gzip != null) {
            env.put(FunctionConfig.GZIP_SITE, gzip);
        }
        return env;
    }

    @Test
    void theSiteBucketHoldsTextGzipEncodedUnlessTheDeploymentSaysFalse() {
        assertTrue(FunctionConfig.fromEnvironment(environment(null)).gzipSite(), "on when unset");
        assertTrue(FunctionConfig.fromEnvironment(environment("true")).gzipSite());
        assertFalse(FunctionConfig.fromEnvironment(environment("false")).gzipSite());
    }

    @Test
    void aValueOtherThanTrueOrFalseNamesTheVariableRatherThanGuess() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FunctionConfig.fromEnvironment(environment("no")));

        assertTrue(e.getMessage().contains("GALLEY_SITE_GZIP") && e.getMessage().contains("no"), e.getMessage());
    }
}
