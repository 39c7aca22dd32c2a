package dev.charter.registry.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The link files of repositories: which blobs ({@code _layers}) and manifests
 * ({@code _manifests/revisions}) a repository holds and what its tags point to. A link is only
 * trusted when the blob it names is also present, as Distribution does.
 */
public final class RepositoryStore {

    private final StorageDriver driver;
    private final BlobStore blobs;

    public RepositoryStore(StorageDriver driver, BlobStore blobs) {
        this.driver = driver;
        this.blobs = blobs;
    }

    public boolean exists(RepositoryName name) throws IOException {
        // like Distribution: a path that only has repositories below it (charts for charts/demo)
        // is no repository itself; one that holds manifests or layers is
        return driver.stat(Layout.manifestsDir(name)).isPresent() || driver.stat(Layout.layersDir(name)).isPresent();
    }

    /**
     * Every repository in lexical order: directories below {@code repositories/} holding
     * {@code _manifests} (or, when {@code includeLayerOnly}, also just {@code _layers} or
     * {@code _uploads}); the catalog lists the former, the garbage collector visits all.
     */
    public List<RepositoryName> list(boolean includeLayerOnly) throws IOException {
        List<RepositoryName> names = new ArrayList<>();
        collect(Layout.REPOSITORIES, "", includeLayerOnly, names);
        names.sort(java.util.Comparator.comparing(RepositoryName::value));
        return names;
    }

    private void collect(String dir, String prefix, boolean includeLayerOnly, List<RepositoryName> into) throws IOException {
        for (String child : driver.list(dir)) {
            String base = child.substring(child.lastIndexOf('/') + 1);
            String name = prefix.isEmpty() ? base : prefix + "/" + base;
            if (base.startsWith("_") || !RepositoryName.isValid(name)) {
                continue;
            }
            boolean repository = driver.stat(child + "/_manifests").isPresent()
                    || includeLayerOnly && (driver.stat(child + "/_layers").isPresent() || driver.stat(child + "/_uploads").isPresent());
            if (repository) {
                into.add(new RepositoryName(name));
            }
            collect(child, name, includeLayerOnly, into);
        }
    }

    // ---- layers ----

    /** The blob's size when it is linked into the repository and present; empty otherwise. */
    public Optional<Long> layerSize(RepositoryName name, Digest digest) throws IOException {
        if (driver.stat(Layout.layerLink(name, digest)).isEmpty()) {
            return Optional.empty();
        }
        return blobs.size(digest);
    }

    public void linkLayer(RepositoryName name, Digest digest) throws IOException {
        writeLink(Layout.layerLink(name, digest), digest);
    }

    public void unlinkLayer(RepositoryName name, Digest digest) throws IOException {
        driver.delete(Layout.layerLink(name, digest).replaceFirst("/link$", ""));
    }

    public List<Digest> layers(RepositoryName name) throws IOException {
        return digestsUnder(Layout.layersDir(name));
    }

    // ---- manifests ----

    public boolean hasRevision(RepositoryName name, Digest digest) throws IOException {
        return driver.stat(Layout.revisionLink(name, digest)).isPresent() && blobs.size(digest).isPresent();
    }

    public void linkRevision(RepositoryName name, Digest digest, String mediaTypeToRemember) throws IOException {
        if (mediaTypeToRemember != null) {
            driver.putContent(Layout.revisionMediaType(name, digest), mediaTypeToRemember.getBytes(StandardCharsets.UTF_8));
        }
        writeLink(Layout.revisionLink(name, digest), digest);
    }

    /** The media type remembered for a manifest that does not declare its own. */
    public Optional<String> rememberedMediaType(RepositoryName name, Digest digest) throws IOException {
        try {
            return Optional.of(new String(driver.getContent(Layout.revisionMediaType(name, digest)), StandardCharsets.UTF_8).strip());
        } catch (StorageDriver.PathNotFoundException e) {
            return Optional.empty();
        }
    }

    public void unlinkRevision(RepositoryName name, Digest digest) throws IOException {
        driver.delete(Layout.revisionDir(name, digest));
    }

    public List<Digest> revisions(RepositoryName name) throws IOException {
        return digestsUnder(Layout.revisionsDir(name));
    }

    // ---- tags ----

    public Optional<Digest> resolveTag(RepositoryName name, String tag) throws IOException {
        return readLink(Layout.tagCurrentLink(name, tag));
    }

    /** Points the tag at a manifest: the index entry first, then the atomic swap of {@code current}. */
    public void tag(RepositoryName name, String tag, Digest digest) throws IOException {
        writeLink(Layout.tagIndexLink(name, tag, digest), digest);
        writeLink(Layout.tagCurrentLink(name, tag), digest);
    }

    public void untag(RepositoryName name, String tag) throws IOException {
        driver.delete(Layout.tagDir(name, tag));
    }

    /** Tag names in lexical order; tags whose {@code current} link is missing are skipped. */
    public List<String> tags(RepositoryName name) throws IOException {
        List<String> tags = new ArrayList<>();
        for (String dir : driver.list(Layout.tagsDir(name))) {
            String tag = dir.substring(dir.lastIndexOf('/') + 1);
            if (Tag.isValid(tag) && driver.stat(dir + "/current/link").isPresent()) {
                tags.add(tag);
            }
        }
        tags.sort(null);
        return tags;
    }

    // ---- helpers ----

    private void writeLink(String path, Digest digest) throws IOException {
        driver.putContent(path, digest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Digest> readLink(String path) throws IOException {
        try {
            return Digest.tryParse(new String(driver.getContent(path), StandardCharsets.UTF_8).strip());
        } catch (StorageDriver.PathNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Digests stored as {@code <dir>/<algorithm>/<hex>/link}. */
    private List<Digest> digestsUnder(String dir) throws IOException {
        List<Digest> digests = new ArrayList<>();
        for (String algorithmDir : driver.list(dir)) {
            String algorithm = algorithmDir.substring(algorithmDir.lastIndexOf('/') + 1);
            for (String hexDir : driver.list(algorithmDir)) {
                String hex = hexDir.substring(hexDir.lastIndexOf('/') + 1);
                Digest.tryParse(algorithm + ":" + hex).ifPresent(digests::add);
            }
        }
        return digests;
    }
}
