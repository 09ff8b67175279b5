package gov.appeals.intake.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realistic appeals bundled with the contract ({@code /reference/sample-appeals.jsonl}), one JSON per line. */
public final class SampleAppeals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleAppeals() {
    }

    public static List<JsonNode> all() {
        try (InputStream in = SampleAppeals.class.getResourceAsStream("/reference/sample-appeals.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
