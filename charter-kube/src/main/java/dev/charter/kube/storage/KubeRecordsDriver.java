package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Helm's Secret (default) and ConfigMap drivers. Secrets have type {@code helm.sh/release.v1}
 * and {@code data.release} = base64 of the encoded release; ConfigMaps hold the encoded text.
 * An empty namespace means all namespaces (reads only).
 */
public final class KubeRecordsDriver implements Driver {

    public enum Kind { SECRET, CONFIGMAP }

    private final KubernetesClient client;
    private final String namespace;
    private final Kind kind;

    public KubeRecordsDriver(KubernetesClient client, String namespace, Kind kind) {
        this.client = client;
        this.namespace = namespace;
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind == Kind.SECRET ? "Secret" : "ConfigMap";
    }

    private String payload(HasMetadata obj) {
        if (obj instanceof Secret s) {
            String v = s.getData() == null ? null : s.getData().get("release");
            return v == null ? "" : new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
        }
        ConfigMap c = (ConfigMap) obj;
        String v = c.getData() == null ? null : c.getData().get("release");
        return v == null ? "" : v;
    }

    private HasMetadata fetch(String key) {
        return kind == Kind.SECRET
                ? client.secrets().inNamespace(namespace).withName(key).get()
                : client.configMaps().inNamespace(namespace).withName(key).get();
    }

    /** The secrets driver wraps API errors with what it was doing; the configmaps driver returns them as they are. */
    private String failure(String secretsPrefix, KubernetesClientException e) {
        return (kind == Kind.SECRET ? secretsPrefix : "") + KubeErrors.message(e);
    }

    @Override
    public Release get(String key) {
        HasMetadata obj;
        try {
            obj = fetch(key);
        } catch (KubernetesClientException e) {
            throw new StorageException(failure("get: failed to get \"" + key + "\": ", e), e);
        }
        if (obj == null) {
            throw new ReleaseNotFoundException();
        }
        Release r;
        try {
            r = ReleaseCodec.decode(payload(obj));
        } catch (RuntimeException e) {
            throw new StorageException("get: failed to decode data \"" + key + "\": " + e.getMessage(), e);
        }
        r.labels = Labels.filterSystem(obj.getMetadata().getLabels());
        return r;
    }

    private List<? extends HasMetadata> items(Map<String, String> selector) {
        if (kind == Kind.SECRET) {
            var op = namespace == null || namespace.isEmpty() ? client.secrets().inAnyNamespace()
                    : client.secrets().inNamespace(namespace);
            return op.withLabels(selector).list().getItems();
        }
        var op = namespace == null || namespace.isEmpty() ? client.configMaps().inAnyNamespace()
                : client.configMaps().inNamespace(namespace);
        return op.withLabels(selector).list().getItems();
    }

    @Override
    public List<Release> list(Predicate<Release> filter) {
        List<? extends HasMetadata> items;
        try {
            items = items(Map.of("owner", "helm"));
        } catch (KubernetesClientException e) {
            throw new StorageException(failure("list: failed to list: ", e), e);
        }
        List<Release> out = new ArrayList<>();
        for (HasMetadata item : items) {
            Release r;
            try {
                r = ReleaseCodec.decode(payload(item));
            } catch (RuntimeException e) {
                continue;
            }
            r.labels = item.getMetadata().getLabels() == null ? new java.util.TreeMap<>()
                    : new java.util.TreeMap<>(item.getMetadata().getLabels());
            if (filter.test(r)) out.add(r);
        }
        return out;
    }

    @Override
    public List<Release> query(Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!validLabelValue(e.getValue())) {
                throw new StorageException("invalid label value: \"" + e.getValue() + "\": a valid label must be an empty "
                        + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                        + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
            }
        }
        List<? extends HasMetadata> items;
        try {
            items = items(labels);
        } catch (KubernetesClientException e) {
            throw new StorageException(failure("query: failed to query with labels: ", e), e);
        }
        if (items.isEmpty()) {
            throw new ReleaseNotFoundException();
        }
        List<Release> out = new ArrayList<>();
        for (HasMetadata item : items) {
            try {
                Release r = ReleaseCodec.decode(payload(item));
                r.labels = item.getMetadata().getLabels() == null ? new java.util.TreeMap<>()
                        : new java.util.TreeMap<>(item.getMetadata().getLabels());
                out.add(r);
            } catch (RuntimeException e) {
                // Helm logs and skips undecodable records
            }
        }
        return out;
    }

    static boolean validLabelValue(String v) {
        return v.length() <= 63 && v.matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    }

    private HasMetadata object(String key, Release r, String stamp) {
        Map<String, String> labels = Labels.forRecord(r, stamp, Instant.now().getEpochSecond());
        String encoded = ReleaseCodec.encode(r);
        if (kind == Kind.SECRET) {
            return new SecretBuilder().withNewMetadata().withName(key).withNamespace(namespace).withLabels(labels)
                    .endMetadata().withType("helm.sh/release.v1")
                    .withData(Map.of("release", Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.UTF_8))))
                    .build();
        }
        return new ConfigMapBuilder().withNewMetadata().withName(key).withNamespace(namespace).withLabels(labels)
                .endMetadata().withData(Map.of("release", encoded)).build();
    }

    @Override
    public void create(String key, Release r) {
        HasMetadata obj = object(key, r, "createdAt");
        try {
            if (obj instanceof Secret s) {
                client.secrets().inNamespace(namespace).resource(s).create();
            } else {
                client.configMaps().inNamespace(namespace).resource((ConfigMap) obj).create();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new StorageException("release: already exists", e);
            }
            throw new StorageException(failure("create: failed to create: ", e), e);
        }
    }

    @Override
    public void update(String key, Release r) {
        HasMetadata obj = object(key, r, "modifiedAt");
        try {
            if (obj instanceof Secret s) {
                client.secrets().inNamespace(namespace).resource(s).update();
            } else {
                client.configMaps().inNamespace(namespace).resource((ConfigMap) obj).update();
            }
        } catch (KubernetesClientException e) {
            throw new StorageException(failure("update: failed to update: ", e), e);
        }
    }

    @Override
    public Release delete(String key) {
        Release r = get(key);
        try {
            if (kind == Kind.SECRET) {
                client.secrets().inNamespace(namespace).withName(key).delete();
            } else {
                client.configMaps().inNamespace(namespace).withName(key).delete();
            }
        } catch (KubernetesClientException e) {
            throw new StorageException(KubeErrors.message(e), e);
        }
        return r;
    }
}
