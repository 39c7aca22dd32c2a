package dev.charter.repo;

import dev.charter.yaml.GoYaml;
import dev.charter.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * repositories.yaml (Helm's {@code repo.File}): {@code apiVersion}, {@code generated} and the
 * repositories, written back the way {@code sigs.k8s.io/yaml} marshals the struct (keys sorted,
 * every entry field present).
 */
public final class RepoFile {

    private String apiVersion = "";
    private String generated = GoTimes.ZERO;
    private final List<RepoEntry> repositories = new ArrayList<>();

    /** An empty file as Go's zero value ({@code var f repo.File}). */
    public RepoFile() {
    }

    /**
     * Reads {@code path}; a missing file gives an empty one (like {@code repo add}), see
     * {@link #exists(Path)} for commands that require it.
     */
    public static RepoFile read(Path path) {
        RepoFile f = new RepoFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return f;
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        Object doc = YamlReader.parse(new String(bytes, StandardCharsets.UTF_8));
        if (doc instanceof Map<?, ?> m) {
            f.apiVersion = RepoEntry.str(m.get("apiVersion"));
            if (m.get("generated") != null) {
                f.generated = GoTimes.normalize(m.get("generated"));
            }
            if (m.get("repositories") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> e) {
                        f.repositories.add(RepoEntry.fromJsonModel(e));
                    }
                }
            }
        }
        return f;
    }

    public static boolean exists(Path path) {
        return Files.exists(path);
    }

    public List<RepoEntry> repositories() {
        return List.copyOf(repositories);
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    public Optional<RepoEntry> get(String name) {
        return repositories.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Replaces the entry of the same name in place or appends it. */
    public void update(RepoEntry entry) {
        for (int i = 0; i < repositories.size(); i++) {
            if (repositories.get(i).name().equals(entry.name())) {
                repositories.set(i, entry);
                return;
            }
        }
        repositories.add(entry);
    }

    public boolean remove(String name) {
        return repositories.removeIf(e -> e.name().equals(name));
    }

    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", apiVersion);
        m.put("generated", generated);
        List<Object> list = new ArrayList<>();
        repositories.forEach(e -> list.add(e.toJsonModel()));
        m.put("repositories", list);
        return GoYaml.marshal(m);
    }

    /** Helm's {@code WriteFile(path, 0600)}: parent directories 0755, atomic replace. */
    public void write(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, path.getFileName().toString(), "");
            Files.writeString(temp, toYaml(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
    }

    /** Helm's lock file next to repositories.yaml ({@code repositories.lock}), created like flock does. */
    public static Path lockPath(Path repoFile) {
        String s = repoFile.toString();
        String name = repoFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && name.length() - dot < s.length() && dot < name.length()) {
            return Path.of(s.substring(0, s.length() - (name.length() - dot)) + ".lock");
        }
        return Path.of(s + ".lock");
    }
}
