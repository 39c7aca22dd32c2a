package dev.charter.chart.loader;

import dev.charter.chart.ChartException;

/**
 * Helm's {@code EnsureArchive}: a file that does not start like gzip is refused, with a hint when
 * its name says YAML, else naming the content type Go's {@code http.DetectContentType} reports
 * (the common signatures are recognised here; anything else is text or octet-stream).
 */
final class ContentSniffer {

    private ContentSniffer() {
    }

    static void ensureArchive(String name, byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B && head[2] == 8) {
            return;
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            throw new ChartException("file '" + name + "' seems to be a YAML file, but expected a gzipped archive");
        }
        throw new ChartException("file '" + name + "' does not appear to be a gzipped archive; got '" + detect(head) + "'");
    }

    static String detect(byte[] b) {
        if (startsWith(b, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(b, "PK\u0003\u0004")) {
            return "application/zip";
        }
        if (startsWith(b, "\u0089PNG\r\n\u001a\n")) {
            return "image/png";
        }
        if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
            return "image/gif";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "text/plain; charset=utf-16be";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "text/plain; charset=utf-16le";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return "text/plain; charset=utf-8";
        }
        int i = 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f')) {
            i++;
        }
        String rest = new String(b, i, b.length - i, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
                "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
            if (rest.startsWith(tag) && rest.length() > tag.length()
                    && (rest.charAt(tag.length()) == ' ' || rest.charAt(tag.length()) == '>')) {
                return "text/html; charset=utf-8";
            }
        }
        if (rest.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (byte x : b) {
            int c = x & 0xFF;
            if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F)) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static boolean startsWith(byte[] b, String sig) {
        if (b.length < sig.length()) {
            return false;
        }
        for (int i = 0; i < sig.length(); i++) {
            if ((b[i] & 0xFF) != sig.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
