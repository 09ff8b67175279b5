package gov.appeals.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends an endpoint thousands of bodies that must all be refused, each broken in one way a careless or hostile
 * client breaks them: truncated or random bytes, invalid UTF-8, control characters, bidirectional overrides and
 * lone surrogates in text, wrong JSON types, MongoDB operators where text belongs, unknown and duplicate keys,
 * trailing garbage, deep nesting, oversize bodies and non-UTF-8 or non-JSON content types. Every answer must be a
 * 4xx problem document: never a 5xx, never a 2xx (which would mean something was taken).
 */
public final class HostileInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "\u0001MARK\u0001";
    /** Far above any answer to a refused body on a busy machine; a hung connection fails the test naming the body. */
    private static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(15);

    /** @param validBody a body the endpoint would take, as the base every hostile one is made from */
    public record Endpoint(HttpMethod method, String path, String validBody) {
    }

    private record Body(String kind, String contentType, byte[] bytes) {
    }

    private HostileInput() {
    }

    /** @return how many bodies were refused with each status */
    public static Map<Integer, Integer> attack(WebTestClient http, Endpoint endpoint, int count, long seed) {
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        WebTestClient client = http.mutate().responseTimeout(ANSWER_WITHIN).build();
        List<Function<Random, Body>> mutations = mutations(endpoint.validBody());
        for (int i = 0; i < count; i++) {
            Body body = mutations.get(i % mutations.size()).apply(random);
            EntityExchangeResult<byte[]> result;
            try {
                result = client.method(endpoint.method()).uri(endpoint.path())
                        .header("Content-Type", body.contentType()).bodyValue(body.bytes())
                        .exchange().expectBody().returnResult();
            } catch (IllegalStateException noAnswer) {
                // What every thread was doing when the answer did not come: the place to start looking.
                Thread.getAllStackTraces().forEach((thread, stack) -> System.out.println("[hostile input] thread "
                        + thread.getName() + " " + thread.getState() + java.util.Arrays.stream(stack).limit(25)
                        .map(f -> "\n    at " + f).collect(java.util.stream.Collectors.joining())));
                throw new AssertionError("No answer within " + ANSWER_WITHIN + " to " + endpoint.method() + " "
                        + endpoint.path() + " with a " + body.kind() + " body (" + body.bytes().length + " bytes)",
                        noAnswer);
            }
            int status = result.getStatus().value();
            statuses.merge(status, 1, Integer::sum);
            String shown = new String(body.bytes(), 0, Math.min(body.bytes().length, 300), StandardCharsets.UTF_8);
            assertThat(status).as("%s %s with a %s body: %s → %s", endpoint.method(), endpoint.path(), body.kind(),
                    shown, new String(result.getResponseBodyContent() == null ? new byte[0]
                            : result.getResponseBodyContent(), StandardCharsets.UTF_8)).isBetween(400, 499);
            assertThat(result.getResponseHeaders().getContentType()).as("%s answer to a %s body", status, body.kind())
                    .isNotNull().matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        return statuses;
    }

    private static List<Function<Random, Body>> mutations(String valid) {
        byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
        List<Function<Random, Body>> m = new ArrayList<>();
        m.add(r -> json("truncated", java.util.Arrays.copyOf(validBytes, r.nextInt(validBytes.length - 1) + 1)));
        m.add(r -> {
            byte[] bytes = new byte[r.nextInt(200) + 1];
            r.nextBytes(bytes);
            return json("random bytes", bytes);
        });
        m.add(r -> marked("control character in text", valid, r, "\\u0000"));
        m.add(r -> marked("escape character in text", valid, r, "\\u001b[31m"));
        m.add(r -> marked("right-to-left override in text", valid, r, "\u202E"));
        m.add(r -> marked("lone surrogate in text", valid, r, "\\ud800"));
        m.add(r -> marked("deleted character in text", valid, r, "\u007f"));
        m.add(r -> {
            byte[] text = markedText(valid, r).getBytes(StandardCharsets.UTF_8);
            return json("invalid UTF-8 in text", replace(text, MARK.getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        });
        for (String replacement : List.of("42", "true", "[]", "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000)\"}",
                "[\"$ne\"]", "1e999999")) {
            m.add(r -> json("a string replaced by " + replacement,
                    replaceValue(valid, r, replacement).getBytes(StandardCharsets.UTF_8)));
        }
        m.add(r -> json("an unknown property", withProperty(valid, "$where", "1")));
        m.add(r -> json("a dotted property", withProperty(valid, "a.b", "x")));
        m.add(r -> json("a duplicate key", duplicateKey(valid, r).getBytes(StandardCharsets.UTF_8)));
        m.add(r -> json("trailing garbage", (valid + "}{").getBytes(StandardCharsets.UTF_8)));
        m.add(r -> json("a second document", (valid + valid).getBytes(StandardCharsets.UTF_8)));
        m.add(r -> json("deep nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        m.add(r -> json("an array instead of an object", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8)));
        m.add(r -> json("an empty body", new byte[0]));
        m.add(r -> json("oversize", withProperty(valid, "padding", "x".repeat(70_000))));
        m.add(r -> new Body("Latin-1 declared", "application/json;charset=ISO-8859-1", validBytes));
        m.add(r -> new Body("UTF-16 declared", "application/json;charset=UTF-16", valid.getBytes(
                StandardCharsets.UTF_16)));
        m.add(r -> new Body("plain text", "text/plain", validBytes));
        m.add(r -> new Body("form", "application/x-www-form-urlencoded", "a=1&$gt=".getBytes(StandardCharsets.UTF_8)));
        return m;
    }

    private static Body json(String kind, byte[] bytes) {
        return new Body(kind, MediaType.APPLICATION_JSON_VALUE, bytes);
    }

    private static Body marked(String kind, String valid, Random r, String insert) {
        return json(kind, markedText(valid, r).replace(MARK, insert).getBytes(StandardCharsets.UTF_8));
    }

    /** The body with the marker inside one of its text values (added to it, so the text is otherwise valid). */
    private static String markedText(String valid, Random r) {
        JsonNode tree = JSON.readTree(valid);
        List<ObjectNode> holders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collectStrings(tree, holders, names);
        if (holders.isEmpty()) {
            return "{\"x\":\"" + MARK + "\"}";
        }
        int pick = r.nextInt(holders.size());
        String before = holders.get(pick).get(names.get(pick)).asString();
        int at = before.isEmpty() ? 0 : r.nextInt(before.length() + 1);
        holders.get(pick).put(names.get(pick), before.substring(0, at) + MARK + before.substring(at));
        // The marker's control characters are escaped on the way out; put them back as the raw marker.
        return JSON.writeValueAsString(tree).replace("\\u0001MARK\\u0001", MARK);
    }

    private static String replaceValue(String valid, Random r, String replacement) {
        return markedText(valid, r).replaceAll("\"[^\"]*" + java.util.regex.Pattern.quote(MARK) + "[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static String duplicateKey(String valid, Random r) {
        JsonNode tree = JSON.readTree(valid);
        if (!(tree instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        List<String> keys = new ArrayList<>(object.propertyNames());
        String key = keys.get(r.nextInt(keys.size()));
        String text = JSON.writeValueAsString(tree);
        return text.substring(0, text.length() - 1) + ",\"" + key + "\":" + JSON.writeValueAsString(object.get(key))
                + "}";
    }

    private static byte[] withProperty(String valid, String name, String value) {
        ObjectNode tree = (ObjectNode) JSON.readTree(valid);
        tree.put(name, value);
        return JSON.writeValueAsBytes(tree);
    }

    private static void collectStrings(JsonNode node, List<ObjectNode> holders, List<String> names) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode child = object.get(name);
                if (child.isString()) {
                    holders.add(object);
                    names.add(name);
                } else {
                    collectStrings(child, holders, names);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> collectStrings(child, holders, names));
        }
    }

    private static byte[] replace(byte[] text, byte[] target, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            if (i <= text.length - target.length
                    && java.util.Arrays.equals(text, i, i + target.length, target, 0, target.length)) {
                out.writeBytes(replacement);
                i += target.length - 1;
            } else {
                out.write(text[i]);
            }
        }
        return out.toByteArray();
    }
}
