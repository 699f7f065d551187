package dev.switchboard.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small steps of reading JSON token by token with Jackson's streaming parser, for the files the engine
 * reads on every build without the object mapper (the default rules, the AWS catalogue, the proto cache):
 * anything but the shape written is an {@link IOException} saying what was found where.
 */
public final class JsonTokens {
    private JsonTokens() {}

    /** Fails unless {@code found} (the token just read) is {@code wanted}. */
    public static void expect(JsonToken found, JsonToken wanted, JsonParser p) throws IOException {
        if (found != wanted) {
            throw new IOException("expected " + wanted + " but found " + found + " at " + p.currentLocation());
        }
    }

    /** The string the parser is at, or null for a JSON {@code null}. */
    public static String text(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p.currentToken(), JsonToken.VALUE_STRING, p);
        return p.getText();
    }

    /** The strings of the array the parser is at; the parser is left at its end. */
    public static List<String> strings(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, p);
        List<String> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            values.add(p.getText());
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, p);
        return values;
    }
}
