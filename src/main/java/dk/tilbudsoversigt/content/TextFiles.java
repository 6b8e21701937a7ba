package dk.tilbudsoversigt.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the text files editors write: strict UTF-8, byte-order mark dropped, line endings made '\n'. */
public final class TextFiles {
    /** Larger files are refused: no page needs more, and reading them would only cost memory. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private TextFiles() {}

    public static String read(Path file, String name) throws LineException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new LineException("filen er for stor (" + (size / (1024 * 1024))
                        + " MB); en side må højst fylde " + (MAX_BYTES / (1024 * 1024)) + " MB", 1);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LineException("filen forsvandt, mens sitet blev bygget; byg sitet igen", 1);
        } catch (IOException e) {
            throw new LineException("filen kan ikke læses (" + e.getClass().getSimpleName() + ")", 1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LineException("filen er ikke gemt som UTF-8 (tegnet i linje " + firstBadLine(bytes)
                    + " kan ikke læses); gem den igen som UTF-8", firstBadLine(bytes));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int firstBadLine(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }
}
