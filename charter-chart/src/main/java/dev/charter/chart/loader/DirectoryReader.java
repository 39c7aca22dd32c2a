package dev.charter.chart.loader;

import dev.charter.chart.ChartException;
import dev.charter.chart.GoQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a chart directory like Helm's {@code LoadDir}: a lexical walk (names sorted by their
 * UTF-8 bytes) that follows symbolic links, applies {@code .helmignore} plus the implicit
 * {@code templates/.?*} rule, refuses irregular files and files over 5 MiB.
 */
final class DirectoryReader {

    private DirectoryReader() {
    }

    static List<BufferedFile> read(Path dir) {
        Path top = dir.toAbsolutePath().normalize();
        HelmIgnore rules = HelmIgnore.empty();
        Path ignoreFile = top.resolve(HelmIgnore.FILE_NAME);
        if (Files.exists(ignoreFile)) {
            try {
                rules = HelmIgnore.parse(Files.readAllBytes(ignoreFile));
            } catch (IOException e) {
                throw new ChartException(e.getMessage(), e);
            }
        }
        rules.withDefaults();
        List<BufferedFile> files = new ArrayList<>();
        walk(top, "", rules, files);
        return files;
    }

    private static void walk(Path dir, String prefix, HelmIgnore rules, List<BufferedFile> out) {
        String[] names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).toArray(String[]::new);
        } catch (IOException e) {
            throw new ChartException("open " + dir + ": " + e.getMessage(), e);
        }
        Arrays.sort(names, (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        for (String name : names) {
            Path p = dir.resolve(name);
            String rel = prefix + name;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class); // follows links, like sympath.Walk
            } catch (NoSuchFileException e) {
                throw new ChartException("error evaluating symlink " + p + ": lstat " + e.getFile() + ": no such file or directory");
            } catch (IOException e) {
                throw new ChartException(e.getMessage(), e);
            }
            if (attrs.isDirectory()) {
                if (!rules.ignore(rel, true)) {
                    walk(p, rel + "/", rules, out);
                }
                continue;
            }
            if (rules.ignore(rel, false)) {
                continue;
            }
            if (!attrs.isRegularFile()) {
                throw new ChartException("cannot load irregular file " + p + " as it has file mode type bits set");
            }
            if (attrs.size() > ArchiveReader.MAX_DECOMPRESSED_FILE_SIZE) {
                throw new ChartException("chart file " + GoQuote.quote(name) + " is larger than the maximum file size "
                        + ArchiveReader.MAX_DECOMPRESSED_FILE_SIZE);
            }
            byte[] data;
            try {
                data = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new ChartException("error reading " + rel + ": " + e.getMessage(), e);
            }
            out.add(new BufferedFile(rel, attrs.lastModifiedTime().toInstant(), Bom.strip(data)));
        }
    }
}
