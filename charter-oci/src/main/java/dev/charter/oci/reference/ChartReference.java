package dev.charter.oci.reference;

/**
 * Helm's view of an {@code oci://} chart reference ({@code pkg/registry/reference.go}): the digest
 * after the last {@code @} is split off first, a tag's {@code +} becomes {@code _}, and the rest
 * is parsed by ORAS' grammar.
 *
 * @param registry   host[:port]
 * @param repository lower-case repository path
 * @param tag        tag after {@code +}→{@code _} conversion, or empty
 * @param digest     digest text, or empty
 */
public record ChartReference(String registry, String repository, String tag, String digest) {

    public static final String SCHEME = "oci://";

    /** Helm's {@code registry.IsOCI}: a case-sensitive prefix test. */
    public static boolean isOci(String text) {
        return text.startsWith(SCHEME);
    }

    /** Parses with or without the {@code oci://} prefix, with Helm's and ORAS' error texts. */
    public static ChartReference parse(String raw) {
        String text = raw.startsWith(SCHEME) ? raw.substring(SCHEME.length()) : raw;
        String digest = "";
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            digest = text.substring(at + 1);
            text = text.substring(0, at);
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 1 && !parts[parts.length - 1].contains("/")) {
            String tag = parts[parts.length - 1];
            if (!tag.isEmpty()) {
                // Helm's quirk: a global replace of the tag text over the whole reference
                text = text.replace(tag, tag.replace('+', '_'));
            }
        }
        Reference parsed = Reference.parse(text);
        if (!digest.isEmpty()) {
            Reference.validateDigest(digest);
        }
        return new ChartReference(parsed.registry(), parsed.repository(), parsed.reference(), digest);
    }

    /** The reference to fetch: by digest when pinned, else by tag. */
    public Reference target() {
        return new Reference(registry, repository, digest.isEmpty() ? tag : digest);
    }

    public Reference repositoryReference() {
        return new Reference(registry, repository, "");
    }

    /** Helm's string form: the digest is dropped when a tag exists. */
    @Override
    public String toString() {
        if (!tag.isEmpty()) {
            return registry + "/" + repository + ":" + tag;
        }
        return registry + "/" + repository + "@" + digest;
    }

    /** Tag text as pushed: chart versions' {@code +} is not allowed in OCI tags. */
    public static String versionToTag(String version) {
        return version.replace('+', '_');
    }

    public static String tagToVersion(String tag) {
        return tag.replace('_', '+');
    }
}
