package dev.charter.registry.storage;

/**
 * Distribution's content-addressed layout ({@code registry/storage/paths.go}). Blobs live once
 * under {@code blobs/}; repositories only hold {@code link} files naming digests, so the same
 * bytes pushed to many repositories are stored once and a repository is a set of links.
 */
public final class Layout {

    public static final String ROOT = "/docker/registry/v2";
    public static final String BLOBS = ROOT + "/blobs";
    public static final String REPOSITORIES = ROOT + "/repositories";

    private Layout() {
    }

    /** {@code blobs/sha256/ab/abcdef.../data}. */
    public static String blobData(Digest digest) {
        return blobDir(digest) + "/data";
    }

    public static String blobDir(Digest digest) {
        return BLOBS + "/" + digest.algorithm() + "/" + digest.hex().substring(0, 2) + "/" + digest.hex();
    }

    public static String repository(RepositoryName name) {
        return REPOSITORIES + "/" + name;
    }

    public static String layerLink(RepositoryName name, Digest digest) {
        return layersDir(name) + "/" + digest.algorithm() + "/" + digest.hex() + "/link";
    }

    public static String layersDir(RepositoryName name) {
        return repository(name) + "/_layers";
    }

    public static String manifestsDir(RepositoryName name) {
        return repository(name) + "/_manifests";
    }

    public static String revisionsDir(RepositoryName name) {
        return manifestsDir(name) + "/revisions";
    }

    public static String revisionDir(RepositoryName name, Digest digest) {
        return revisionsDir(name) + "/" + digest.algorithm() + "/" + digest.hex();
    }

    public static String revisionLink(RepositoryName name, Digest digest) {
        return revisionDir(name, digest) + "/link";
    }

    /**
     * Charter's one addition: the media type a manifest was pushed with, for artifacts whose JSON
     * does not name its own. Distribution ignores unknown files next to {@code link}.
     */
    public static String revisionMediaType(RepositoryName name, Digest digest) {
        return revisionDir(name, digest) + "/charter-mediatype";
    }

    public static String tagsDir(RepositoryName name) {
        return manifestsDir(name) + "/tags";
    }

    public static String tagDir(RepositoryName name, String tag) {
        return tagsDir(name) + "/" + tag;
    }

    public static String tagCurrentLink(RepositoryName name, String tag) {
        return tagDir(name, tag) + "/current/link";
    }

    public static String tagIndexLink(RepositoryName name, String tag, Digest digest) {
        return tagDir(name, tag) + "/index/" + digest.algorithm() + "/" + digest.hex() + "/link";
    }

    public static String uploadsDir(RepositoryName name) {
        return repository(name) + "/_uploads";
    }

    public static String uploadDir(RepositoryName name, String uuid) {
        return uploadsDir(name) + "/" + uuid;
    }

    public static String uploadData(RepositoryName name, String uuid) {
        return uploadDir(name, uuid) + "/data";
    }

    public static String uploadStartedAt(RepositoryName name, String uuid) {
        return uploadDir(name, uuid) + "/startedat";
    }
}
