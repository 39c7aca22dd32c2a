package dev.charter.repo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a large, realistic index.yaml (Bitnami-like entries) for load-time tests and the benchmark. */
public final class BigIndex {

    private BigIndex() {
    }

    /** {@code charts} charts with {@code versions} versions each; about 1 KB per version. */
    public static void write(Path file, int charts, int versions) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("apiVersion: v1\nentries:\n");
            for (int c = 0; c < charts; c++) {
                String name = String.format("chart-%04d", c);
                w.write("  " + name + ":\n");
                for (int v = versions - 1; v >= 0; v--) {
                    String version = (v / 20) + "." + (v % 20) + "." + (c % 3) + (v % 17 == 5 ? "-rc." + v : "");
                    w.write("  - annotations:\n      category: Infrastructure\n      licenses: Apache-2.0\n");
                    w.write("    apiVersion: v2\n    appVersion: " + (v % 7) + "." + (v % 11) + ".0\n");
                    w.write("    created: \"2024-05-06T07:08:" + String.format("%02d", v % 60) + "." + (123456789 + v) + "Z\"\n");
                    w.write("    dependencies:\n    - name: common\n      repository: oci://registry-1.docker.io/bitnamicharts\n"
                            + "      tags:\n      - bitnami-common\n      version: 2.x.x\n");
                    w.write("    description: Chart number " + c + " deploys a very useful application; this description"
                            + " is about as long as real ones tend to be.\n");
                    w.write("    digest: " + String.format("%064x", (long) c * 100003 + v) + "\n");
                    w.write("    home: https://example.com/" + name + "\n    icon: https://example.com/icons/" + name + ".svg\n");
                    w.write("    keywords:\n    - " + name + "\n    - keyword-" + (c % 10) + "\n    - infrastructure\n");
                    w.write("    maintainers:\n    - name: Broadcom\n      url: https://github.com/bitnami/charts\n");
                    w.write("    name: " + name + "\n    sources:\n    - https://github.com/example/" + name + "\n");
                    w.write("    urls:\n    - https://charts.example.com/" + name + "-" + version + ".tgz\n");
                    w.write("    version: " + version + "\n");
                }
            }
            w.write("generated: \"2024-05-06T07:08:09.123456789Z\"\n");
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
