package gov.appeals.deploy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 12345 side of the request-signing scheme, written from docs/security.md alone as an integrator would: it
 * signs the hotline's requests to the platform (the tests, the launcher's sample) and checks the platform's
 * callbacks (the callback receiver). The services have their own implementation in the kit; that the two agree is
 * what the end-to-end tests show.
 *
 * @param keyId  the key's id
 * @param secret its secret
 */
public record HotlineSignature(String keyId, String secret) {

    static final long WINDOW_SECONDS = 300;

    /** {@code keyId:secret}. */
    public static HotlineSignature parse(String entry) {
        int colon = entry == null ? -1 : entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("A signing key is keyId:secret");
        }
        return new HotlineSignature(entry.substring(0, colon), entry.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "HotlineSignature[" + keyId + "]";
    }

    /** The four headers for a request sent now. */
    public Map<String, String> headers(String method, String pathAndQuery, byte[] body) {
        return headers(method, pathAndQuery, System.currentTimeMillis() / 1000, UUID.randomUUID().toString(), body);
    }

    Map<String, String> headers(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Appeals-Key", keyId);
        headers.put("X-Appeals-Timestamp", Long.toString(timestamp));
        headers.put("X-Appeals-Nonce", nonce);
        headers.put("X-Appeals-Signature", signature(method, pathAndQuery, timestamp, nonce, body));
        return headers;
    }

    private String signature(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        try {
            String signed = String.join("\n", method, pathAndQuery, Long.toString(timestamp), nonce,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 and SHA-256 are part of every JDK", e);
        }
    }

    /** Checks requests signed with this key, each nonce once within the window. */
    final class Verifier {

        private final Map<String, Long> nonces = new ConcurrentHashMap<>();

        /** Null when the request is right, otherwise why it is refused. */
        String refusal(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
            String key = headers.get("X-Appeals-Key");
            String timestamp = headers.get("X-Appeals-Timestamp");
            String nonce = headers.get("X-Appeals-Nonce");
            String signature = headers.get("X-Appeals-Signature");
            if (key == null || timestamp == null || nonce == null || signature == null) {
                return "unsigned: the X-Appeals-Key, -Timestamp, -Nonce and -Signature headers are required";
            }
            if (!keyId.equals(key)) {
                return "unknown key";
            }
            long sent;
            try {
                sent = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                return "the timestamp is not Unix seconds";
            }
            long now = System.currentTimeMillis() / 1000;
            if (Math.abs(now - sent) > WINDOW_SECONDS) {
                return "stale: the timestamp is more than " + WINDOW_SECONDS + " s away";
            }
            if (!MessageDigest.isEqual(signature(method, pathAndQuery, sent, nonce, body)
                    .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                return "the signature does not match";
            }
            nonces.values().removeIf(expiry -> expiry < now);
            if (nonces.putIfAbsent(nonce, sent + WINDOW_SECONDS) != null) {
                return "replayed: the nonce was used before";
            }
            return null;
        }
    }
}
