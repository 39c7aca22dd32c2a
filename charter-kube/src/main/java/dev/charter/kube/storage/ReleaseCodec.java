package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;

/** Helm's {@code encodeRelease}/{@code decodeRelease}: JSON, gzip (best compression), standard base64. */
public final class ReleaseCodec {

    private ReleaseCodec() {
    }

    public static String encode(Release r) {
        byte[] json = r.toJson().getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(gzip(json));
    }

    /** gzip with Go's header for {@code gzip.BestCompression}: MTIME 0, XFL 2, OS 255. */
    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            buf.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff});
            Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
            try (DeflaterOutputStream out = new DeflaterOutputStream(buf, d, 65536) {
                @Override
                public void close() throws IOException {
                    finish();
                }
            }) {
                out.write(data);
            }
            d.end();
            CRC32 crc = new CRC32();
            crc.update(data);
            writeIntLe(buf, (int) crc.getValue());
            writeIntLe(buf, data.length);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIntLe(ByteArrayOutputStream o, int v) {
        o.write(v & 0xff);
        o.write((v >>> 8) & 0xff);
        o.write((v >>> 16) & 0xff);
        o.write((v >>> 24) & 0xff);
    }

    public static Release decode(String data) {
        byte[] b = Base64.getDecoder().decode(data.strip());
        if (b.length > 3 && b[0] == 0x1f && b[1] == (byte) 0x8b && b[2] == 8) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Release.fromJson(b);
    }
}
