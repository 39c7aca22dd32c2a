package dev.charter.cli.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import java.util.zip.GZIPOutputStream;

/** Fixture charts written at test time (text here, big files generated), with fixed mtimes. */
final class Fixtures {

    static final Instant MTIME = Instant.parse("2024-01-02T03:04:05.600Z");

    private Fixtures() {
    }

    static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }

    static void touchAll(Path root, Instant t) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(t));
            }
        }
    }

    static String chartYaml(String name, String version) {
        return "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n";
    }

    /** name -> files of every well-formed fixture chart. */
    static Map<String, Map<String, String>> charts() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        c.put("minimal", Map.of("Chart.yaml", chartYaml("minimal", "0.1.0")));
        c.put("rich", Map.of(
                "Chart.yaml", """
                        # a comment that must disappear
                        apiVersion: v2
                        name: rich
                        version: 1.2.3+build.7
                        kubeVersion: ">=1.20.0-0"
                        description: Rich <chart> & stuff
                        home: https://example.com/home
                        icon: https://example.com/icon.png
                        sources: [https://github.com/example/one, https://github.com/example/two]
                        keywords: [a, b]
                        maintainers:
                          - name: Alice
                            email: alice@example.com
                            url: https://alice.example.com
                          - name: Bob
                          - email: anon@example.com
                        annotations:
                          example.com/custom: "yes"
                          org.opencontainers.image.title: override-title
                          category: 1.10
                        appVersion: "2.0"
                        deprecated: true
                        unknownKey: dropped
                        type: application
                        """,
                "values.yaml", "key: value\n# trailing comment\n",
                "README.md", "# Rich README\nhello\n",
                "crds/a.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: a.example.com\n",
                "crds/b.yaml", "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: b.example.com\n",
                "crds/notes.txt", "not a manifest\n",
                "templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\n"));
        c.put("numbers", Map.of("Chart.yaml", "apiVersion: v2\nname: numbers\nversion: 1.10\nappVersion: 1.20\n",
                "values.yaml", ""));
        c.put("noapi", Map.of("Chart.yaml", "name: noapi\nversion: 0.0.1\nfoo: bar\n"));
        c.put("longdesc", Map.of("Chart.yaml", "apiVersion: v2\nname: longdesc\nversion: 0.1.0\ndescription: "
                + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation\n"
                + "home: 'x: y'\nicon: '- dash'\nkeywords: ['true', 'null', '0755', '1e3', '', ' lead', 'tab\there', '#hash', 'a: b', 'yes', '2024-01-02']\n"
                + "annotations:\n  multi: |\n    line one\n    line two\n  trailing: \"ends with newlines\\n\\n\"\n  quote: \"it's \\\"q\\\"\"\n"
                + "  long.key: \"" + "word ".repeat(30) + "end\"\n"));
        c.put("library", Map.of("Chart.yaml", "apiVersion: v2\nname: library\nversion: 0.2.0\ntype: library\n",
                "templates/_helpers.tpl", "{{- define \"library.x\" -}}x{{- end -}}\n"));
        c.put("v1chart", Map.of("Chart.yaml", "apiVersion: v1\nname: v1chart\nversion: 0.3.0\n",
                "requirements.yaml", "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\n",
                "requirements.lock", "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\ndigest: sha256:abc\ngenerated: \"2024-01-02T03:04:05.123Z\"\n",
                "charts/sub/Chart.yaml", chartYaml("sub", "0.1.0")));
        c.put("ignored", Map.of("Chart.yaml", chartYaml("ignored", "0.1.0"),
                ".helmignore", "# comment\n*.bak\n/secret.txt\ndocs/\ntemplates/skip-*.yaml\n",
                "a.bak", "x", "secret.txt", "s", "sub/secret.txt", "kept", "docs/readme.md", "d",
                "templates/.hidden", "h", "templates/skip-me.yaml", "s", "templates/keep.yaml", "k: v\n"));
        c.put("unicode", Map.of("Chart.yaml", "apiVersion: v2\nname: unicode\nversion: 0.1.0\ndescription: \"Ünïcödé ✓ chart — 日本語\"\n",
                "values.yaml", "\uFEFFgreeting: \"héllo wörld\"\nemoji: \"🎉\"\n",
                "files/ünï.txt", "ünï\n",
                "README.txt", "Ünïcödé readme\n"));
        c.put("emptyvalues", Map.of("Chart.yaml", chartYaml("emptyvalues", "0.1.0"), "values.yaml", "",
                "values.schema.json", "{\"type\": \"object\"}\n"));
        c.put("lock", Map.of("Chart.yaml", "apiVersion: v2\nname: lock\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: \">=0.1.0\"\n  repository: file://../sub\n  condition: sub.enabled\n  tags: [t1]\n  import-values: [data, {child: a, parent: b}]\n  alias: first\n",
                "Chart.lock", "dependencies:\n- name: sub\n  repository: file://../sub\n  version: 0.1.0\ndigest: sha256:0123\ngenerated: \"2024-05-06T07:08:09.5Z\"\n",
                "charts/sub/Chart.yaml", chartYaml("sub", "0.1.0")));
        c.put("nested", Map.of("Chart.yaml", chartYaml("nested", "1.0.0"),
                "charts/l1/Chart.yaml", chartYaml("l1", "1.0.0"),
                "charts/l1/crds/l1crd.yaml", "kind: CustomResourceDefinition\nmetadata:\n  name: l1\n",
                "charts/l1/charts/l2/Chart.yaml", chartYaml("l2", "1.0.0"),
                "charts/l1/charts/l2/charts/l3/Chart.yaml", chartYaml("l3", "1.0.0"),
                "charts/l1/charts/l2/charts/l3/values.yaml", "deep: true\n"));
        c.put("readmecase", Map.of("Chart.yaml", chartYaml("readmecase", "0.1.0"), "readme", "lower readme\n",
                "LICENSE", "MIT\n", "templates/NOTES.txt", "notes\n"));
        c.put("maintainers", Map.of("Chart.yaml", "apiVersion: v2\nname: maintainers\nversion: v1.2.3\nmaintainers:\n- name: \"  Spaced\\tName  \"\n  email: a@b.c\nkeywords:\n- \"x\\ny\"\n"));
        c.put("multidoc", Map.of("Chart.yaml", chartYaml("multidoc", "0.1.0"),
                "values.yaml", "a: 1\nb:\n  c: 2\n---\nb:\n  d: 3\n"));
        return c;
    }

    /** A gzipped tar of raw entries; each entry is name -> content, or name -> null for a symlink to /etc/passwd. */
    static byte[] tgz(Map<String, byte[]> entries, Map<String, String> symlinks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(e.getKey(), true);
                te.setSize(e.getValue().length);
                tar.putArchiveEntry(te);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> e : symlinks.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK, true);
                te.setLinkName(e.getValue());
                tar.putArchiveEntry(te);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
