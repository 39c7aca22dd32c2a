package dev.charter.oci.auth;

/**
 * What a registry login is made of (ORAS' {@code auth.Credential}): a user name and password, an
 * OAuth2 refresh token ({@code identitytoken} in config files) or a ready bearer access token
 * ({@code registrytoken}).
 */
public record Credential(String username, String password, String refreshToken, String accessToken) {

    public static final Credential EMPTY = new Credential("", "", "", "");

    public Credential {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        refreshToken = refreshToken == null ? "" : refreshToken;
        accessToken = accessToken == null ? "" : accessToken;
    }

    public static Credential basic(String username, String password) {
        return new Credential(username, password, "", "");
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    @Override
    public String toString() {
        // never print secrets
        return "Credential[username=" + username + "]";
    }
}
