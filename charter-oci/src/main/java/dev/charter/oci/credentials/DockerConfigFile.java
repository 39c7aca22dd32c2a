package dev.charter.oci.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.oci.GoJson;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Docker-format {@code config.json} ({@code auths}, {@code credsStore}, {@code credHelpers}) read
 * and written as ORAS' {@code credentials/internal/config} does: unknown keys are kept, the file is
 * rewritten whole with tab indentation and no trailing newline through a 0600 temporary file that
 * is renamed over the old one, so readers never see half a file.
 */
public final class DockerConfigFile {

    // big decimals keep unknown numeric values as written when the file is saved again
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path path;
    private final ObjectNode content;

    private DockerConfigFile(Path path, ObjectNode content) {
        this.path = path;
        this.content = content;
    }

    /** Loads {@code path}; a missing file is an empty config, an empty or malformed one an error. */
    public static DockerConfigFile load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new DockerConfigFile(path, JsonNodeFactory.instance.objectNode());
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                // Go opens a directory fine and fails on the first read, inside the JSON decoder
                throw new ConfigFormatException("failed to decode config file at " + path + ": invalid config format: read "
                        + path + ": is a directory");
            }
            throw new OciException("failed to open config file at " + path + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigFormatException("failed to decode config file at " + path + ": invalid config format: " + goDecodeError(bytes, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigFormatException("failed to decode config file at " + path + ": invalid config format: EOF");
        }
        if (root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigFormatException("failed to decode config file at " + path + ": invalid config format: json: cannot unmarshal "
                    + goKind(root) + " into Go value of type map[string]json.RawMessage");
        }
        ObjectNode object = (ObjectNode) root;
        checkField(object, "credsStore", JsonNode::isTextual, "failed to unmarshal creds store field", "string");
        checkField(object, "credHelpers", n -> n.isObject() && allText(n), "failed to unmarshal cred helpers field", "map[string]string");
        checkField(object, "auths", JsonNode::isObject, "failed to unmarshal auths field", "map[string]json.RawMessage");
        return new DockerConfigFile(path, object);
    }

    private static boolean allText(JsonNode n) {
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void checkField(ObjectNode object, String name, java.util.function.Predicate<JsonNode> ok, String prefix, String goType) {
        JsonNode value = object.get(name);
        if (value != null && !value.isNull() && !ok.test(value)) {
            throw new ConfigFormatException(prefix + ": invalid config format: json: cannot unmarshal " + goKind(value)
                    + " into Go value of type " + goType);
        }
    }

    private static String goKind(JsonNode n) {
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        return "string";
    }

    /** Go's {@code json.Decoder} message for bytes Jackson rejected (Jackson's own text if Go would accept them). */
    private static String goDecodeError(byte[] bytes, JsonProcessingException e) {
        String go = dev.charter.sprig.Json.decoderError(bytes);
        return go != null ? go : e.getOriginalMessage();
    }

    public Path path() {
        return path;
    }

    /** Whether any auth is configured (ORAS' {@code IsAuthConfigured}). */
    public boolean isAuthConfigured() {
        return !credentialsStore().isEmpty() || content.path("credHelpers").size() > 0 || content.path("auths").size() > 0;
    }

    public String credentialsStore() {
        return content.path("credsStore").asText("");
    }

    /** The helper configured for exactly this server address, or empty. */
    public String credentialHelper(String serverAddress) {
        return content.path("credHelpers").path(serverAddress).asText("");
    }

    /** The stored credential, matching legacy keys like {@code https://host/v1/} by host name. */
    public Credential credential(String serverAddress) {
        JsonNode auths = content.path("auths");
        JsonNode entry = auths.get(serverAddress);
        if (entry == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> candidate = it.next();
                if (ServerAddress.toHostname(candidate.getKey()).equals(serverAddress)) {
                    entry = candidate.getValue();
                    break;
                }
            }
        }
        if (entry == null || !entry.isObject()) {
            return Credential.EMPTY;
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded = decodeAuth(auth);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new ConfigFormatException("failed to decode auth field: invalid config format: auth '" + auth
                        + "' does not conform to the base64(username:password) format");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        return new Credential(username, password, entry.path("identitytoken").asText(""), entry.path("registrytoken").asText(""));
    }

    private static String decodeAuth(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            int index = 0;
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            while (index < auth.length() && alphabet.indexOf(auth.charAt(index)) >= 0) {
                index++;
            }
            throw new ConfigFormatException("failed to decode auth field: invalid config format: illegal base64 data at input byte " + index);
        }
    }

    /** Stores a credential the ORAS way: {@code auth} (base64 user:password), {@code identitytoken}, {@code registrytoken}. */
    public void putCredential(String serverAddress, Credential credential) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        if (!credential.username().isEmpty() || !credential.password().isEmpty()) {
            entry.put("auth", Base64.getEncoder().encodeToString(
                    (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8)));
        }
        if (!credential.refreshToken().isEmpty()) {
            entry.put("identitytoken", credential.refreshToken());
        }
        if (!credential.accessToken().isEmpty()) {
            entry.put("registrytoken", credential.accessToken());
        }
        auths().set(serverAddress, entry);
        save();
    }

    /** Removes the entry; returns false (and writes nothing) when there was none. */
    public boolean deleteCredential(String serverAddress) {
        JsonNode auths = content.get("auths");
        if (auths == null || !auths.isObject() || !auths.has(serverAddress)) {
            return false;
        }
        ((ObjectNode) auths).remove(serverAddress);
        save();
        return true;
    }

    public void putCredentialsStore(String helper) {
        content.put("credsStore", helper);
        save();
    }

    private ObjectNode auths() {
        JsonNode auths = content.get("auths");
        if (auths == null || !auths.isObject()) {
            ObjectNode created = JsonNodeFactory.instance.objectNode();
            content.set("auths", created);
            return created;
        }
        return (ObjectNode) auths;
    }

    /** Writes the whole file atomically: 0700 parent, 0600 temp file, rename. */
    private void save() {
        if (!content.has("auths")) {
            content.set("auths", JsonNodeFactory.instance.objectNode());
        }
        // Go maps are written with sorted keys: the top level and the auths map; entries keep their order
        String text = GoJson.indent(content, p -> p.isEmpty() || p.equals(List.of("auths")));
        Path dir = path.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) {
                createPrivateDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, path.getFileName() + ".ingest", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new OciException("failed to save config file at " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
