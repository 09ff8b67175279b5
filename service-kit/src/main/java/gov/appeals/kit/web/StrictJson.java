package gov.appeals.kit.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one rule set for HTTP request bodies: a request means exactly what it says or is refused, naming the field.
 * Unknown properties, duplicate keys, trailing content, scalars of the wrong type ("1" for a boolean, 1 for a
 * string or an enum), enum names with anything around them, and free text with control characters, bidirectional
 * overrides or broken Unicode are all refused. Events are read by the contract's own tolerant codec, not by this.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonMapperBuilderCustomizer customizer() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(module());
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("appeals-strict-text");
        module.addDeserializer(String.class, new SafeTextDeserializer());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                               BeanDescription.Supplier description,
                                                               ValueDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(type.getRawClass());
            }
        });
        return module;
    }

    /** Strings as given, refused when {@link SafeText} finds something a person could not read or trust. */
    static final class SafeTextDeserializer extends StdScalarDeserializer<String> {

        SafeTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            String problem = SafeText.problem(text);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, "(refused text)", String.class);
            }
            return text;
        }
    }

    /**
     * An enum constant by its exact name only. Jackson's own reader trims what it cannot match and tries again, so
     * {@code "SATISFIED\u0000"} would pass as SATISFIED.
     */
    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {

        private final Class<?> type;
        private final Map<String, Object> byName;

        ExactEnumDeserializer(Class<?> type) {
            super(type);
            this.type = type;
            this.byName = Arrays.stream(type.getEnumConstants()).collect(Collectors.toMap(
                    c -> ((Enum<?>) c).name(), c -> c, (a, b) -> a, LinkedHashMap::new));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String name = p.getString();
            Object value = byName.get(name);
            if (value == null) {
                throw InvalidFormatException.from(p, "must be one of " + String.join(", ", byName.keySet()),
                        "(refused name)", type);
            }
            return value;
        }
    }
}
