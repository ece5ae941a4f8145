package dev.galley.aws;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The draft key, kept in Secrets Manager: the stack makes the secret (a random string nobody types) and lets the
 * function read that one secret. Read once, when the first draft's link is made; the client is built then and
 * closed after, so a container that never meets a draft loads no Secrets Manager class.
 */
public final class SecretsManagerDraftKey implements Supplier<byte[]> {

    private final Supplier<SecretsManagerClient> clients;
    private final String secretId;

    /** @param secretId the secret's ARN (or name) */
    public SecretsManagerDraftKey(Supplier<SecretsManagerClient> clients, String secretId) {
        this.clients = clients;
        this.secretId = secretId;
    }

    @Override
    public byte[] get() {
        try (SecretsManagerClient client = clients.get()) {
            String secret = client.getSecretValue(request -> request.secretId(secretId)).secretString();
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("the draft key secret " + secretId + " holds no text");
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }
}
