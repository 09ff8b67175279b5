package gov.appeals.notification;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code GET /api/v1/ops/dead-letters} lists, read page by page as the operator would. */
final class DeadLetters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadLetters() {
    }

    /**
     * The letters of one event, oldest first.
     *
     * @param web a client with the operator's credentials
     */
    static List<JsonNode> of(WebTestClient web, String eventId) {
        List<JsonNode> letters = new ArrayList<>();
        long listed = 0;
        for (int page = 0; ; page++) {
            String body = web.get().uri("/api/v1/ops/dead-letters?page={page}&size=100", page)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            JsonNode answer = JSON.readTree(body);
            for (JsonNode letter : answer.path("items")) {
                listed++;
                if (eventId.equals(letter.path("eventId").asString())) {
                    letters.add(letter);
                }
            }
            if (answer.path("items").isEmpty() || listed >= answer.path("total").asLong()) {
                return letters;
            }
        }
    }
}
