package dev.switchboard.core.profiles;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pom's bytes as text and back. Maven reads a pom with a UTF-8 byte-order mark, or in the encoding
 * its XML declaration names, so both are accepted here and kept on the way back: a rewrite changes
 * only the bytes the edit changed.
 *
 * @param text the pom without its byte-order mark
 * @param charset the encoding of the file
 * @param byteOrderMark whether the file starts with a UTF-8 byte-order mark
 */
record PomText(String text, Charset charset, boolean byteOrderMark) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern DECLARED = Pattern.compile("\\A<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    static PomText decode(byte[] bytes, String shownAs) throws InputException {
        boolean bom = startsWithBom(bytes);
        int start = bom ? UTF8_BOM.length : 0;
        Charset charset = bom ? StandardCharsets.UTF_8 : declared(bytes, shownAs);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InputException(undecodable(bytes, start, in.position(), charset, shownAs));
        }
        return new PomText(out.flip().toString(), charset, bom);
    }

    private static Problem undecodable(byte[] bytes, int start, int at, Charset charset, String shownAs) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Problem.at(
                shownAs,
                line,
                at - lineStart + 1,
                "the byte 0x" + String.format("%02X", bytes[at] & 0xff) + " here is not " + charset.name()
                        + " text, the encoding the pom is read in",
                "save the file as " + charset.name() + ", or declare the encoding it is in on its first line, as in"
                        + " <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>; the pom was left untouched");
    }

    /** The edited text in the file's own encoding, with its byte-order mark if it had one. */
    byte[] encode(String edited) {
        byte[] body = edited.getBytes(charset);
        if (!byteOrderMark) {
            return body;
        }
        byte[] out = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, out, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, out, UTF8_BOM.length, body.length);
        return out;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length
                && bytes[0] == UTF8_BOM[0]
                && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
    }

    /**
     * The encoding the XML declaration names, UTF-8 when there is none. The declaration is ASCII in
     * every encoding a pom is written in, so it is read before the encoding is known.
     */
    private static Charset declared(byte[] bytes, String shownAs) throws InputException {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(1); i++) {
                if (head.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InputException(Problem.at(
                    shownAs,
                    line,
                    m.start(1) - lineStart + 1,
                    "the XML declaration names the encoding \"" + m.group(1) + "\", which is not a known encoding",
                    "name the file's real encoding there, such as UTF-8 or ISO-8859-1; the pom was left untouched"));
        }
    }
}
