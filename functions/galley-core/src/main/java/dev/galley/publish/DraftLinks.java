package dev.galley.publish;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Where a draft is shared for review: {@code drafts/<token>/}, the token an HMAC-SHA256 of the draft's source key
 * under the site's secret draft key. Only someone given the link finds the page: without the key, knowing the file
 * name tells nothing of the token. The token changes only when the source key (or the draft key) does.
 *
 * <p>The key is asked for at the first draft met, not before: on AWS it comes from Secrets Manager, which an upload of
 * a published article never needs to call.
 */
public final class DraftLinks {

    /** The folder of every shared draft, in the site. */
    public static final String ROOT = "drafts/";
    /** What the status of a shared draft says beside its link. */
    public static final String REASON = "share this link for review - it is not published";

    /** Drafts are not shared: they get no page, as before drafts could be shared. */
    public static final DraftLinks NONE = new DraftLinks(null, 0);

    /** 24 of the MAC's 32 bytes, 192 bits: 32 characters of base64url, and no way to guess one. */
    private static final int TOKEN_BYTES = 24;
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<byte[]> keySource;
    /** How long a key read is used before it is read again; {@code Long.MAX_VALUE}: for good. */
    private final long keepNanos;
    private volatile SecretKeySpec key;
    private volatile long readAt;

    private DraftLinks(Supplier<byte[]> keySource, long keepNanos) {
        this.keySource = keySource;
        this.keepNanos = keepNanos;
    }

    /** @param key asked for once, when the first draft's link is made */
    public static DraftLinks keyedBy(Supplier<byte[]> key) {
        return new DraftLinks(key, Long.MAX_VALUE);
    }

    /**
     * @param key  asked for when the first draft's link is made, and again at the first link made {@code keep}
     *             after: a key rotated in the store reaches every long-lived process within that time
     */
    public static DraftLinks keyedBy(Supplier<byte[]> key, Duration keep) {
        return new DraftLinks(key, keep.toNanos());
    }

    /** Whether drafts get a page at all. */
    public boolean shared() {
        return keySource != null;
    }

    /** The draft's folder in the site, such as {@code drafts/Xy3...}/; ends in {@code /}. */
    public String path(String sourceKey) {
        if (!shared()) {
            throw new IllegalStateException("drafts are not shared here");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            byte[] digest = mac.doFinal(sourceKey.getBytes(StandardCharsets.UTF_8));
            return ROOT + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOKEN_BYTES)) + "/";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null || System.nanoTime() - readAt > keepNanos) {
            synchronized (this) {
                if (key == null || System.nanoTime() - readAt > keepNanos) {
                    byte[] bytes = keySource.get();
                    if (bytes.length < 16) {
                        throw new IllegalStateException("the draft key has " + bytes.length + " bytes; it needs at least 16");
                    }
                    key = new SecretKeySpec(bytes, ALGORITHM);
                    readAt = System.nanoTime();
                }
                known = key;
            }
        }
        return known;
    }
}
