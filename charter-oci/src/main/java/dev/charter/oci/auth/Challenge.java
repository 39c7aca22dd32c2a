package dev.charter.oci.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} header (RFC 7235 as ORAS reads it: one challenge, parameters
 * as tokens or quoted strings). {@code scheme} is lower case: {@code basic}, {@code bearer}, or other.
 */
public record Challenge(String scheme, Map<String, String> parameters) {

    public static Challenge parse(String header) {
        if (header == null) {
            return new Challenge("", Map.of());
        }
        String text = header.trim();
        int space = indexOfSpace(text);
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        if (space < 0) {
            return new Challenge(scheme, params);
        }
        String rest = text.substring(space + 1);
        int i = 0;
        while (i < rest.length()) {
            while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == ',' || rest.charAt(i) == '\t')) {
                i++;
            }
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = rest.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < rest.length() && rest.charAt(i) == '"') {
                i++;
                while (i < rest.length() && rest.charAt(i) != '"') {
                    if (rest.charAt(i) == '\\' && i + 1 < rest.length()) {
                        i++;
                    }
                    value.append(rest.charAt(i++));
                }
                i++;
            } else {
                while (i < rest.length() && rest.charAt(i) != ',' && rest.charAt(i) != ' ') {
                    value.append(rest.charAt(i++));
                }
            }
            params.put(key, value.toString());
        }
        return new Challenge(scheme, Map.copyOf(params));
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    public String parameter(String name) {
        return parameters.getOrDefault(name, "");
    }
}
