package gov.appeals.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    enum Rating { SATISFIED, DISSATISFIED }

    record Body(String text, Rating rating, Boolean resolved, int count) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        StrictJson.customizer().customize(builder);
        return builder.build();
    }

    @Test
    void readsABodyThatSaysExactlyWhatItMeans() {
        Body body = json.readValue("{\"text\":\"营业执照\\n变更\\t登记 😀\",\"rating\":\"SATISFIED\",\"resolved\":true,"
                + "\"count\":2}", Body.class);
        assertThat(body).isEqualTo(new Body("营业执照\n变更\t登记 😀", Rating.SATISFIED, true, 2));
    }

    @Test
    void refusesEnumNamesWithAnythingAroundThemOrInAnotherCase() {
        for (String rating : new String[] {"SATISFIED\\u0000", " SATISFIED", "SATISFIED ", "satisfied", "0"}) {
            assertThatThrownBy(() -> json.readValue("{\"rating\":\"" + rating + "\",\"count\":1}", Body.class))
                    .as(rating).isInstanceOf(JacksonException.class).hasMessageContaining("must be one of");
        }
        assertThatThrownBy(() -> json.readValue("{\"rating\":0,\"count\":1}", Body.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesControlCharactersBidiOverridesLoneSurrogatesAndNoncharactersInText() {
        for (String text : new String[] {"a\\u0000b", "\\u001b[31m", "a\\u007fb", "a\\u0085b", "\\u202Eevil",
                "\\u2066x", "\\ud800", "x\\udc00", "\\uffff"}) {
            assertThatThrownBy(() -> json.readValue("{\"text\":\"" + text + "\",\"count\":1}", Body.class))
                    .as(text).isInstanceOf(JacksonException.class)
                    .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("must not contain"),
                            e -> assertThat(e).hasMessageContaining("well-formed"));
        }
    }

    @Test
    void refusesDuplicateKeysTrailingTokensUnknownPropertiesAndCoercion() {
        for (String body : new String[] {
                "{\"text\":\"a\",\"text\":\"b\",\"count\":1}",
                "{\"count\":1}{}",
                "{\"count\":1,\"$where\":\"1\"}",
                "{\"count\":\"1\"}",
                "{\"count\":1.5}",
                "{\"text\":12,\"count\":1}",
                "{\"resolved\":\"true\",\"count\":1}",
                "{\"resolved\":1,\"count\":1}",
                "{\"text\":{\"$gt\":\"\"},\"count\":1}",
                "{\"count\":null}"}) {
            assertThatThrownBy(() -> json.readValue(body, Body.class)).as(body).isInstanceOf(JacksonException.class);
        }
    }
}
