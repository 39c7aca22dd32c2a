package dev.charter.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The clear-signed message framing of go-crypto's {@code openpgp/clearsign} (RFC 4880 section 7),
 * byte for byte as Helm 4 writes it: {@code Hash: SHA512} header, dash-escaped text with trailing
 * whitespace removed, an armored signature without checksum line and no final newline.
 */
final class ClearSign {

    static final String BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";
    static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
    static final String END_SIGNATURE = "-----END PGP SIGNATURE-----";

    private ClearSign() {
    }

    /** A decoded clear-signed message (go-crypto's {@code clearsign.Block}). */
    record Block(byte[] plaintext, byte[] signedBytes, byte[] signature) {
    }

    /**
     * The cleartext part of a clear-signed document for {@code text}: header, blank line and the
     * dash-escaped text followed by the line break that precedes the signature armor.
     */
    static String cleartext(String hashName, String text) {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN_SIGNED).append('\n').append("Hash: ").append(hashName).append("\n\n");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripTrailing(lines[i]);
            if (line.startsWith("-")) {
                sb.append("- ");
            }
            sb.append(line);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        // Helm 4 (go-crypto) always ends the text with a line break before the armor; when the
        // text itself ends with one this leaves an empty last line, which is part of the signed text
        sb.append('\n');
        return sb.toString();
    }

    /** ASCII armor of a signature as go-crypto writes it: no headers, 64 columns, no CRC, no final newline. */
    static String armor(byte[] signature) {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN_SIGNATURE).append("\n\n");
        String b64 = Base64.getEncoder().encodeToString(signature);
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        sb.append(END_SIGNATURE);
        return sb.toString();
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** go-crypto's {@code clearsign.Decode}: the first clear-signed message in {@code data}, or null. */
    static Block decode(byte[] data) {
        byte[] start = ("\n" + BEGIN_SIGNED).getBytes(StandardCharsets.US_ASCII);
        int pos;
        if (startsWith(data, 0, start, 1)) {
            pos = start.length - 1;
        } else {
            int i = indexOf(data, start, 0);
            if (i < 0) {
                return null;
            }
            pos = i + start.length;
        }
        // the rest of the start line must be empty
        int[] line = nextLine(data, pos);
        if (line[1] - line[0] != 0) {
            return null;
        }
        pos = line[2];
        // headers up to an empty line
        while (true) {
            if (pos >= data.length) {
                return null;
            }
            line = nextLine(data, pos);
            pos = line[2];
            if (line[1] == line[0]) {
                break;
            }
            String header = new String(data, line[0], line[1] - line[0], StandardCharsets.ISO_8859_1);
            for (int k = 0; k < header.length(); k++) {
                char c = header.charAt(k);
                if (c < 0x20 || c > 0x7e) {
                    return null;
                }
            }
            int colon = header.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = header.substring(0, colon).strip();
            if (!key.equals("Hash") && !key.equals("SaltedHash")) {
                return null;
            }
        }
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        byte[] endText = BEGIN_SIGNATURE.getBytes(StandardCharsets.US_ASCII);
        boolean first = true;
        int armorStart;
        while (true) {
            int lineStart = pos;
            line = nextLine(data, pos);
            pos = line[2];
            int len = line[1] - line[0];
            if (len == 0 && pos >= data.length) {
                return null;
            }
            if (len == endText.length && startsWith(data, line[0], endText, 0)) {
                armorStart = lineStart;
                break;
            }
            if (!first) {
                signed.write('\r');
                signed.write('\n');
            }
            first = false;
            int from = line[0];
            int to = line[1];
            if (to - from >= 2 && data[from] == '-' && data[from + 1] == ' ') {
                from += 2;
            }
            while (to > from && (data[to - 1] == ' ' || data[to - 1] == '\t')) {
                to--;
            }
            signed.write(data, from, to - from);
            plaintext.write(data, from, to - from);
            plaintext.write('\n');
        }
        byte[] end = ("\n" + END_SIGNATURE).getBytes(StandardCharsets.US_ASCII);
        int e = indexOf(data, end, armorStart);
        if (e < 0) {
            return null;
        }
        byte[] signature = dearmor(new String(data, armorStart, e + end.length - armorStart, StandardCharsets.ISO_8859_1));
        if (signature == null) {
            return null;
        }
        return new Block(plaintext.toByteArray(), signed.toByteArray(), signature);
    }

    /** The packets of an armored signature block, or null when it is malformed. */
    private static byte[] dearmor(String armored) {
        String[] lines = armored.split("\r?\n", -1);
        int i = 1;
        // armor headers up to the blank line
        while (i < lines.length && !lines[i].strip().isEmpty()) {
            if (!lines[i].contains(":")) {
                break;
            }
            i++;
        }
        if (i < lines.length && lines[i].strip().isEmpty()) {
            i++;
        }
        StringBuilder b64 = new StringBuilder();
        for (; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("-----END") || (l.startsWith("=") && l.length() == 5)) {
                break;
            }
            b64.append(l);
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(b64.toString());
            return decoded.length == 0 ? null : decoded;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** {start, end (without CR/LF), next line start}. */
    private static int[] nextLine(byte[] data, int pos) {
        int i = pos;
        while (i < data.length && data[i] != '\n') {
            i++;
        }
        if (i >= data.length) {
            return new int[] {pos, data.length, data.length};
        }
        int end = i;
        if (end > pos && data[end - 1] == '\r') {
            end--;
        }
        return new int[] {pos, end, i + 1};
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix, int prefixFrom) {
        int n = prefix.length - prefixFrom;
        if (at + n > data.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (data[at + k] != prefix[prefixFrom + k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes a signature over {@code cleartext} (as from {@link #cleartext}) covers, as a verifier decodes them. */
    static byte[] signedBytes(String cleartext) {
        Block block = decode((cleartext + BEGIN_SIGNATURE + "\n\nAA==\n" + END_SIGNATURE).getBytes(StandardCharsets.UTF_8));
        if (block == null) {
            throw new IllegalStateException("cannot frame clear-signed text");
        }
        return block.signedBytes();
    }
}
