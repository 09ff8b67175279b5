package gov.appeals.kit.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys source systems sign with: per source, a comma-separated list of {@code keyId:secret} (several at once,
 * so that a key is rotated by adding the new one, moving the sender over, then removing the old one).
 */
public final class SigningKeys {

    /** One key of one source. */
    public record Key(String id, String secret, String source) {

        @Override
        public String toString() {
            return "Key[" + id + " of " + source + "]";
        }
    }

    private final Map<String, Key> byId;

    private SigningKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * @param bySource the source's name (e.g. {@code HOTLINE_12345}) → its keys, {@code id:secret[,id:secret…]}
     * @throws IllegalArgumentException for an entry without a secret, or a key id given twice
     */
    public static SigningKeys parse(Map<String, String> bySource) {
        Map<String, Key> keys = new HashMap<>();
        bySource.forEach((source, list) -> {
            if (list == null || list.isBlank()) {
                return;
            }
            for (String entry : list.split(",")) {
                String trimmed = entry.strip();
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException("A signing key of " + source
                            + " is not keyId:secret (the entry has " + trimmed.length() + " characters)");
                }
                Key key = new Key(trimmed.substring(0, colon), trimmed.substring(colon + 1), source);
                if (keys.put(key.id(), key) != null) {
                    throw new IllegalArgumentException("The signing key id " + key.id() + " is configured twice");
                }
            }
        });
        return new SigningKeys(keys);
    }

    /** A single {@code keyId:secret} (a callback key, say), or empty when blank. */
    public static Optional<Key> single(String source, String entry) {
        return parse(Map.of(source, entry == null ? "" : entry)).byId.values().stream().findFirst();
    }

    public Optional<Key> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<String> sources() {
        return byId.values().stream().map(Key::source).distinct().sorted().toList();
    }
}
