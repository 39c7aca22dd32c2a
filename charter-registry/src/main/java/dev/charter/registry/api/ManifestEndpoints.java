package dev.charter.registry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.registry.manifest.Descriptor;
import dev.charter.registry.manifest.InvalidManifestException;
import dev.charter.registry.manifest.Manifest;
import dev.charter.registry.manifest.ManifestParser;
import dev.charter.registry.manifest.MediaTypes;
import dev.charter.registry.storage.Digest;
import dev.charter.registry.storage.Layout;
import dev.charter.registry.storage.ReferrersIndex;
import dev.charter.registry.storage.RepositoryName;
import dev.charter.registry.storage.StorageDriver;
import dev.charter.registry.storage.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/<name>/manifests/<reference>} and the referrers API built on the same data. */
final class ManifestEndpoints {

    private final Storage storage;
    private final Policies policies;
    private final ManifestCache cache = new ManifestCache(64L * 1024 * 1024);
    private final ReferrersIndex referrersIndex;
    private final Object rebuildLock = new Object();

    ManifestEndpoints(Storage storage, Policies policies) {
        this.storage = storage;
        this.policies = policies;
        this.referrersIndex = new ReferrersIndex(storage.driver(), storage.repositories());
    }

    /** A manifest as stored in one repository. */
    record Stored(Digest digest, String mediaType, byte[] content, Manifest manifest) {
    }

    void get(Exchange ex, Route.Manifest route) throws IOException {
        Digest digest = resolve(route.name(), route.reference());
        Stored stored = load(route.name(), digest)
                .orElseThrow(() -> new RegistryException(ErrorCode.MANIFEST_UNKNOWN, unknownDetail(route.reference())));
        ex.setHeader("Docker-Content-Digest", digest.toString());
        ex.setHeader("ETag", "\"" + digest + "\"");
        ex.sendBytes(200, stored.mediaType(), stored.content());
    }

