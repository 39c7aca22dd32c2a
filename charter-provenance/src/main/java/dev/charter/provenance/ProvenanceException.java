package dev.charter.provenance;

/** A signing or verification failure; the message is Helm's (go-crypto's) error text. */
public class ProvenanceException extends RuntimeException {

    public ProvenanceException(String message) {
        super(message);
    }

    public ProvenanceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** go-crypto's {@code errors.StructuralError}. */
    static ProvenanceException structural(String detail) {
        return new ProvenanceException("openpgp: invalid data: " + detail);
    }

    /** go-crypto's {@code errors.SignatureError}. */
    static ProvenanceException signature(String detail) {
        return new ProvenanceException("openpgp: invalid signature: " + detail);
    }

    /** go-crypto's {@code errors.ErrUnknownIssuer}. */
    static ProvenanceException unknownIssuer() {
        return new ProvenanceException("openpgp: signature made by unknown entity");
    }
}
