package dev.charter.chart.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A gzip stream with the header Helm's packager writes: FEXTRA carrying Helm's fixed 41-byte
 * string (not RFC 1952 sub-fields), FCOMMENT {@code Helm}, MTIME 0, XFL 0, OS 255. The deflate
 * data comes from zlib, so it differs from Go's compressor; the decompressed bytes do not.
 */
public final class HelmGzip extends OutputStream {

    static final byte[] EXTRA = "+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=".getBytes(StandardCharsets.US_ASCII);
    static final byte[] COMMENT = "Helm".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream raw;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final DeflaterOutputStream deflate;
    private final CRC32 crc = new CRC32();
    private long size;

    public HelmGzip(OutputStream raw) throws IOException {
        this.raw = raw;
        raw.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x14, 0, 0, 0, 0, 0, (byte) 0xff});
        raw.write(new byte[] {(byte) EXTRA.length, 0});
        raw.write(EXTRA);
        raw.write(COMMENT);
        raw.write(0);
        this.deflate = new DeflaterOutputStream(raw, deflater, 65536);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        deflate.write(b, off, len);
        crc.update(b, off, len);
        size += len;
    }

    @Override
    public void close() throws IOException {
        deflate.finish();
        deflater.end();
        writeIntLe((int) crc.getValue());
        writeIntLe((int) size);
        raw.close();
    }

    private void writeIntLe(int v) throws IOException {
        raw.write(v & 0xff);
        raw.write((v >>> 8) & 0xff);
        raw.write((v >>> 16) & 0xff);
        raw.write((v >>> 24) & 0xff);
    }
}
