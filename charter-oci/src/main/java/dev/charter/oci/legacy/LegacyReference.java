package dev.charter.oci.legacy;

import dev.charter.oci.OciException;
import dev.charter.oci.reference.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reference as Helm 3.0–3.6 parsed it ({@code internal/experimental/registry/reference.go}): no
 * {@code oci://}, any tag, one {@code :} besides a port. The repo keeps the registry host
 * ({@code localhost:5000/myrepo/mychart}); {@link #fullName()} is the key of the local cache.
 */
public record LegacyReference(String repo, String tag) {

    static final String TOO_MANY_COLONS =
            "ref may only contain a single colon character (:) unless specifying a port number";
    private static final Pattern PORT = Pattern.compile(
            "^([1-9]\\d{0,3}|0|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$");

    public static LegacyReference parse(String s) {
        if (s.isEmpty()) {
            throw new OciException("parsed repo was empty");
        }
        List<String> parts = fixPort(Arrays.asList(s.split(":", -1)));
        if (parts.size() > 3) {
            throw new OciException(TOO_MANY_COLONS);
        }
        LegacyReference ref = switch (parts.size()) {
            case 1 -> new LegacyReference(parts.get(0), "");
            case 2 -> new LegacyReference(parts.get(0), parts.get(1));
            default -> new LegacyReference(parts.get(0) + ":" + parts.get(1), parts.get(2));
        };
        ref.validate();
        return ref;
    }

    /** Helm's {@code fixSplitComponents}: {@code {localhost, 5000/x/y, 0.1.0}} becomes {@code {localhost:5000/x/y, 0.1.0}}. */
    private static List<String> fixPort(List<String> c) {
        if (c.size() <= 1) {
            return c;
        }
        String first = c.get(1).split("/", -1)[0];
        if (c.get(1).contains("/") && isGoInt(first)) {
            List<String> joined = new ArrayList<>();
            joined.add(c.get(0) + ":" + c.get(1));
            joined.addAll(c.subList(2, c.size()));
            return joined;
        }
        return c;
    }

    private static boolean isGoInt(String s) {
        // strconv.Atoi: optional sign, decimal digits, within int64
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void validate() {
        if (repo.isEmpty()) {
            throw new OciException("parsed repo was empty");
        }
        if (tag.contains(":")) {
            throw new OciException(TOO_MANY_COLONS);
        }
        String[] parts = repo.split(":", -1);
        int last = parts.length - 1;
        if (last > 1) {
            throw new OciException(TOO_MANY_COLONS);
        }
        if (last > 0 && !PORT.matcher(parts[last].split("/", -1)[0]).matches()) {
            throw new OciException(TOO_MANY_COLONS);
        }
    }

    /** {@code repo:tag}, or just the repo without a tag. */
    public String fullName() {
        return tag.isEmpty() ? repo : repo + ":" + tag;
    }

    /** The same reference in the registry grammar the HTTP client speaks (ORAS' rules apply there). */
    public Reference remote() {
        return Reference.parse(fullName());
    }

    /** The repository without the tag, as a reference (for blob and manifest requests). */
    public Reference remoteRepository() {
        return Reference.parse(repo);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
