package gov.appeals.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request-signing scheme source systems (12345, the portal …) use towards the platform, and the platform uses
 * for its callbacks to 12345 ({@code docs/security.md}, "Signed requests"): HMAC-SHA256 with the key's secret over
 * <pre>METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))</pre>
 * sent as Base64 in {@code X-Appeals-Signature}, with the key id, the Unix time in seconds and a nonce unique per
 * request in their own headers.
 */
public final class RequestSignature {

    public static final String KEY = "X-Appeals-Key";
    public static final String TIMESTAMP = "X-Appeals-Timestamp";
    public static final String NONCE = "X-Appeals-Nonce";
    public static final String SIGNATURE = "X-Appeals-Signature";

    private RequestSignature() {
    }

    /**
     * The string that is signed.
     *
     * @param pathAndQuery the path, and {@code ?query} when there is one, exactly as on the request line
     */
    public static String canonical(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + HexFormat.of().formatHex(sha256(body));
    }

    public static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so that the time of a refusal does not tell how much of a guess was right. */
    public static boolean matches(String secret, String canonical, String signature) {
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return signature != null
                && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The four headers of a signed request, in the order a reader expects them. */
    public static Map<String, String> headers(String keyId, String secret, String method, String pathAndQuery,
                                              long timestamp, String nonce, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY, keyId);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, sign(secret, canonical(method, pathAndQuery, timestamp, nonce, body)));
        return headers;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
