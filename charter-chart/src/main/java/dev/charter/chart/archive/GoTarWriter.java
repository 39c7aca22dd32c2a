package dev.charter.chart.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes regular-file tar entries byte-identical to Go's {@code archive/tar} for a header with
 * only Name, Mode, Size and ModTime set (what Helm writes): USTAR when the name fits (splitting
 * long ASCII names into prefix/name), otherwise a PAX {@code path} record first, exactly like Go
 * (its {@code PaxHeaders.0} name and ASCII-only, truncated fallback names). Mtimes are rounded to
 * the nearest second. The stream ends with two zero blocks and no record padding.
 */
public final class GoTarWriter {

    private static final int BLOCK = 512;
    private final OutputStream out;

    public GoTarWriter(OutputStream out) {
        this.out = out;
    }

    public void writeFile(String name, byte[] body, Instant modTime, int mode) throws IOException {
        long mtime = roundToSecond(modTime);
        if (fitsUstar(name)) {
            String prefix = "";
            String suffix = name;
            String[] split = splitUstarPath(name);
            if (split != null) {
                prefix = split[0];
                suffix = split[1];
            }
            byte[] h = header(suffix, mode, body.length, mtime, '0', true);
            putString(h, 345, 155, prefix);
            finish(h);
        } else {
            String record = paxRecord("path", name);
            byte[] pax = record.getBytes(StandardCharsets.UTF_8);
            int slash = name.lastIndexOf('/');
            String dir = slash >= 0 ? name.substring(0, slash + 1) : "";
            String paxName = goPathJoin(dir, "PaxHeaders.0", name.substring(slash + 1));
            String asciiName = toAscii(paxName);
            if (asciiName.length() > 100) {
                asciiName = asciiName.substring(0, 100);
            }
            asciiName = asciiName.replaceAll("/+$", "");
            byte[] ph = header(asciiName, 0, pax.length, 0, 'x', false);
            finish(ph);
            writeBody(pax);
            byte[] h = header(toAscii(name), mode, body.length, mtime, '0', true);
            finish(h);
        }
        writeBody(body);
    }

    /** Two zero blocks end the archive; Go does not pad to a 10 KiB record. */
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }

    static long roundToSecond(Instant t) {
        long s = t.getEpochSecond();
        return t.getNano() >= 500_000_000 ? s + 1 : s;
    }

    private static boolean fitsUstar(String name) {
        boolean ascii = isAscii(name);
        if (ascii && name.length() <= 100) {
            return true;
        }
        return splitUstarPath(name) != null;
    }

    /** Go's {@code splitUSTARPath}. */
    static String[] splitUstarPath(String name) {
        int length = name.length();
        if (length <= 100 || !isAscii(name)) {
            return null;
        } else if (length > 156) {
            length = 156;
        } else if (name.charAt(length - 1) == '/') {
            length--;
        }
        int i = name.substring(0, length).lastIndexOf('/');
        int nlen = name.length() - i - 1;
        int plen = i;
        if (i <= 0 || nlen > 100 || nlen == 0 || plen > 155) {
            return null;
        }
        return new String[] {name.substring(0, i), name.substring(i + 1)};
    }

    private static String goPathJoin(String dir, String a, String b) {
        String joined = dir + a + "/" + b;
        return dev.charter.chart.GoPath.clean(joined);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static String toAscii(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> c < 0x80).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String paxRecord(String key, String value) {
        int size = key.length() + value.getBytes(StandardCharsets.UTF_8).length + 3;
        size += Integer.toString(size).length();
        String record = size + " " + key + "=" + value + "\n";
        int actual = record.getBytes(StandardCharsets.UTF_8).length;
        if (actual != size) {
            size = actual;
            record = size + " " + key + "=" + value + "\n";
        }
        return record;
    }

    private static byte[] header(String name, int mode, long size, long mtime, char type, boolean devNumbers) {
        byte[] h = new byte[BLOCK];
        putString(h, 0, 100, name);
        putOctal(h, 100, 8, mode);
        putOctal(h, 108, 8, 0);
        putOctal(h, 116, 8, 0);
        putOctal(h, 124, 12, size);
        putOctal(h, 136, 12, mtime);
        h[156] = (byte) type;
        putString(h, 257, 6, "ustar\0");
        putString(h, 263, 2, "00");
        if (devNumbers) {
            putOctal(h, 329, 8, 0);
            putOctal(h, 337, 8, 0);
        }
        return h;
    }

    private void finish(byte[] h) throws IOException {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        putOctal(h, 148, 7, sum);
        h[155] = ' ';
        out.write(h);
    }

    private void writeBody(byte[] body) throws IOException {
        out.write(body);
        int pad = (BLOCK - body.length % BLOCK) % BLOCK;
        if (pad > 0) {
            out.write(new byte[pad]);
        }
    }

    private static void putString(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(b.length, len));
        if (b.length < len) {
            h[off + b.length] = 0; // Go's formatString NUL-terminates short values
        }
    }

    /** Go's formatOctal: zero-padded to width-1 digits plus a NUL. */
    private static void putOctal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        if (s.length() < len) {
            s = "0".repeat(len - s.length() - 1) + s;
        }
        putString(h, off, len, s);
    }
}
