package dev.charter.registry.api;

import dev.charter.registry.storage.BlobStore;
import dev.charter.registry.storage.RepositoryStore;
import dev.charter.registry.storage.StorageDriver;
import dev.charter.registry.storage.UploadStore;

/** The stores the endpoints work on, all over one driver. */
public record Storage(StorageDriver driver, BlobStore blobs, RepositoryStore repositories, UploadStore uploads) {

    public static Storage over(StorageDriver driver) {
        BlobStore blobs = new BlobStore(driver);
        RepositoryStore repositories = new RepositoryStore(driver, blobs);
        return new Storage(driver, blobs, repositories, new UploadStore(driver, blobs, repositories));
    }
}
