package dev.charter.chart.loader;

import dev.charter.chart.ChartException;
import dev.charter.chart.GoPath;
import dev.charter.chart.GoQuote;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the files of a gzipped chart archive into memory with Helm's safety rules
 * ({@code pkg/chart/loader/archive}): entries must live below one top directory, no absolute
 * paths, no {@code ..}, no drive letters, 5 MiB per file and 100 MiB in total. Nothing is written
 * to disk. Link entries are read like Helm's tar reader does, as empty files: their targets are
 * never followed.
 */
public final class ArchiveReader {

    public static final long MAX_DECOMPRESSED_CHART_SIZE = 100L * 1024 * 1024;
    public static final long MAX_DECOMPRESSED_FILE_SIZE = 5L * 1024 * 1024;
    private static final Pattern DRIVE_PATH = Pattern.compile("^[a-zA-Z]:/.*", Pattern.DOTALL);

    private ArchiveReader() {
    }

    /** Thrown for gzip header problems, which Helm reports differently from other archive errors. */
    public static final class GzipHeaderException extends ChartException {
        GzipHeaderException() {
            super("gzip: invalid header");
        }
    }

    public static List<BufferedFile> read(InputStream in) {
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(in, 65536);
        } catch (ZipException e) {
            throw new GzipHeaderException();
        } catch (EOFException e) {
            throw new ChartException("EOF");
        } catch (IOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        List<BufferedFile> files = new ArrayList<>();
        long remaining = MAX_DECOMPRESSED_CHART_SIZE;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry hd;
            while ((hd = nextEntry(tar)) != null) {
                if (hd.isDirectory()) {
                    continue;
                }
                if (hd.isGlobalPaxHeader() || hd.isPaxHeader()) {
                    continue;
                }
                String rawName = hd.getName();
                String delimiter = rawName.indexOf('\\') >= 0 ? "\\" : "/";
                String[] parts = rawName.split(Pattern.quote(delimiter), -1);
                String n = String.join(delimiter, Arrays.asList(parts).subList(1, parts.length)).replace(delimiter, "/");
                if (n.startsWith("/")) {
                    throw new ChartException("chart illegally contains absolute paths");
                }
                n = GoPath.clean(n);
                if (n.equals(".")) {
                    throw new ChartException("chart illegally contains content outside the base directory: "
                            + GoQuote.quote(rawName));
                }
                if (n.startsWith("..")) {
                    throw new ChartException("chart illegally references parent directory");
                }
                if (DRIVE_PATH.matcher(n).matches()) {
                    throw new ChartException("chart contains illegally named files");
                }
                if (parts[0].equals("Chart.yaml")) {
                    throw new ChartException("chart yaml not in base directory");
                }
                long size = hd.isSymbolicLink() || hd.isLink() ? 0 : hd.getSize();
                if (size > remaining) {
                    throw tooLarge();
                }
                if (size > MAX_DECOMPRESSED_FILE_SIZE) {
                    throw new ChartException("decompressed chart file " + GoQuote.quote(rawName)
                            + " is larger than the maximum file size " + MAX_DECOMPRESSED_FILE_SIZE);
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
                long written = tar.transferTo(new LimitedSink(buf, remaining));
                remaining -= written;
                if (written < size || remaining <= 0) {
                    throw tooLarge();
                }
                byte[] data = Bom.strip(buf.toByteArray());
                files.add(new BufferedFile(n, hd.getLastModifiedDate().toInstant(), data));
            }
        } catch (ZipException e) {
            throw new ChartException("gzip: invalid checksum", e);
        } catch (EOFException e) {
            throw new ChartException("unexpected EOF", e);
        } catch (IOException e) {
            throw new ChartException(e.getMessage() == null ? "unexpected EOF" : e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ChartException("no files in chart archive");
        }
        return files;
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new IOException("archive/tar: invalid tar header", e);
        }
    }

    private static ChartException tooLarge() {
        return new ChartException("decompressed chart is larger than the maximum size " + MAX_DECOMPRESSED_CHART_SIZE);
    }

    /** Stops counting past the limit, like io.LimitReader in front of the copy. */
    private static final class LimitedSink extends java.io.OutputStream {
        private final ByteArrayOutputStream target;
        private long left;

        LimitedSink(ByteArrayOutputStream target, long limit) {
            this.target = target;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                target.write(b, off, (int) left);
                left = 0;
                throw new LimitReached();
            }
            target.write(b, off, len);
            left -= len;
        }
    }

    private static final class LimitReached extends IOException {
        LimitReached() {
            super("decompressed chart is larger than the maximum size " + MAX_DECOMPRESSED_CHART_SIZE);
        }
    }
}
