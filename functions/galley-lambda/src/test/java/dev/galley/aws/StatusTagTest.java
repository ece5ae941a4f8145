package dev.galley.aws;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status tags S3 accepts, whatever the reason or warning says: S3 refuses the whole tag set for one bad value. */
class StatusTagTest {

    private static final Pattern WHAT_S3_ALLOWS = Pattern.compile("[\\p{L}\\p{N} +\\-=._:/@]{0,256}");

    @Test
    void aLongValueIsCutTo256CharactersS3Allows() {
        S3ContentStore.Tag tag = S3ContentStore.tag("galley-warnings", "1 warning. the link /" + "very-long-path/".repeat(40) + " leads nowhere");
        assertEquals(256, tag.value().codePointCount(0, tag.value().length()));
        assertTrue(tag.value().endsWith("..."), tag.value());
        assertTrue(WHAT_S3_ALLOWS.matcher(tag.value()).matches(), tag.value());
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        S3ContentStore.Tag tag = S3ContentStore.tag("galley-reason", "a".repeat(252) + "\uD835\uDD04".repeat(10));  // mathematical Fraktur letters
        assertTrue(WHAT_S3_ALLOWS.matcher(tag.value()).matches(), tag.value());
        assertEquals(256, tag.value().codePointCount(0, tag.value().length()));
    }

    @Test
    void charactersS3RefusesBecomeSpaces() {
        assertEquals("line 2: site.yaml is not valid YAML: while parsing a flow sequence",
                S3ContentStore.tag("galley-reason", "line 2: site.yaml is not valid YAML: \"while parsing\" (a flow sequence)").value());
    }
}
