package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import dev.charter.yaml.GoJsonWriter;
import dev.charter.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Helm's {@code loadReleasesInMemory} (pkg/cmd/root.go): with HELM_DRIVER=memory every command first
 * loads HELM_MEMORY_DRIVER_DATA, a colon-separated list of YAML files each holding a list of
 * releases, into the memory driver. Helm splits even an unset variable, so it then tries to read
 * the file "" and stops; {@link Fatal} carries the message Helm's {@code log.Fatal} prints.
 */
public final class MemoryDriverData {

    /** Helm's {@code log.Fatal}: the message, logged at INFO, then exit status 1. */
    public static final class Fatal extends RuntimeException {
        public Fatal(String message) {
            super(message);
        }
    }

    private MemoryDriverData() {
    }

    /** Loads every file of {@code pathList} through {@code storage} (history limits apply as in Helm). */
    public static void load(Storage storage, String pathList) {
        for (String path : (pathList == null ? "" : pathList).split(":", -1)) {
            byte[] bytes;
            try {
                if (path.isEmpty()) throw new java.nio.file.NoSuchFileException(path);
                if (Files.isDirectory(Path.of(path))) {
                    // Go opens a directory fine; the read fails
                    throw new Fatal("Unable to read memory driver data" + "read " + path + ": is a directory");
                }
                bytes = Files.readAllBytes(Path.of(path));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // Go's fmt.Sprint adds no space between the two strings; os.ReadFile's *PathError text follows
                String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "no such file or directory";
                throw new Fatal("Unable to read memory driver data" + "open " + path + ": " + why);
            }
            List<Release> releases;
            try {
                releases = parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new Fatal("Unable to unmarshal memory driver data: " + e.getMessage());
            }
            for (Release r : releases) {
                try {
                    storage.create(r);
                } catch (StorageException e) {
                    throw new Fatal(e.getMessage());
                }
            }
        }
    }

    /** sigs.k8s.io/yaml: the YAML becomes JSON, which decodes into {@code []*release.Release}. */
    static List<Release> parse(String yaml) {
        Object tree = YamlReader.parse(yaml);
        if (tree == null) return List.of();
        if (!(tree instanceof List<?> items)) {
            throw new IllegalArgumentException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []*v1.Release");
        }
        return items.stream().filter(java.util.Objects::nonNull).map(i -> Release.fromJson(GoJsonWriter.write(i))).toList();
    }
}
