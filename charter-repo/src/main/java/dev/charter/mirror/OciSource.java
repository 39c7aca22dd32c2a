package dev.charter.mirror;

import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartResolver;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An OCI namespace ({@code oci://host/ns}) as a mirror source: every repository below it, every SemVer tag. */
public final class OciSource implements Mirror.Source {

    private final RegistryClient client;
    private final String registry;
    private final String namespace;

    public OciSource(RegistryClient client, String ociNamespace) {
        this.client = client;
        String s = ociNamespace.startsWith(ChartReference.SCHEME) ? ociNamespace.substring(ChartReference.SCHEME.length()) : ociNamespace;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.indexOf('/');
        this.registry = slash < 0 ? s : s.substring(0, slash);
        this.namespace = slash < 0 ? "" : s.substring(slash + 1);
    }

    @Override
    public List<Mirror.Candidate> list() {
        List<Mirror.Candidate> out = new ArrayList<>();
        String prefix = namespace.isEmpty() ? "" : namespace + "/";
        for (String repo : client.catalog().repositories(registry)) {
            if (!repo.startsWith(prefix) || repo.substring(prefix.length()).contains("/")) {
                continue;
            }
            String name = repo.substring(prefix.length());
            for (String version : new ChartResolver(client).versionTags(Reference.parse(registry + "/" + repo))) {
                Reference ref = new Reference(registry, repo, ChartReference.versionToTag(version));
                Manifest m = client.manifests().fetch(ref);
                String digest = m.layers().stream().filter(l -> l.mediaType().equals(MediaTypes.HELM_CHART)
                        || l.mediaType().equals(MediaTypes.LEGACY_CHART)).map(Descriptor::digest).findFirst().orElse(null);
                if (digest == null) {
                    continue; // not a chart
                }
                Instant created = null;
                String c = m.annotations() == null ? null : m.annotations().get("org.opencontainers.image.created");
                if (c != null) {
                    try {
                        created = OffsetDateTime.parse(c).toInstant();
                    } catch (RuntimeException ignored) {
                        // unparsable: no time
                    }
                }
                out.add(new Mirror.Candidate(name, version, digest, created, ref));
            }
        }
        return out;
    }

    @Override
    public Mirror.Fetched fetch(Mirror.Candidate candidate, Path dir) {
        Reference ref = (Reference) candidate.handle();
        Path archive = dir.resolve(candidate.name() + "-" + candidate.version() + ".tgz");
        Path prov = archive.resolveSibling(archive.getFileName() + ".prov");
        ChartPuller puller = new ChartPuller(client, null);
        var pulled = puller.pull(ref, new PullOptions(true, true, true), archive, prov, line -> { });
        return new Mirror.Fetched(archive, pulled.provenance());
    }
}
