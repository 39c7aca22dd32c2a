package dev.charter.chart.values;

import dev.charter.chart.ChartException;
import dev.charter.chart.loader.ChartLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code values.Options}: {@code -f}, {@code --set}, {@code --set-string}, {@code --set-file},
 * {@code --set-json} and {@code --set-literal}, merged in Helm's order.
 */
public final class ValuesOptions {

    /** Reads a values file (a path, {@code -} for stdin, or a URL) as Helm's {@code readFile}. */
    @FunctionalInterface
    public interface FileReader {
        byte[] read(String path) throws Exception;
    }

    public final List<String> valueFiles = new ArrayList<>();
    public final List<String> stringValues = new ArrayList<>();
    public final List<String> values = new ArrayList<>();
    public final List<String> fileValues = new ArrayList<>();
    public final List<String> jsonValues = new ArrayList<>();
    public final List<String> literalValues = new ArrayList<>();

    /** Helm's {@code MergeValues}. */
    public Map<String, Object> mergeValues(FileReader reader) {
        Map<String, Object> base = new LinkedHashMap<>();
        for (String filePath : valueFiles) {
            byte[] raw = readFile(reader, filePath);
            Map<String, Object> current;
            try {
                current = ChartLoader.loadValues(raw);
            } catch (ChartException e) {
                String m = e.getMessage();
                if (m.startsWith("cannot load values.yaml: ")) {
                    m = m.substring("cannot load values.yaml: ".length());
                }
                throw new ValuesException("failed to parse " + filePath + ": " + m, e);
            }
            base = Values.mergeMaps(base, current);
        }
        for (String value : jsonValues) {
            String trimmed = value.strip();
            if (!trimmed.isEmpty() && trimmed.charAt(0) == '{') {
                Object json;
                try {
                    json = dev.charter.sprig.Json.unmarshal(trimmed);
                } catch (RuntimeException e) {
                    throw new ValuesException("failed parsing --set-json data JSON: " + value);
                }
                if (!(json instanceof Map)) {
                    throw new ValuesException("failed parsing --set-json data JSON: " + value);
                }
                base = Values.mergeMaps(base, Values.asTable(json));
            } else {
                try {
                    StrVals.parseJson(value, base);
                } catch (ValuesException e) {
                    throw new ValuesException("failed parsing --set-json data " + value);
                }
            }
        }
        for (String value : values) {
            try {
                StrVals.parseInto(value, base);
            } catch (ValuesException e) {
                throw new ValuesException("failed parsing --set data: " + e.getMessage());
            }
        }
        for (String value : stringValues) {
            try {
                StrVals.parseIntoString(value, base);
            } catch (ValuesException e) {
                throw new ValuesException("failed parsing --set-string data: " + e.getMessage());
            }
        }
        for (String value : fileValues) {
            try {
                StrVals.parseIntoFile(value, base, rs -> new String(readFile(reader, rs), StandardCharsets.UTF_8));
            } catch (ValuesException e) {
                throw new ValuesException("failed parsing --set-file data: " + e.getMessage());
            }
        }
        for (String value : literalValues) {
            try {
                StrVals.parseLiteralInto(value, base);
            } catch (ValuesException e) {
                throw new ValuesException("failed parsing --set-literal data: " + e.getMessage());
            }
        }
        return base;
    }

    private static byte[] readFile(FileReader reader, String path) {
        try {
            return reader.read(path);
        } catch (ValuesException e) {
            throw e;
        } catch (Exception e) {
            throw new ValuesException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
