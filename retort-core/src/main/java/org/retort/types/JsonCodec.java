package org.retort.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.retort.exc.ArgumentException;

/**
 * Jackson behind the JSON types; loaded only when a JSON value is bound or read, so Jackson stays optional.
 */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new ArgumentException("Cannot read JSON as " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
