package io.planeval.support.json;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.function.LongFunction;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.text.Text;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as planeval reads and writes it, for every body and event. Reading is strict: a value is taken only in its
 * own JSON type (no "2025" for a number, no 2025.5 for a whole number, no 20250331 for a date), text must be
 * acceptable {@link Text}, bodies must be UTF-8, and duplicate keys or data after the document are refused.
 * A refusal says what was expected in the API's words, never in Java's. Writing gives exact decimals as plain
 * numbers: 0.0000000000, never 0E-10; 40000, never 4E+4.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Digits a number may have before or after the point: far beyond any column, far below a costly expansion. */
    static final int MAX_NUMBER_DIGITS = 100;

    /** Last, so that its deserializers win over those of modules registered before it (java.time's among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        objectMapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        objectMapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        objectMapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A word of the vocabulary is its word, never its position: "status": 1 is refused.
        objectMapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        objectMapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(MAX_NUMBER_DIGITS * 2 + 10)
            .maxStringLength(1_000_000)
            .build());
        objectMapper.getFactory().setInputDecorator(new Utf8Only());
        objectMapper.registerModule(new SimpleModule("planeval-strict")
            .addDeserializer(String.class, new Strings())
            .addDeserializer(Integer.class, new WholeNumbers<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value))
            .addDeserializer(int.class, new WholeNumbers<>(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value))
            .addDeserializer(Long.class, new WholeNumbers<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf))
            .addDeserializer(long.class, new WholeNumbers<>(long.class, Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf))
            .addDeserializer(BigDecimal.class, new Decimals())
            .addDeserializer(LocalDate.class, new Dates()));
    }

    /** A value of the wrong kind, named in the API's words; Jackson adds where it sits in the document. */
    public static final class Refused extends MismatchedInputException {

        Refused(JsonParser parser, String reason, Class<?> target) {
            super(parser, reason, target);
        }
    }

    static Refused refuse(JsonParser parser, Class<?> target, String reason) {
        return new Refused(parser, reason, target);
    }

    /** What a token is, for "must be a number, not a string". */
    static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "that";
        };
    }

    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw refuse(p, String.class, "must be a string, not " + kind(p.currentToken()));
            }
            String text = p.getText();
            String fault = Text.fault(text);
            if (fault != null) {
                throw refuse(p, String.class, fault);
            }
            return text;
        }
    }

    static final class WholeNumbers<T> extends StdScalarDeserializer<T> {

        private final long min;
        private final long max;
        private final LongFunction<T> box;

        WholeNumbers(Class<T> type, long min, long max, LongFunction<T> box) {
            super(type);
            this.min = min;
            this.max = max;
            this.box = box;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw refuse(p, handledType(), "must be a whole number, not " + kind(p.currentToken()));
            }
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < min || p.getLongValue() > max) {
                throw refuse(p, handledType(), "must be a whole number from " + min + " to " + max + ", not "
                    + Text.excerpt(p.getText()));
            }
            return box.apply(p.getLongValue());
        }
    }

    static final class Decimals extends StdScalarDeserializer<BigDecimal> {

        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw refuse(p, BigDecimal.class, "must be a number, not " + kind(p.currentToken()));
            }
            BigDecimal value = p.getDecimalValue();
            // Measured from precision and scale: 1e10000000 is never written out in full.
            BigDecimal stripped = value.stripTrailingZeros();
            long integerDigits = (long) stripped.precision() - stripped.scale();
            if (integerDigits > MAX_NUMBER_DIGITS || stripped.scale() > MAX_NUMBER_DIGITS) {
                throw refuse(p, BigDecimal.class, Text.excerpt(p.getText()) + " is beyond the numbers accepted (at most "
                    + MAX_NUMBER_DIGITS + " digits before and after the point)");
            }
            return value;
        }
    }

    static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw refuse(p, LocalDate.class, "must be a date written as 2025-03-31, not " + kind(p.currentToken()));
            }
            try {
                return FiscalYears.date(p.getText());
            } catch (IllegalArgumentException e) {
                throw refuse(p, LocalDate.class, e.getMessage());
            }
        }
    }

    /** Bodies must be UTF-8: malformed bytes and overlong forms are refused before the parser decodes them. */
    static final class Utf8Only extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            check(bytes, 0, bytes.length);
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] bytes, int offset, int length) throws IOException {
            check(bytes, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }

        @Override
        public DataInput decorate(IOContext context, DataInput input) {
            return input;
        }

        private static void check(byte[] bytes, int offset, int length) throws JsonParseException {
            // JSON never holds a raw NUL, UTF-16 and UTF-32 hold many: Jackson would read those encodings, RFC 8259 does not.
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == 0) {
                    throw new JsonParseException(null, "the body is not UTF-8: it has a NUL byte at offset " + (i - offset)
                        + " (UTF-16 or UTF-32?)");
                }
            }
            try {
                Text.requireUtf8(bytes, offset, length);
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "the body is not UTF-8: " + e.getMessage());
            }
        }
    }
}
