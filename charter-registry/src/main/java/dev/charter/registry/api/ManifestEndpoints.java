package dev.charter.registry.api;

import dev.charter.registry.manifest.Descriptor;
import dev.charter.registry.manifest.InvalidManifestException;
import dev.charter.registry.manifest.Manifest;
import dev.charter.registry.manifest.ManifestParser;
import dev.charter.registry.manifest.MediaTypes;
import dev.charter.registry.storage.Digest;
import dev.charter.registry.storage.RepositoryName;
import dev.charter.registry.storage.StorageDriver;
import dev.charter.registry.storage.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/<name>/manifests/<reference>} and the referrers API built on the same data. */
final class ManifestEndpoints {

    private final Storage storage;
    private final Policies policies;
    private final ManifestCache cache = new ManifestCache(64L * 1024 * 1024);

    ManifestEndpoints(Storage storage, Policies policies) {
        this.storage = storage;
        this.policies = policies;
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
            storage.repositories().unlinkRevision(name, digest);
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
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (Digest revision : storage.repositories().revisions(route.name())) {
            Optional<Stored> stored = load(route.name(), revision);
            if (stored.isEmpty()) {
                continue;
            }
            Manifest manifest = stored.get().manifest();
            if (manifest.subject().map(Descriptor::digest).filter(subject::equals).isEmpty()) {
                continue;
            }
            if (artifactType != null && !artifactType.equals(manifest.artifactType())) {
                continue;
            }
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", stored.get().mediaType());
            descriptor.put("digest", revision.toString());
            descriptor.put("size", stored.get().content().length);
            if (manifest.artifactType() != null) {
                descriptor.put("artifactType", manifest.artifactType());
            }
            if (!manifest.annotations().isEmpty()) {
                descriptor.put("annotations", manifest.annotations());
            }
            descriptors.add(descriptor);
        }
        descriptors.sort(Comparator.comparing(d -> (String) d.get("digest")));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", descriptors);
        if (artifactType != null) {
            ex.setHeader("OCI-Filters-Applied", "artifactType");
        }
        ex.sendBytes(200, MediaTypes.OCI_INDEX, Exchange.JSON.writeValueAsBytes(index));
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
