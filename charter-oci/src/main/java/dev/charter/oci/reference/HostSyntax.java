package dev.charter.oci.reference;

/**
 * The subset of Go's {@code url.Parse} host rules that decides whether a registry name is valid:
 * ORAS accepts a name when {@code dummy://<name>} parses back to the same host.
 */
final class HostSyntax {

    private static final String ALLOWED_PUNCTUATION = "-_.~!$&'()*+,;=:[]<>\"";

    private HostSyntax() {
    }

    static boolean isValidHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (char c : host.toCharArray()) {
            // '/', '?', '#' end the authority and '@' starts user info, so the host would differ
            if (c == '/' || c == '?' || c == '#' || c == '@' || c == '%') {
                return false;
            }
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0)) && c < 0x80) {
                return false;
            }
            if (c < 0x21) {
                return false;
            }
        }
        String port;
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                return false;
            }
            port = host.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                return false;
            }
        } else {
            int colon = host.lastIndexOf(':');
            port = colon < 0 ? "" : host.substring(colon);
        }
        // Go's validOptionalPort: empty, or ':' followed by digits only
        if (port.isEmpty()) {
            return true;
        }
        for (int i = 1; i < port.length(); i++) {
            if (!Character.isDigit(port.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
