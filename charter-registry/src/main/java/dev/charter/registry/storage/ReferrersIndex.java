package dev.charter.registry.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The referrers of each subject, kept on disk so {@code GET /v2/<name>/referrers/<digest>} reads
 * one small file per referrer instead of parsing every manifest of the repository. Per repository:
 * <pre>
 * _manifests/charter-referrers/&lt;alg&gt;/&lt;subject hex&gt;/&lt;alg&gt;/&lt;referrer hex&gt;   descriptor JSON
 * _manifests/charter-referrers/complete                                      marker: every revision is indexed
 * </pre>
 * Each entry is written with the driver's atomic {@code putContent}. Ordering keeps the index
 * safe across crashes without a journal: a manifest PUT writes its entry <em>before</em> linking
 * the revision, a DELETE removes the entry <em>after</em> unlinking it, and readers skip entries
 * whose revision is not (or no longer) linked. So a crash can leave a stale entry, which is
 * invisible, but never hide a referrer. A repository without the marker (written by an older
 * Charter, by Distribution, or whose index was deleted) is re-indexed once from its revisions.
 * Distribution ignores these files, as it does {@code charter-mediatype}.
 */
public final class ReferrersIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "charter-referrers";
    private static final byte[] MARKER = "1\n".getBytes(StandardCharsets.US_ASCII);

    private final StorageDriver driver;
    private final RepositoryStore repositories;

    public ReferrersIndex(StorageDriver driver, RepositoryStore repositories) {
        this.driver = driver;
        this.repositories = repositories;
    }

    /** What the referrers API lists for one referring manifest. */
    public record Referrer(Digest digest, String mediaType, long size, String artifactType, Map<String, String> annotations) {
        public Referrer {
            annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
        }

        /** The OCI descriptor, in the spec's field order. */
        public ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("mediaType", mediaType);
            node.put("digest", digest.toString());
            node.put("size", size);
            if (artifactType != null) {
                node.put("artifactType", artifactType);
            }
            if (!annotations.isEmpty()) {
                ObjectNode map = node.putObject("annotations");
                annotations.forEach(map::put);
            }
            return node;
        }

        static Optional<Referrer> fromJson(byte[] bytes) {
            try {
                JsonNode node = JSON.readTree(bytes);
                Optional<Digest> digest = Digest.tryParse(node.path("digest").asText(""));
                if (digest.isEmpty() || !node.path("mediaType").isTextual()) {
                    return Optional.empty();
                }
                Map<String, String> annotations = new TreeMap<>();
                node.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
                String artifactType = node.path("artifactType").isTextual() ? node.get("artifactType").asText() : null;
                return Optional.of(new Referrer(digest.get(), node.get("mediaType").asText(), node.path("size").asLong(),
                        artifactType, annotations));
            } catch (IOException e) {
                return Optional.empty(); // a torn or foreign file: the rebuild or the next PUT rewrites it
            }
        }
    }

    /** Records {@code referrer} under {@code subject}; call before the referrer's revision is linked. */
    public void add(RepositoryName name, Digest subject, Referrer referrer) throws IOException {
        driver.putContent(entry(name, subject, referrer.digest()), JSON.writeValueAsBytes(referrer.toJson()));
    }

    /** Forgets {@code referrer} under {@code subject}; call after the referrer's revision is unlinked. */
    public void remove(RepositoryName name, Digest subject, Digest referrer) throws IOException {
        driver.delete(entry(name, subject, referrer));
    }

    /** Whether every revision of the repository is known to be in the index. */
    public boolean isComplete(RepositoryName name) throws IOException {
        return driver.stat(marker(name)).isPresent();
    }

    /** Declares the index complete: after a rebuild, or when a repository is created by a PUT. */
    public void markComplete(RepositoryName name) throws IOException {
        driver.putContent(marker(name), MARKER);
    }

    /** The linked referrers of {@code subject}, ordered by digest; O(referrers) reads. */
    public List<Referrer> list(RepositoryName name, Digest subject) throws IOException {
        List<Referrer> referrers = new ArrayList<>();
        String subjectDir = root(name) + "/" + subject.algorithm() + "/" + subject.hex();
        for (String algorithmDir : driver.list(subjectDir)) {
            for (String file : driver.list(algorithmDir)) {
                byte[] bytes;
                try {
                    bytes = driver.getContent(file);
                } catch (StorageDriver.PathNotFoundException e) {
                    continue; // removed by a concurrent DELETE
                }
                Optional<Referrer> referrer = Referrer.fromJson(bytes);
                // stale entries (crash or race with a DELETE) are skipped, never shown
                if (referrer.isPresent() && repositories.hasRevision(name, referrer.get().digest())) {
                    referrers.add(referrer.get());
                }
            }
        }
        referrers.sort(java.util.Comparator.comparing(r -> r.digest().toString()));
        return referrers;
    }

    private static String root(RepositoryName name) {
        return Layout.manifestsDir(name) + "/" + DIR;
    }

    private static String marker(RepositoryName name) {
        return root(name) + "/complete";
    }

    private static String entry(RepositoryName name, Digest subject, Digest referrer) {
        return root(name) + "/" + subject.algorithm() + "/" + subject.hex() + "/" + referrer.algorithm() + "/" + referrer.hex();
    }
}