    void put(Exchange ex, Route.Manifest route) throws IOException {
        RepositoryName name = route.name();
        String reference = route.reference();
        boolean byDigest = Digest.looksLikeDigest(reference);
        Digest claimed = null;
        if (byDigest) {
            claimed = Digest.tryParse(reference)
                    .orElseThrow(() -> new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest " + reference));
        } else if (!Tag.isValid(reference)) {
            throw new RegistryException(ErrorCode.TAG_INVALID, "invalid tag " + reference);
        }
        if (ex.contentLength() > policies.maxManifestBytes()) {
            ex.discardBody();
            throw tooBig();
        }
        byte[] content = ex.bodyUpTo(policies.maxManifestBytes());
        if (content == null) {
            throw tooBig();
        }
        Digest digest = claimed == null ? Digest.sha256(content) : Digest.of(claimed.newMessageDigest(), content);
        if (claimed != null && !claimed.equals(digest)) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "manifest digest " + digest + " does not match " + claimed);
        }
        Manifest manifest;
        try {
            manifest = ManifestParser.parse(content, ex.header("Content-Type"));
        } catch (InvalidManifestException e) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, e.getMessage());
        }
        verifyReferences(name, manifest);
        storage.blobs().putVerified(digest, content);
        boolean newRepository = storage.driver().stat(Layout.manifestsDir(name)).isEmpty();
        if (manifest.subject().isPresent()) {
            // indexed before the link: a crash in between leaves an entry readers skip, never a hidden referrer
            referrersIndex.add(name, manifest.subject().get().digest(), referrer(digest, manifest, content.length));
        }
        if (newRepository) {
            referrersIndex.markComplete(name); // nothing older to index
        }
        storage.repositories().linkRevision(name, digest, manifest.selfDescribing() ? null : manifest.mediaType());
        if (!byDigest) {
            storage.repositories().tag(name, reference, digest);
        }
        manifest.subject().ifPresent(subject -> ex.setHeader("OCI-Subject", subject.digest().toString()));
        ex.setHeader("Location", "/v2/" + name + "/manifests/" + digest);
        ex.setHeader("Docker-Content-Digest", digest.toString());
        ex.sendEmpty(201);
    }

    void delete(Exchange ex, Route.Manifest route) throws IOException {
        RepositoryName name = route.name();
        String reference = route.reference();
        if (Digest.looksLikeDigest(reference)) {
            Digest digest = Digest.tryParse(reference)
                    .orElseThrow(() -> new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest " + reference));
            if (!storage.repositories().hasRevision(name, digest)) {
                throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, unknownDetail(reference));
            }
            // untag first: a tag must never point at a revision that is gone
            for (String tag : storage.repositories().tags(name)) {
                if (storage.repositories().resolveTag(name, tag).filter(digest::equals).isPresent()) {
                    storage.repositories().untag(name, tag);
                }
            }
            Optional<Digest> subject = load(name, digest).flatMap(stored -> stored.manifest().subject()).map(Descriptor::digest);
            storage.repositories().unlinkRevision(name, digest);
            if (subject.isPresent()) {
                referrersIndex.remove(name, subject.get(), digest); // after the unlink: readers skip it meanwhile
            }
        } else {
            if (!Tag.isValid(reference) || storage.repositories().resolveTag(name, reference).isEmpty()) {
                throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, unknownDetail(reference));
            }
            storage.repositories().untag(name, reference);
        }
        ex.sendEmpty(202);
    }

    void referrers(Exchange ex, Route.Referrers route) throws IOException {
        Digest subject = Digest.tryParse(route.digest())
                .orElseThrow(() -> new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest " + route.digest()));
        String artifactType = ex.query("artifactType");
        ensureIndexed(route.name());
        List<ObjectNode> descriptors = new ArrayList<>();
        for (ReferrersIndex.Referrer referrer : referrersIndex.list(route.name(), subject)) {
            if (artifactType == null || artifactType.equals(referrer.artifactType())) {
                descriptors.add(referrer.toJson());
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", descriptors);
        if (artifactType != null) {
            ex.setHeader("OCI-Filters-Applied", "artifactType");
        }
        ex.sendBytes(200, MediaTypes.OCI_INDEX, Exchange.JSON.writeValueAsBytes(index));
    }

    /** Indexes a repository whose index is missing or was never built (older Charter, Distribution). */
    private void ensureIndexed(RepositoryName name) throws IOException {
        if (referrersIndex.isComplete(name)) {
            return;
        }
        synchronized (rebuildLock) {
            if (referrersIndex.isComplete(name)) {
                return;
            }
            for (Digest revision : storage.repositories().revisions(name)) {
                Optional<Stored> stored = load(name, revision);
                if (stored.isPresent() && stored.get().manifest().subject().isPresent()) {
                    referrersIndex.add(name, stored.get().manifest().subject().get().digest(),
                            referrer(revision, stored.get().manifest(), stored.get().content().length));
                }
            }
            referrersIndex.markComplete(name);
        }
    }

    /** The descriptor the referrers API lists: the spec's artifactType rule, the manifest's annotations. */
    private static ReferrersIndex.Referrer referrer(Digest digest, Manifest manifest, long size) {
        return new ReferrersIndex.Referrer(digest, manifest.mediaType(), size, manifest.artifactType(), manifest.annotations());
    }

    private Digest resolve(RepositoryName name, String reference) throws IOException {
        if (Digest.looksLikeDigest(reference)) {
            return Digest.tryParse(reference)
                    .orElseThrow(() -> new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest " + reference));
        }
        if (!Tag.isValid(reference)) {
            throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, unknownDetail(reference));
        }
        return storage.repositories().resolveTag(name, reference)
                .orElseThrow(() -> new RegistryException(ErrorCode.MANIFEST_UNKNOWN, unknownDetail(reference)));
    }

    /** The manifest if this repository holds it, from the cache when possible. */
    Optional<Stored> load(RepositoryName name, Digest digest) throws IOException {
        if (!storage.repositories().hasRevision(name, digest)) {
            return Optional.empty();
        }
        String key = name + "@" + digest;
        ManifestCache.Entry entry = cache.get(key);
        if (entry == null) {
            byte[] content;
            try {
                content = storage.blobs().read(digest);
            } catch (StorageDriver.PathNotFoundException e) {
                return Optional.empty();
            }
            String remembered = storage.repositories().rememberedMediaType(name, digest).orElse(null);
            Manifest manifest;
            try {
                manifest = ManifestParser.parse(content, remembered);
            } catch (InvalidManifestException e) {
                // stored by another registry under rules we do not share: serve it as it is
                manifest = new Manifest.Opaque(remembered != null ? remembered : MediaTypes.OCI_MANIFEST, false);
            }
            entry = new ManifestCache.Entry(content, manifest);
            cache.put(key, entry);
        }
        return Optional.of(new Stored(digest, entry.manifest().mediaType(), entry.content(), entry.manifest()));
    }

    private void verifyReferences(RepositoryName name, Manifest manifest) throws IOException {
        switch (manifest) {
            case Manifest.Image image -> {
                for (Descriptor blob : image.blobs()) {
                    if (!blob.isForeign() && storage.repositories().layerSize(name, blob.digest()).isEmpty()) {
                        throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, blob.digest().toString());
                    }
                }
            }
            case Manifest.Index index -> {
                for (Descriptor child : index.manifests()) {
                    if (!storage.repositories().hasRevision(name, child.digest())) {
                        throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, child.digest().toString());
                    }
                }
            }
            case Manifest.Opaque opaque -> {
                // nothing the registry can check
            }
        }
    }

    private RegistryException tooBig() {
        return new RegistryException(ErrorCode.MANIFEST_INVALID,
                "manifest exceeds the limit of " + policies.maxManifestBytes() + " bytes", 413, Map.of());
    }

    private static Map<String, String> unknownDetail(String reference) {
        return Digest.looksLikeDigest(reference) ? Map.of("Revision", reference) : Map.of("Tag", reference);
    }
}
