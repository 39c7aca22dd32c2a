package dev.charter.registry.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One inclusive byte range of a {@code Range: bytes=...} request header. */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /** What a {@code Range} header asks of a blob of {@code size} bytes. */
    sealed interface Request {
        /** No header, or one we do not serve (several ranges): send the whole blob. */
        record Whole() implements Request {}
        record Partial(ByteRange range) implements Request {}
        record Unsatisfiable() implements Request {}
    }

    static Request parse(String header, long size) {
        if (header == null) {
            return new Request.Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Request.Whole();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return new Request.Unsatisfiable();
                }
                return new Request.Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                return new Request.Unsatisfiable();
            }
            return new Request.Partial(new ByteRange(first, last));
        } catch (NumberFormatException tooLarge) {
            return new Request.Unsatisfiable();
        }
    }

    /** A chunk upload's {@code Content-Range: <first>-<last>}; empty when malformed. */
    static Optional<ByteRange> parseContentRange(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/(?:\\d+|\\*))?").matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            return last < first ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
