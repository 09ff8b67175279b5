package gov.appeals.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample appeals bundled with appeal-events ({@code /reference/sample-appeals.jsonl}) as request bodies for
 * {@code POST /api/v1/appeals}: each line without its {@code expected} block, which only says what classification
 * the sample should get.
 */
public final class SampleAppeal {

    private static final String RESOURCE = "/reference/sample-appeals.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleAppeal() {
    }

    public static List<ObjectNode> all() {
        InputStream in = SampleAppeal.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path (it comes with appeal-events)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        ObjectNode appeal = (ObjectNode) JSON.readTree(line);
                        appeal.remove("expected");
                        return appeal;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first hotline (12345) sample, as compact JSON. */
    public static String firstHotlineBody() {
        return all().stream()
                .filter(appeal -> "HOTLINE_12345".equals(appeal.path("source").asString()))
                .findFirst()
                .map(JSON::writeValueAsString)
                .orElseThrow(() -> new IllegalStateException("No hotline appeal in " + RESOURCE));
    }
}
