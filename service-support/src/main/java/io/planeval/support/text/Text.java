package io.planeval.support.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text planeval accepts, wherever it comes in (JSON, CSV, paths and queries): well-formed Unicode without
 * control characters other than tab and line breaks. PostgreSQL refuses U+0000 in text and would store an unpaired
 * surrogate as '?', so such input is refused up front, with the position of the fault.
 */
public final class Text {

    /** How much of an input a refusal repeats: enough to recognise it, never the whole of a large one. */
    public static final int EXCERPT_LENGTH = 40;

    private Text() {
    }

    /** Why the text is not acceptable, or null when it is. Positions count characters from 1. */
    public static String fault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "has an unpaired surrogate " + codePoint(c) + " at position " + (i + 1) + ": it is not Unicode text";
            } else if (isControl(c)) {
                return "has the control character " + codePoint(c) + " at position " + (i + 1)
                    + ": only tab and line breaks may appear in text";
            }
        }
        return null;
    }

    /** The start of a value as a refusal may quote it: at most {@value #EXCERPT_LENGTH} characters, then "…". */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= EXCERPT_LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
        return value.substring(0, end) + "…";
    }

    /**
     * Decodes strict UTF-8: malformed bytes, overlong forms and encoded surrogates are refused, never replaced.
     *
     * @throws CharacterCodingException naming the byte offset of the first fault
     */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decode(bytes, 0, bytes.length, out);
        return out.flip().toString();
    }

    /** Checks that the bytes are strict UTF-8 without keeping the text: a few kilobytes, whatever their size. */
    public static void requireUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        decode(bytes, offset, length, CharBuffer.allocate(Math.min(length, 8192)));
    }

    /** Decodes into {@code out}; when out is full it is emptied and reused (only checking, then). */
    private static void decode(byte[] bytes, int offset, int length, CharBuffer out) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CoderResult result;
        while ((result = decoder.decode(in, out, true)).isOverflow()) {
            out.clear();
        }
        if (result.isError()) {
            long at = in.position() - offset;
            throw new CharacterCodingException() {
                @Override
                public String getMessage() {
                    return "the bytes at offset " + at + " are not UTF-8";
                }
            };
        }
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
