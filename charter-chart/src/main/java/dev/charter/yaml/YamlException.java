package dev.charter.yaml;

/** A YAML document Go's sigs.k8s.io/yaml would reject; the message follows its wording. */
public class YamlException extends RuntimeException {

    public YamlException(String message) {
        super(message);
    }
}
