package dev.charter.registry.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** User and password from an {@code Authorization: Basic ...} header. */
public record BasicCredentials(String user, char[] password) {

    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
            Arrays.fill(decoded, (byte) 0);
            char[] all = new char[chars.remaining()];
            chars.get(all);
            int colon = -1;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(new String(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Never print the password, not even by accident in a log line. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
