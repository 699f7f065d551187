package dev.switchboard.core.proto;

import dev.switchboard.core.diag.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The text of a proto file as protoc reads it: UTF-8, a leading byte-order mark skipped, no NUL bytes. */
final class ProtoText {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final MessageDigest SHA_256 = newSha256();

    private ProtoText() {}

    /** Whether {@code bytes} start with the UTF-8 byte-order mark that some Windows editors write. */
    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** The SHA-256 of {@code bytes}, in hex: how {@link ProtoCache} tells a file's contents apart. */
    static String sha256(byte[] bytes) {
        MessageDigest digest;
        try {
            // A copy of one digest: looking the algorithm up among the providers costs more than hashing
            // the few bytes of a cache key, which every unchanged file of a rebuild has worked out.
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = newSha256();
        }
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of {@code bytes} without a byte-order mark, or null with the problem added when they are
     * not UTF-8 text; the problem is placed at the line and column of the first bad byte.
     */
    static String decode(byte[] bytes, String shown, List<Problem> problems) {
        int start = hasBom(bytes) ? BOM.length : 0;
        // The JDK's own decoding is several times faster than a decoder's; it replaces each bad byte with
        // U+FFFD, so only a text holding that character is decoded again, to find and place the bad byte.
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        return fast.indexOf('\uFFFD') < 0
                ? withoutNul(fast, bytes, start, shown, problems)
                : strict(bytes, start, shown, problems);
    }

    private static String strict(byte[] bytes, int start, String shown, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            problems.add(placed(
                    bytes,
                    start,
                    offset,
                    shown,
                    "not valid UTF-8 text (byte 0x" + hex(bytes[offset]) + " at offset " + offset + ")",
                    "save the file as UTF-8; if it is not a proto, leave it out with <excludes>"));
            return null;
        }
        decoder.flush(out);
        return withoutNul(out.flip().toString(), bytes, start, shown, problems);
    }

    /** {@code text}, or null with the problem added when it holds a NUL byte. */
    private static String withoutNul(String text, byte[] bytes, int start, String shown, List<Problem> problems) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int offset = start + text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            problems.add(placed(
                    bytes,
                    start,
                    offset,
                    shown,
                    "holds a NUL byte at offset " + offset + ", so it is a binary file, not proto text",
                    "save the proto as UTF-8 text; if it is not a proto, leave it out with <excludes>"));
            return null;
        }
        return text;
    }

    /** The problem at the line and column of byte {@code offset}; columns count characters, as protoc's do. */
    private static Problem placed(byte[] bytes, int start, int offset, String shown, String what, String fix) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1 + charsBefore(bytes, lineStart, offset);
        return Problem.at(shown, line, column, what, fix);
    }

    /** How many characters the bytes between a line's start and the first bad byte hold (all valid UTF-8). */
    private static int charsBefore(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .length();
        } catch (CharacterCodingException e) {
            return to - from;
        }
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "%02X", b & 0xFF);
    }
}
