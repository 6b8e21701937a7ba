package dk.tilbudsoversigt.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;

/** The binary side of the index files: variable-length integers, raw deflate, content hashes. */
final class Bytes extends ByteArrayOutputStream {

    /** An unsigned integer in 7-bit groups, low group first, high bit set on all but the last byte. */
    Bytes varint(long value) {
        if (value < 0) throw new IllegalArgumentException("negative: " + value);
        while (value >= 0x80) {
            write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        write((int) value);
        return this;
    }

    /** A string as its length in UTF-8 bytes, then the bytes. */
    Bytes string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        writeBytes(b);
        return this;
    }

    /** Bytes of the header of a deflate block stored as it is: BFINAL and BTYPE 00, LEN, NLEN. */
    static final int STORED_HEADER = 5;

    /** The header of a final deflate block of {@code length} bytes stored as they are; the bytes follow. */
    Bytes stored(int length) {
        if (length > 0xFFFF) throw new IllegalArgumentException("a stored block holds at most 65,535 bytes: " + length);
        write(1);
        write(length & 0xFF);
        write(length >> 8);
        write(~length & 0xFF);
        write((~length >> 8) & 0xFF);
        return this;
    }

    /** A four-byte little-endian integer. */
    Bytes int32(int value) {
        for (int i = 0; i < 4; i++) write(value >>> (8 * i));
        return this;
    }

    Bytes oneByte(int b) {
        write(b);
        return this;
    }

    /** One compressor per thread: making one costs more than compressing a small file. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));

    static byte[] deflate(byte[] raw) {
        return deflate(raw, null);
    }

    /** Raw deflate with a preset dictionary: back-references may reach into {@code dictionary}. */
    static byte[] deflate(byte[] raw, byte[] dictionary) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        if (dictionary != null) deflater.setDictionary(dictionary);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        return out.toByteArray();
    }

    /** The SHA-256 of {@code raw} in hex. */
    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Characters that {@code a} and {@code b} share at their start. */
    static int shared(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        // never split a surrogate pair: the browser decodes each suffix from UTF-8 on its own
        if (i > 0 && i < a.length() && Character.isHighSurrogate(a.charAt(i - 1))) i--;
        return i;
    }
}
