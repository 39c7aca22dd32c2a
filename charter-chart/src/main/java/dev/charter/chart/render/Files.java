package dev.charter.chart.render;

import dev.charter.chart.ChartFile;
import dev.charter.chart.GoPath;
import dev.charter.template.value.GoTypeName;
import dev.charter.template.value.GoVisible;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Helm's {@code engine.files}: {@code .Files} with Get, GetBytes, Glob, Lines, AsConfig, AsSecrets. */
@GoTypeName("engine.files")
public final class Files extends LinkedHashMap<String, Object> {

    public Files() {}

    public static Files of(List<ChartFile> from) {
        Files f = new Files();
        for (ChartFile c : from) {
            f.put(c.name(), c.data());
        }
        return f;
    }

    private byte[] bytes(String name) {
        Object v = get(name);
        return v instanceof byte[] b ? b : null;
    }

    @GoVisible("GetBytes")
    public byte[] getBytes(String name) {
        byte[] b = bytes(name);
        return b == null ? new byte[0] : b;
    }

    @GoVisible("Get")
    public String getString(String name) {
        return new String(getBytes(name), StandardCharsets.UTF_8);
    }

    @GoVisible("Glob")
    public Files glob(String pattern) {
        Pattern p;
        try {
            p = compileGlob(pattern);
        } catch (IllegalArgumentException e) {
            p = Pattern.compile("(?s).*");
        }
        Files nf = new Files();
        for (Map.Entry<String, Object> e : entrySet()) {
            if (p.matcher(e.getKey()).matches()) {
                nf.put(e.getKey(), e.getValue());
            }
        }
        return nf;
    }

    @GoVisible("AsConfig")
    public String asConfig() {
        Map<String, Object> m = new TreeMap<>();
        for (Map.Entry<String, Object> e : entrySet()) {
            m.put(GoPath.base(e.getKey()), new String((byte[]) e.getValue(), StandardCharsets.UTF_8));
        }
        return HelmFunctions.toYaml(m);
    }

    @GoVisible("AsSecrets")
    public String asSecrets() {
        Map<String, Object> m = new TreeMap<>();
        for (Map.Entry<String, Object> e : entrySet()) {
            m.put(GoPath.base(e.getKey()), Base64.getEncoder().encodeToString((byte[]) e.getValue()));
        }
        return HelmFunctions.toYaml(m);
    }

    @GoVisible("Lines")
    public List<Object> lines(String path) {
        byte[] b = bytes(path);
        if (b == null) {
            return new ArrayList<>();
        }
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            // Go indexes s[len(s)-1] and panics on an empty file
            throw new IllegalStateException("runtime error: index out of range [-1]");
        }
        if (s.charAt(s.length() - 1) == '\n') {
            s = s.substring(0, s.length() - 1);
        }
        return new ArrayList<>(List.of((Object[]) s.split("\n", -1)));
    }

    /** gobwas/glob with '/' as separator: {@code *}, {@code **}, {@code ?}, {@code [..]}, {@code {a,b}}. */
    static Pattern compileGlob(String glob) {
        StringBuilder re = new StringBuilder("(?s)");
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int j = glob.indexOf(']', i + 1);
                    if (j < 0) {
                        throw new IllegalArgumentException("unexpected end of input");
                    }
                    String body = glob.substring(i + 1, j);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = j;
                }
                case '{' -> {
                    depth++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (depth == 0) {
                        re.append("\\}");
                    } else {
                        depth--;
                        re.append(')');
                    }
                }
                case ',' -> re.append(depth > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        throw new IllegalArgumentException("unexpected end of input");
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unexpected end of input");
        }
        return Pattern.compile(re.toString());
    }
}
