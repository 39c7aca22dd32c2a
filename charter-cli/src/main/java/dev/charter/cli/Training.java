package dev.charter.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training workload for the start-up cache that {@code bin/charter} builds (JDK 25 AOT cache or
 * AppCDS): runs the common commands in-process in the current (scratch) directory so that the
 * classes they load are archived. Failures are expected for commands that need a network peer and
 * are ignored; loading their classes is what counts.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        Path dir = Path.of("").toAbsolutePath();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HELM_CONFIG_HOME", dir.resolve("config").toString());
        env.put("HELM_CACHE_HOME", dir.resolve("cache").toString());
        env.put("HELM_DATA_HOME", dir.resolve("data").toString());
        // a kubeconfig whose server is a closed local port: parsing it and setting up TLS get trained, nothing is reached
        Path kubeconfig = dir.resolve("training-kubeconfig");
        try {
            java.nio.file.Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: training
                      cluster:
                        server: https://127.0.0.1:1
                    users:
                    - name: training
                      user:
                        token: training
                    contexts:
                    - name: training
                      context:
                        cluster: training
                        user: training
                        namespace: training
                    current-context: training
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        env.put("KUBECONFIG", kubeconfig.toString());
        env.remove("HELM_DRIVER");
        env.remove("HELM_KUBECONTEXT");
        List<String[]> runs = List.of(
                new String[] {"version"},
                new String[] {"version", "--short"},
                new String[] {"env"},
                new String[] {"--bogus"},
                new String[] {"create", "trainchart"},
                new String[] {"package", "trainchart"},
                new String[] {"show", "all", "trainchart"},
                new String[] {"show", "chart", "trainchart-0.1.0.tgz"},
                new String[] {"show", "values", "trainchart-0.1.0.tgz"},
                new String[] {"template", "trainchart"},
                new String[] {"pull", "oci://127.0.0.1:1/training/none", "--version", "0.1.0", "--plain-http"},
                new String[] {"push", "trainchart-0.1.0.tgz", "oci://127.0.0.1:1/training", "--plain-http"},
                // release commands: the Kubernetes client (fabric8, Vert.x, Jackson models) is most of their start-up;
                // against the training kubeconfig's closed port
                new String[] {"install", "trainrel", "trainchart", "--dry-run=client"},
                new String[] {"install", "trainrel", "trainchart"},
                new String[] {"upgrade", "trainrel", "trainchart"},
                new String[] {"list"},
                new String[] {"status", "trainrel"},
                new String[] {"history", "trainrel"},
                new String[] {"uninstall", "trainrel"});
        for (String[] run : runs) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(sink);
            Charter.execute(run, env, dir, InputStream.nullInputStream(), out, out);
        }
    }
}
