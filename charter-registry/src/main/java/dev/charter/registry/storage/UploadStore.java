package dev.charter.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Blob upload sessions in {@code <repo>/_uploads/<uuid>/}: {@code data} grows with each chunk and
 * {@code startedat} records the start, both on disk so a session survives a restart. The running
 * SHA-256 is kept in memory; when it is missing (after a restart, or after a chunk failed half
 * way) it is rebuilt by re-reading {@code data}, which is exactly what Distribution does when it
 * finds no usable {@code hashstates}. Finishing an upload verifies the digest, forces the data
 * file to disk and renames it into the blob pool, so a blob is either complete, verified and
 * durable or not there at all. Chunks are not forced one by one: that single fsync covers them
 * all (Distribution forces none). A crash before it can lose acknowledged chunks of an unfinished
 * session; the session then reports its shorter size and the client resumes from there.
 */
public final class UploadStore {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BUFFER = 256 * 1024;

    private final StorageDriver driver;
    private final BlobStore blobs;
    private final RepositoryStore repositories;
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    public UploadStore(StorageDriver driver, BlobStore blobs, RepositoryStore repositories) {
        this.driver = driver;
        this.blobs = blobs;
        this.repositories = repositories;
    }

    /** What a client may know about a session. */
    public record Status(String uuid, long size, Instant startedAt) {
    }

    /** Opens a new, empty session. */
    public Status start(RepositoryName name) throws IOException {
        String uuid = UUID.randomUUID().toString();
        Instant now = Instant.now();
        driver.putContent(Layout.uploadStartedAt(name, uuid), now.toString().getBytes(StandardCharsets.UTF_8));
        try (StorageDriver.FileWriter writer = driver.writer(Layout.uploadData(name, uuid), false)) {
            writer.commit();
        }
        return new Status(uuid, 0, now);
    }

    public Status status(RepositoryName name, String uuid) throws IOException, UploadException {
        Session session = acquire(name, uuid);
        try {
            return new Status(uuid, currentSize(name, uuid), session.startedAt);
        } finally {
            session.lock.unlock();
        }
    }

    /**
     * Appends a chunk. {@code expectedOffset} is the first byte of a {@code Content-Range}, or
     * negative when the client sent none (then the chunk simply follows the existing data).
     */
    public Status append(RepositoryName name, String uuid, long expectedOffset, ByteSource body) throws IOException, UploadException {
        Session session = acquire(name, uuid);
        try {
            appendLocked(name, session, expectedOffset, body, false);
            return new Status(uuid, session.size, session.startedAt);
        } finally {
            session.lock.unlock();
        }
    }

    /**
     * Appends the optional last chunk, verifies {@code digest} and publishes the blob into the
     * pool and the repository. A mismatch discards the session, since its content can never
     * become the claimed blob. Returns the blob's size.
     */
    public long finish(RepositoryName name, String uuid, long expectedOffset, ByteSource body, Digest digest) throws IOException, UploadException {
        Session session = acquire(name, uuid);
        try {
            // the one fsync of the upload: every chunk's bytes are on disk before the blob is published
            appendLocked(name, session, expectedOffset, body != null ? body : ByteSource.empty(), true);
            Digest actual = digest.algorithm().equals("sha256")
                    ? Digest.fromMessageDigest("sha256", cloneOf(session.sha256))
                    : rehash(name, uuid, digest.algorithm());
            if (!actual.equals(digest)) {
                cancelLocked(name, uuid);
                throw new UploadException(UploadException.Kind.DIGEST_MISMATCH, session.size,
                        "digest " + digest + " does not match uploaded content " + actual);
            }
            long size = session.size;
            if (blobs.size(digest).isPresent()) {
                blobs.markUsed(digest);
            } else {
                driver.move(Layout.uploadData(name, uuid), Layout.blobData(digest));
            }
            repositories.linkLayer(name, digest);
            cancelLocked(name, uuid);
            return size;
        } finally {
            session.lock.unlock();
        }
    }

    public void cancel(RepositoryName name, String uuid) throws IOException, UploadException {
        Session session = acquire(name, uuid);
        try {
            cancelLocked(name, uuid);
        } finally {
            session.lock.unlock();
        }
    }

