package dev.charter.oci.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.ResponseException;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the chart versions in a registry, something Helm cannot do (helm#11000): for a chart
 * repository ({@code oci://host/ns/chart}) its Version tags, for a namespace ({@code oci://host/ns})
 * every chart the registry's catalog lists below it. App version and description come from each
 * version's config blob — a few hundred bytes — so no chart archive is downloaded, and config blobs
 * already in the digest cache are not downloaded again.
 */
public final class ChartSearch {

    /** One chart version as the search table shows it. */
    public record Result(String name, String version, String appVersion, String description) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClient client;
    private final BlobCache cache;

    public ChartSearch(RegistryClient client, BlobCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * Searches {@code ociRef} ({@code oci://host[:port]/path}).
     *
     * @param versionConstraint Masterminds constraint ({@code ""} = newest stable)
     * @param devel             include prereleases ({@code >0.0.0-0}) when no constraint is given
     * @param allVersions       every matching version instead of the newest per chart
     */
    public List<Result> search(String ociRef, String versionConstraint, boolean devel, boolean allVersions) {
        if (!ChartReference.isOci(ociRef)) {
            throw new OciException("invalid reference: " + ociRef + " does not start with " + ChartReference.SCHEME);
        }
        String path = ociRef.substring(ChartReference.SCHEME.length());
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Constraint constraint;
        try {
            constraint = Constraint.parse(!versionConstraint.isEmpty() ? versionConstraint : devel ? ChartResolver.DEVEL : "*");
        } catch (dev.charter.semver.SemverException e) {
            throw new OciException(e.getMessage(), e);
        }
        int slash = path.indexOf('/');
        String registry = slash < 0 ? path : path.substring(0, slash);
        String repository = slash < 0 ? "" : path.substring(slash + 1);
        if (!repository.isEmpty()) {
            Reference repo = Reference.parse(registry + "/" + repository);
            Optional<List<String>> tags = tagsIfRepository(repo);
            // a repository without tags may still be a namespace (some registries answer an empty
            // list rather than NAME_UNKNOWN for a path that only has repositories below it)
            if (tags.isPresent() && !tags.get().isEmpty()) {
                return versionsOf(repo, tags.get(), constraint, allVersions);
            }
        } else {
            Reference.validateRegistry(registry);
        }
        // not a chart repository: treat the path as a namespace and walk the catalog
        List<Result> results = new ArrayList<>();
        String prefix = repository.isEmpty() ? "" : repository + "/";
        for (String name : client.catalog().repositories(registry)) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            Reference repo = new Reference(registry, name, "");
            Optional<List<String>> tags = tagsIfRepository(repo);
            if (tags.isPresent()) {
                results.addAll(versionsOf(repo, tags.get(), constraint, allVersions));
            }
        }
        return results;
    }

    /** The repository's tags, or empty when it does not exist (404). */
    private Optional<List<String>> tagsIfRepository(Reference repo) {
        try {
            return Optional.of(client.tags().list(repo));
        } catch (ResponseException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<Result> versionsOf(Reference repo, List<String> tags, Constraint constraint, boolean allVersions) {
        List<Version> versions = new ArrayList<>();
        for (String tag : tags) {
            Version.tryParseStrict(ChartReference.tagToVersion(tag)).filter(constraint::check).ifPresent(versions::add);
        }
        versions.sort(java.util.Comparator.reverseOrder());
        List<Result> results = new ArrayList<>();
        String name = ChartReference.SCHEME + repo.registry() + "/" + repo.repository();
        for (Version version : allVersions ? versions : versions.stream().limit(1).toList()) {
            String canonical = version.normalized();
            JsonNode config = config(repo.withReference(ChartReference.versionToTag(canonical)));
            if (config == null) {
                continue; // a Version tag that is not a Helm chart (e.g. a container image)
            }
            results.add(new Result(name, canonical, config.path("appVersion").asText(""), config.path("description").asText("")));
        }
        return results;
    }

    /** The Helm config of a tagged manifest, or null when the manifest is no chart. */
    private JsonNode config(Reference tagged) {
        Manifest manifest = client.manifests().fetch(tagged);
        Descriptor config = manifest.config();
        if (config == null || !MediaTypes.HELM_CONFIG.equals(config.mediaType())) {
            return null;
        }
        try {
            Optional<Path> cached = cache == null ? Optional.empty() : cache.find(config.digest(), config.size());
            byte[] bytes;
            if (cached.isPresent()) {
                bytes = Files.readAllBytes(cached.get());
            } else {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                client.blobs().fetch(tagged, config, buffer); // verified against digest and size
                bytes = buffer.toByteArray();
                if (cache != null) {
                    cache.store(config.digest(), bytes);
                }
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
