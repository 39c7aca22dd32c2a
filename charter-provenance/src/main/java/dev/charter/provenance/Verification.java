package dev.charter.provenance;

import java.util.List;

/**
 * Helm's {@code provenance.Verification}: who signed a chart archive and the digest that was
 * verified.
 *
 * @param signedBy    the user IDs of the signing key (Helm prints one {@code Signed by:} line each)
 * @param fingerprint the primary key fingerprint, upper-case hex (Go's {@code %X})
 * @param fileHash    {@code sha256:<hex>} of the archive
 * @param fileName    the archive's base name the provenance file names
 */
public record Verification(List<String> signedBy, String fingerprint, String fileHash, String fileName) {

    public Verification {
        signedBy = List.copyOf(signedBy);
    }

    /**
     * The lines {@code helm verify} (and {@code helm pull/install --verify}) print on success, each
     * ending in a newline.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (String name : signedBy) {
            sb.append("Signed by: ").append(name).append('\n');
        }
        sb.append("Using Key With Fingerprint: ").append(fingerprint).append('\n');
        sb.append("Chart Hash Verified: ").append(fileHash).append('\n');
        return sb.toString();
    }
}
