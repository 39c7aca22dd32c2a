package dev.charter.chart.loader;

import java.util.Arrays;

/** The loader strips one leading UTF-8 byte order mark from every file, as Helm does. */
final class Bom {

    private Bom() {
    }

    static byte[] strip(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return Arrays.copyOfRange(data, 3, data.length);
        }
        return data;
    }
}