    /** Start time of a session on disk, read without locking (used by the garbage collector). */
    public Optional<Instant> startedAt(RepositoryName name, String uuid) throws IOException {
        try {
            return Optional.of(Instant.parse(new String(driver.getContent(Layout.uploadStartedAt(name, uuid)), StandardCharsets.UTF_8).strip()));
        } catch (StorageDriver.PathNotFoundException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isValidUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    private void appendLocked(RepositoryName name, Session session, long expectedOffset, ByteSource body, boolean durable)
            throws IOException, UploadException {
        ensureHash(name, session);
        if (expectedOffset >= 0 && expectedOffset != session.size) {
            throw new UploadException(UploadException.Kind.OUT_OF_ORDER, session.size,
                    "chunk starts at " + expectedOffset + " but the upload holds " + session.size + " bytes");
        }
        boolean complete = false;
        try (StorageDriver.FileWriter writer = driver.writer(Layout.uploadData(name, session.uuid), true)) {
            MessageDigest sha256 = session.sha256;
            body.drainTo(bytes -> {
                sha256.update(bytes.duplicate());
                writer.write(bytes);
            });
            if (durable) {
                writer.commit();
            }
            session.size = writer.size();
            complete = true;
        } finally {
            if (!complete) {
                // the file and the running hash may disagree now: rebuild from disk next time
                session.sha256 = null;
            }
        }
    }

    private void ensureHash(RepositoryName name, Session session) throws IOException {
        if (session.sha256 != null) {
            return;
        }
        MessageDigest md = Digest.newMessageDigest("sha256");
        long size = 0;
        try (InputStream in = driver.reader(Layout.uploadData(name, session.uuid), 0)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
                size += n;
            }
        }
        session.sha256 = md;
        session.size = size;
    }

    private Digest rehash(RepositoryName name, String uuid, String algorithm) throws IOException {
        MessageDigest md = Digest.newMessageDigest(algorithm);
        try (InputStream in = driver.reader(Layout.uploadData(name, uuid), 0)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return Digest.fromMessageDigest(algorithm, md);
    }

    private long currentSize(RepositoryName name, String uuid) throws IOException {
        return driver.stat(Layout.uploadData(name, uuid)).map(StorageDriver.FileInfo::size).orElse(0L);
    }

    private void cancelLocked(RepositoryName name, String uuid) throws IOException {
        sessions.remove(key(name, uuid));
        driver.delete(Layout.uploadDir(name, uuid));
    }

    /**
     * The live session, locked by the caller's thread; recreated from disk when the process
     * restarted since the session began. The caller must unlock it.
     */
    private Session acquire(RepositoryName name, String uuid) throws IOException, UploadException {
        if (!isValidUuid(uuid)) {
            throw new UploadException(UploadException.Kind.UNKNOWN, 0, "upload " + uuid + " is unknown");
        }
        Session session = sessions.get(key(name, uuid));
        if (session == null) {
            Optional<Instant> started = startedAt(name, uuid);
            if (started.isEmpty() || driver.stat(Layout.uploadData(name, uuid)).isEmpty()) {
                throw new UploadException(UploadException.Kind.UNKNOWN, 0, "upload " + uuid + " is unknown");
            }
            session = sessions.computeIfAbsent(key(name, uuid), k -> new Session(uuid, started.get()));
        }
        session.lock.lock();
        if (sessions.get(key(name, uuid)) != session) {
            // finished or cancelled while we waited for its lock
            session.lock.unlock();
            throw new UploadException(UploadException.Kind.UNKNOWN, 0, "upload " + uuid + " is unknown");
        }
        return session;
    }

    private static String key(RepositoryName name, String uuid) {
        return name + "@" + uuid;
    }

    private static MessageDigest cloneOf(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation is not cloneable", e);
        }
    }

    /** In-memory state of one session; all fields are guarded by {@link #lock}. */
    private static final class Session {
        final String uuid;
        final Instant startedAt;
        final ReentrantLock lock = new ReentrantLock();
        MessageDigest sha256;
        long size;

        Session(String uuid, Instant startedAt) {
            this.uuid = uuid;
            this.startedAt = startedAt;
        }
    }
}
