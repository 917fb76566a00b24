package nl.proeftuin.core.rest.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one configured Jackson mapper of the API (thread-safe, shared). */
final class Json {
    /** Deeper JSON answers 400 (issue: "JSON nested deeper than 64 levels"). */
    static final int MAX_NESTING_DEPTH = 64;

    private static final JsonSetter.Value NO_NULL_ELEMENTS = JsonSetter.Value.forContentNulls(Nulls.FAIL);

    private final ObjectMapper mapper;

    Json() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // No type coercion: true or 2 for a text, 2 for a true/false is the client's mistake
                // (found by HostileInputTest), not something to store as "true" or true.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // A null inside a list or set ("goals":[null]) is refused while reading, with its
                // path, so services never meet one (they validate fields, not collection slots).
                .withConfigOverride(List.class, o -> o.setSetterInfo(NO_NULL_ELEMENTS))
                .withConfigOverride(Set.class, o -> o.setSetterInfo(NO_NULL_ELEMENTS))
                .withConfigOverride(Collection.class, o -> o.setSetterInfo(NO_NULL_ELEMENTS))
                // cohorts (issue 15): CloseInput keeps its one-text constructor for callers compiled
                // against it; a JSON text "..." must not close a case through it (HostileInputTest)
                .addMixIn(nl.proeftuin.core.api.dto.CloseInput.class, CloseInputMixIn.class)
                // no text holds U+0000: PostgreSQL refuses it in every text column (a 500 after validation),
                // H2 would store it; refused while reading, with the field's path
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("proeftuin-no-nul")
                        .addDeserializer(String.class, new NoNulStrings()))
                .build();
    }

    /** Jackson's own text reading, refusing a text that holds the NUL character. */
    static final class NoNulStrings extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulInText(p);
            }
            return value;
        }
    }

    /** A text in the body holds U+0000 (answered 400 on the field, without echoing the value). */
    static final class NulInText extends com.fasterxml.jackson.databind.exc.MismatchedInputException {
        private static final long serialVersionUID = 1L;

        NulInText(com.fasterxml.jackson.core.JsonParser p) {
            super(p, "text contains the NUL character", String.class);
        }
    }

    /** Only CloseInput's canonical constructor reads JSON. */
    abstract static class CloseInputMixIn {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DISABLED)
        CloseInputMixIn(String reason) {
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The JSON path of the member a mapping error is about, as {@code a.b[2].c}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String quote(Object value) {
        String s = String.valueOf(value);
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
    }
}
