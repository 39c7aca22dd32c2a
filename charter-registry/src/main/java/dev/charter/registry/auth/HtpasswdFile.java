package dev.charter.registry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * An Apache htpasswd file with bcrypt entries ({@code htpasswd -B}), as Distribution accepts.
 * The file is re-read when its modification time changes, so users can be added without a
 * restart; a change also drops every cached verification.
 *
 * <p>bcrypt costs tens of milliseconds by design, and registry clients send the same Basic
 * credentials on every request. Successful checks are therefore remembered in a
 * {@link CredentialCache}, keyed by a keyed hash of user and password, never the password itself.
 */
public final class HtpasswdFile {

    /** A well-formed bcrypt hash (cost 04) to burn the same time for unknown users. */
    private static final String DUMMY_HASH = OpenBSDBCrypt.generate("2y", "charter-dummy".toCharArray(), new byte[16], 4);

    private final Path path;
    private final CredentialCache cache;
    private volatile Snapshot snapshot;

    private record Snapshot(FileTime modified, Map<String, String> hashes) {
    }

    public HtpasswdFile(Path path, CredentialCache cache) {
        this.path = path;
        this.cache = cache;
        this.snapshot = load();
    }

    public Path path() {
        return path;
    }

    /** One htpasswd line {@code user:$2y$10$...} as {@code htpasswd -B} writes it, with a fresh salt. */
    public static String entry(String user, char[] password) {
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid user name \"" + user + "\"");
        }
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        return user + ':' + OpenBSDBCrypt.generate("2y", password, salt, 10);
    }

    /**
     * Adds {@code user} to the htpasswd file at {@code file}, or replaces its entry, keeping every
     * other line. The file is rewritten atomically with mode 0600 and created if missing.
     *
     * @return whether the user was already present
     */
    public static boolean putUser(Path file, String user, char[] password) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        java.util.ArrayList<String> updated = new java.util.ArrayList<>();
        boolean replaced = false;
        String newLine = entry(user, password);
        for (String line : lines) {
            if (line.startsWith(user + ":")) {
                if (!replaced) {
                    updated.add(newLine);
                }
                replaced = true;
            } else if (!line.isBlank()) {
                updated.add(line);
            }
        }
        if (!replaced) {
            updated.add(newLine);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".htpasswd-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // non-POSIX file systems keep their default permissions
            }
            Files.writeString(temp, String.join("\n", updated) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return replaced;
    }

    /** Whether {@code user} with {@code password} is listed; constant-time where it matters. */
    public boolean verify(String user, char[] password) {
        Snapshot current = current();
        String hash = current.hashes().get(user);
        byte[] key = cache.key(user, password);
        if (hash != null && cache.contains(key)) {
            return true;
        }
        boolean ok;
        try {
            // unknown users still pay for one bcrypt so timing does not reveal who exists
            ok = OpenBSDBCrypt.checkPassword(hash != null ? hash : DUMMY_HASH, password) && hash != null;
        } catch (IllegalArgumentException unsupportedHash) {
            ok = false;
        }
        if (ok) {
            cache.add(key);
        }
        return ok;
    }

    /**
     * The user's current bcrypt entry, re-read when the file changed; refresh tokens are bound to
     * it so a new password (or removing the user) revokes them.
     */
    public java.util.Optional<String> credentialHash(String user) {
        return java.util.Optional.ofNullable(current().hashes().get(user));
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (!modified.equals(known.modified())) {
                synchronized (this) {
                    if (snapshot == known) {
                        snapshot = load();
                        cache.clear();
                    }
                    return snapshot;
                }
            }
        } catch (IOException e) {
            // file vanished: keep serving the last good content rather than locking everyone out
        }
        return known;
    }

    private Snapshot load() {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            Map<String, String> hashes = new HashMap<>();
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (String line : lines) {
                String trimmed = line.strip();
                int colon = trimmed.indexOf(':');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || colon <= 0) {
                    continue;
                }
                String hash = trimmed.substring(colon + 1);
                if (hash.startsWith("$2")) {
                    hashes.put(trimmed.substring(0, colon), hash);
                }
            }
            return new Snapshot(modified, Map.copyOf(hashes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read htpasswd file " + path + ": " + e.getMessage(), e);
        }
    }

}
