package dk.tilbudsoversigt.serve;

import java.util.Arrays;

/**
 * The one byte range a request asks for ({@code Range: bytes=a-b}), as the search reads one
 * document out of its block. Bytes {@code from} up to {@code to} (exclusive).
 */
public record ByteRange(int from, int to) {

    /**
     * The range a {@code Range} header asks for in a file of {@code length} bytes, or null when the
     * whole file is to be sent: no header, several ranges, or one that is not understood or lies
     * beyond the file (a server may always answer with the whole file, and the search copes).
     */
    public static ByteRange of(String header, int length) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) return null;
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        try {
            long from;
            long to;
            if (dash == 0) { // the last n bytes
                from = Math.max(0, length - Long.parseLong(spec.substring(1)));
                to = length;
            } else {
                from = Long.parseLong(spec.substring(0, dash));
                to = dash == spec.length() - 1 ? length : Math.min(length, Long.parseLong(spec.substring(dash + 1)) + 1);
            }
            return from < to && from < length ? new ByteRange((int) from, (int) to) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** These bytes of {@code file}. */
    public byte[] slice(byte[] file) {
        return Arrays.copyOfRange(file, from, to);
    }

    /** The {@code Content-Range} header of this range of a file of {@code length} bytes. */
    public String header(int length) {
        return "bytes " + from + "-" + (to - 1) + "/" + length;
    }
}
