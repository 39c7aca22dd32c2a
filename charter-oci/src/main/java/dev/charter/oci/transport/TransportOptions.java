package dev.charter.oci.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach registries: Helm's {@code --plain-http}, {@code --insecure-skip-tls-verify},
 * {@code --ca-file}, {@code --cert-file}/{@code --key-file}, plus timeouts and the User-Agent.
 *
 * <p>The options are taken literally: Helm's CLI quirk of ignoring {@code --plain-http} when a TLS
 * flag is given for push/pull is applied by the caller (see {@link #hasTlsSettings()}).
 */
public record TransportOptions(boolean plainHttp, boolean insecureSkipTlsVerify, Path caFile, Path certFile, Path keyFile,
                               String userAgent, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                               RequestLog debugLog, ProgressListener progress) {

    /** Options without request logging or progress reporting. */
    public TransportOptions(boolean plainHttp, boolean insecureSkipTlsVerify, Path caFile, Path certFile, Path keyFile,
                            String userAgent, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {
        this(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile, userAgent, connectTimeout, requestTimeout, retry, null, null);
    }

    /**
     * Charter identifies itself as Helm: registries (and Helm-targeted allow-lists) see the same
     * client they see from {@code helm} 4.1.4, whose behaviour Charter reproduces.
     */
    public static final String DEFAULT_USER_AGENT = "Helm/4.1.4";

    public static TransportOptions defaults() {
        return new TransportOptions(false, false, null, null, null, DEFAULT_USER_AGENT,
                Duration.ofSeconds(30), Duration.ofMinutes(5), RetryPolicy.oras());
    }

    public TransportOptions withPlainHttp(boolean value) {
        return new TransportOptions(value, insecureSkipTlsVerify, caFile, certFile, keyFile, userAgent, connectTimeout, requestTimeout, retry, debugLog, progress);
    }

    public TransportOptions withTls(boolean insecure, Path ca, Path cert, Path key) {
        return new TransportOptions(plainHttp, insecure, ca, cert, key, userAgent, connectTimeout, requestTimeout, retry, debugLog, progress);
    }

    public TransportOptions withRetry(RetryPolicy policy) {
        return new TransportOptions(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile, userAgent, connectTimeout, requestTimeout, policy, debugLog, progress);
    }

    public TransportOptions withUserAgent(String value) {
        return new TransportOptions(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile, value, connectTimeout, requestTimeout, retry, debugLog, progress);
    }

    /** Helm v4's {@code --debug} request logging; {@code null} turns it off. */
    public TransportOptions withDebugLog(RequestLog log) {
        return new TransportOptions(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile, userAgent, connectTimeout, requestTimeout, retry, log, progress);
    }

    /** Progress reporting for large request and response bodies; {@code null} turns it off. */
    public TransportOptions withProgress(ProgressListener listener) {
        return new TransportOptions(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile, userAgent, connectTimeout, requestTimeout, retry, debugLog, listener);
    }

    /** Whether a TLS-specific client was requested (Helm's {@code NewRegistryClientWithTLS} path). */
    public boolean hasTlsSettings() {
        return insecureSkipTlsVerify || caFile != null || (certFile != null && keyFile != null);
    }

    public boolean usesPlainHttp() {
        return plainHttp;
    }

    public String scheme() {
        return usesPlainHttp() ? "http" : "https";
    }
}
