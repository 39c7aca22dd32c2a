package dev.charter.oci.reference;

import java.util.regex.Pattern;

/**
 * A registry reference {@code registry/repository[:tag|@digest]} with ORAS' grammar
 * ({@code registry.ParseReference}). {@code reference} is the tag or the digest text, or empty.
 */
public record Reference(String registry, String repository, String reference) {

    private static final Pattern REPOSITORY = Pattern.compile(
            "^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$");
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");

    /** Parses {@code registry/repository[:tag][@digest]} exactly as ORAS does, with its error texts. */
    public static Reference parse(String artifact) {
        int slash = artifact.indexOf('/');
        if (slash < 0) {
            throw new InvalidReferenceException("missing registry or repository");
        }
        String registry = artifact.substring(0, slash);
        String path = artifact.substring(slash + 1);
        boolean isTag;
        String repository;
        String reference;
        int at = path.indexOf('@');
        if (at >= 0) {
            isTag = false;
            repository = path.substring(0, at);
            reference = path.substring(at + 1);
            int colon = repository.indexOf(':');
            if (colon >= 0) {
                repository = repository.substring(0, colon);
            }
        } else if (path.indexOf(':') >= 0) {
            int colon = path.indexOf(':');
            isTag = true;
            repository = path.substring(0, colon);
            reference = path.substring(colon + 1);
        } else {
            isTag = false;
            repository = path;
            reference = "";
        }
        validateRegistry(registry);
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new InvalidReferenceException("invalid repository " + GoStrings.quote(repository));
        }
        if (!reference.isEmpty()) {
            if (isTag) {
                validateTag(reference);
            } else {
                validateDigest(reference);
            }
        }
        return new Reference(registry, repository, reference);
    }

    /** ORAS' {@code ValidateRegistry}: the name must survive as the host of {@code dummy://<name>}. */
    public static void validateRegistry(String registry) {
        if (!HostSyntax.isValidHost(registry)) {
            throw new InvalidReferenceException("invalid registry " + GoStrings.quote(registry));
        }
    }

    public static void validateTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidReferenceException("invalid tag " + GoStrings.quote(tag));
        }
    }

    public static void validateDigest(String digest) {
        String problem = Digest.problem(digest);
        if (problem != null) {
            throw new InvalidReferenceException("invalid digest " + GoStrings.quote(digest) + ": " + problem);
        }
    }

    public Reference withReference(String newReference) {
        return new Reference(registry, repository, newReference);
    }

    public boolean hasDigest() {
        // a tag can never contain ':', so the reference part is a digest exactly when it has one
        return reference.contains(":");
    }

    /** The host actually contacted: ORAS sends {@code docker.io} to {@code registry-1.docker.io}. */
    public String endpointHost() {
        return registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    }

    /** {@code registry/repository:tag}, {@code registry/repository@digest} or {@code registry/repository}. */
    @Override
    public String toString() {
        if (reference.isEmpty()) {
            return registry + "/" + repository;
        }
        return registry + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }
}
