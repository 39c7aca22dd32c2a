package dev.charter.oci.chart;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code oci://…} plus {@code --version} into what to download, with Helm v4's rules
 * ({@code registry.Client.ValidateReference}, {@code Tags}, {@code GetTagMatchingVersionOrConstraint}):
 * tag/version consistency, digest pins with an advisory tag check, lenient versions used verbatim
 * as tags, otherwise strict-Version tags sorted descending and matched against a constraint.
 */
public final class ChartResolver {

    /** What {@code --devel} without {@code --version} means. */
    public static final String DEVEL = ">0.0.0-0";

    private final RegistryClient client;

    public ChartResolver(RegistryClient client) {
        this.client = client;
    }

    public ResolvedChart resolve(String ref, String requestedVersion) {
        ChartReference parsed = ChartReference.parse(ref);
        String version = requestedVersion == null ? "" : requestedVersion;
        if (version.isEmpty()) {
            version = parsed.tag();
        } else if (!parsed.tag().isEmpty() && !parsed.tag().equals(version)) {
            throw new OciException("chart reference and version mismatch: " + version + " is not " + parsed.tag());
        }
        if (!parsed.digest().isEmpty()) {
            if (!version.isEmpty()) {
                checkTagDigest(parsed, version);
            }
            return new ResolvedChart(parsed.registry(), parsed.repository(), "", parsed.digest());
        }
        if (Version.tryParse(version).isPresent()) {
            return new ResolvedChart(parsed.registry(), parsed.repository(), version, "");
        }
        String withoutScheme = ref.startsWith(ChartReference.SCHEME) ? ref.substring(ChartReference.SCHEME.length()) : ref;
        List<String> tags = versionTags(Reference.parse(withoutScheme));
        if (tags.isEmpty()) {
            throw new OciException("unable to locate any tags in provided repository: " + ref);
        }
        return new ResolvedChart(parsed.registry(), parsed.repository(), matching(tags, version), "");
    }

    /** Helm only warns off a real mismatch; any failure of the HEAD itself is ignored. */
    private void checkTagDigest(ChartReference parsed, String version) {
        Optional<Descriptor> tagged;
        try {
            Reference byTag = Reference.parse(parsed.registry() + "/" + parsed.repository() + ":" + version);
            tagged = client.manifests().resolve(byTag, Scopes.pull(parsed.repository()));
        } catch (RuntimeException e) {
            return;
        }
        if (tagged.isPresent() && !tagged.get().digest().equals(parsed.digest())) {
            throw new OciException("chart reference digest mismatch: " + tagged.get().digest() + " is not " + parsed.digest());
        }
    }

    /** Tags that are strict Version once {@code _} is read as {@code +}, highest first, in {@code +} form. */
    public List<String> versionTags(Reference repository) {
        List<Version> versions = new ArrayList<>();
        for (String tag : client.tags().list(repository)) {
            Version.tryParseStrict(ChartReference.tagToVersion(tag)).ifPresent(versions::add);
        }
        versions.sort(Comparator.reverseOrder());
        return versions.stream().map(Version::normalized).toList();
    }

    /** Helm's {@code GetTagMatchingVersionOrConstraint}. */
    public static String matching(List<String> tags, String version) {
        Constraint constraint;
        if (version.isEmpty()) {
            constraint = Constraint.parse("*");
        } else {
            if (tags.contains(version)) {
                return version;
            }
            try {
                constraint = Constraint.parse(version);
            } catch (dev.charter.semver.SemverException e) {
                throw new OciException(e.getMessage(), e);
            }
        }
        for (String tag : tags) {
            Optional<Version> v = Version.tryParse(tag);
            if (v.isPresent() && constraint.check(v.get())) {
                return tag;
            }
        }
        throw new OciException("could not locate a version matching provided version string " + version);
    }
}
