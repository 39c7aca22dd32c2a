package dev.charter.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The global, content-addressed blob pool shared by all repositories. */
public final class BlobStore {

    private final StorageDriver driver;

    public BlobStore(StorageDriver driver) {
        this.driver = driver;
    }

    /** The blob's size, or empty when it is not stored. */
    public Optional<Long> size(Digest digest) throws IOException {
        return driver.stat(Layout.blobData(digest)).filter(info -> !info.directory()).map(StorageDriver.FileInfo::size);
    }

    public InputStream open(Digest digest, long offset) throws IOException {
        return driver.reader(Layout.blobData(digest), offset);
    }

    /** A channel over the blob when the driver offers one; see {@link StorageDriver#channel}. */
    public Optional<java.nio.channels.SeekableByteChannel> channel(Digest digest) throws IOException {
        return driver.channel(Layout.blobData(digest));
    }

    public byte[] read(Digest digest) throws IOException {
        return driver.getContent(Layout.blobData(digest));
    }

    /** Stores small content (a manifest) whose digest the caller has just computed from it. */
    public void putVerified(Digest digest, byte[] content) throws IOException {
        if (size(digest).isPresent()) {
            driver.touch(Layout.blobData(digest));
            return;
        }
        driver.putContent(Layout.blobData(digest), content);
    }

    /** Refreshes the modification time so a concurrent garbage collection sees the blob as in use. */
    public void markUsed(Digest digest) throws IOException {
        try {
            driver.touch(Layout.blobData(digest));
        } catch (StorageDriver.PathNotFoundException ignored) {
            // vanished meanwhile; the caller's existence check will report it
        }
    }
}
