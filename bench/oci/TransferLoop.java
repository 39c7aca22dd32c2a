import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.TransportOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Warm-JVM transfer benchmark of Charter's OCI library (bench/oci/library.sh runs it):
 *   raw  SIZE_MIB RUNS                  plain loopback socket copy, the ceiling for any HTTP client
 *   blob HOST REPO FILE RUNS            upload (POST+PUT) and verified download of FILE, RUNS times each
 *   pull REF CACHE_DIR RUNS             ChartPuller with a BlobCache: one cold pull, then RUNS warm ones
 * Each measurement prints "RESULT <name> <MiB/s or ms> ..." lines; warm-up runs are not reported.
 */
public final class TransferLoop {

    private static final int WARMUP = 2;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "raw" -> raw(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "blob" -> blob(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "pull" -> pull(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void raw(int mib, int runs) throws Exception {
        long bytes = (long) mib << 20;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = Thread.ofPlatform().start(() -> {
                byte[] buffer = new byte[256 * 1024];
                for (int i = 0; i < WARMUP + runs; i++) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        for (long sent = 0; sent < bytes; sent += buffer.length) {
                            out.write(buffer, 0, (int) Math.min(buffer.length, bytes - sent));
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            List<Double> rates = new ArrayList<>();
            byte[] buffer = new byte[256 * 1024];
            for (int i = 0; i < WARMUP + runs; i++) {
                long start = System.nanoTime();
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()); InputStream in = s.getInputStream()) {
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                }
                if (i >= WARMUP) {
                    rates.add(mibPerSecond(bytes, System.nanoTime() - start));
                }
            }
            sender.join();
            report("raw-loopback", rates, "MiB/s");
        }
    }

    private static void blob(String host, String repo, Path file, int runs) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        Descriptor d = new Descriptor("application/octet-stream", "sha256:" + HexFormat.of().formatHex(hash), Files.size(file));
        Reference ref = Reference.parse(host + "/" + repo);
        Path target = Files.createTempFile("transfer-", ".bin");
        try (RegistryClient client = new RegistryClient(TransportOptions.defaults().withPlainHttp(true), CredentialProvider.anonymous())) {
            List<Double> up = new ArrayList<>();
            List<Double> down = new ArrayList<>();
            for (int i = 0; i < WARMUP + runs; i++) {
                long start = System.nanoTime();
                client.blobs().upload(ref, d, Body.of(file));
                long uploaded = System.nanoTime();
                Files.deleteIfExists(target);
                client.blobs().download(ref, d, target);
                long downloaded = System.nanoTime();
                if (i >= WARMUP) {
                    up.add(mibPerSecond(d.size(), uploaded - start));
                    down.add(mibPerSecond(d.size(), downloaded - uploaded));
                }
            }
            report("push " + host, up, "MiB/s");
            report("pull " + host, down, "MiB/s");
        } finally {
            Files.deleteIfExists(target);
        }
    }

    private static void pull(String ref, Path cacheDir, int runs) throws Exception {
        Reference reference = Reference.parse(ref);
        try (RegistryClient client = new RegistryClient(TransportOptions.defaults().withPlainHttp(true), CredentialProvider.anonymous())) {
            ChartPuller puller = new ChartPuller(client, BlobCache.open(cacheDir));
            long start = System.nanoTime();
            puller.pull(reference, PullOptions.chartOnly(), null, null, line -> { });
            report("cold-cache pull", List.of((System.nanoTime() - start) / 1e6), "ms");
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARMUP + runs; i++) {
                long t = System.nanoTime();
                puller.pull(reference, PullOptions.chartOnly(), null, null, line -> { });
                if (i >= WARMUP) {
                    warm.add((System.nanoTime() - t) / 1e6);
                }
            }
            report("warm-cache pull", warm, "ms");
        }
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / 1048576.0 / (nanos / 1e9);
    }

    private static void report(String name, List<Double> values, String unit) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("RESULT\t%s\tmedian %.1f %s\tmean %.1f\tmin %.1f\tmax %.1f\tn=%d%n", name, median, unit, mean,
                sorted.get(0), sorted.get(sorted.size() - 1), values.size());
    }
}
