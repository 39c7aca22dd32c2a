package dev.charter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Charter's build information, filtered into {@code charter-version.properties} at build time. */
public record CharterVersion(String version, String gitCommit, String gitTreeState, String javaVersion) {

    /** The Kubernetes client API level Charter targets (Helm 4.1's). */
    public static final String KUBE_CLIENT_VERSION = "v1.35";

    public static CharterVersion current() {
        Properties p = new Properties();
        try (InputStream in = CharterVersion.class.getResourceAsStream("/charter-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CharterVersion("v" + p.getProperty("version", "0.0.0"), p.getProperty("commit", ""),
                p.getProperty("treeState", ""), "java" + Runtime.version().feature());
    }

    /** {@code version.BuildInfo{...}} exactly as Helm formats it (Go's {@code %#v}). */
    public String buildInfo() {
        return "version.BuildInfo{Version:\"" + version + "\", GitCommit:\"" + gitCommit + "\", GitTreeState:\""
                + gitTreeState + "\", GoVersion:\"" + javaVersion + "\", KubeClientVersion:\"" + KUBE_CLIENT_VERSION + "\"}";
    }

    /** {@code --short}: the version plus {@code +g<commit7>} when the commit is known. */
    public String shortForm() {
        return gitCommit.length() >= 7 ? version + "+g" + gitCommit.substring(0, 7) : version;
    }
}
