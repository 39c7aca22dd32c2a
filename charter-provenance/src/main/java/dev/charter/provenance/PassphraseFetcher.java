package dev.charter.provenance;

/**
 * Helm's {@code provenance.PassphraseFetcher}: supplies the passphrase of an encrypted signing
 * key. {@code name} is the key's first user ID (e.g. {@code Jane Doe (comment) <jane@example.com>}).
 */
@FunctionalInterface
public interface PassphraseFetcher {

    byte[] fetch(String name);

    /** A fetcher that always answers {@code passphrase}. */
    static PassphraseFetcher of(byte[] passphrase) {
        byte[] copy = passphrase.clone();
        return name -> copy.clone();
    }
}
