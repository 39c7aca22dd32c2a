package dev.charter.chart.create;

import dev.charter.chart.ChartException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Charter's own starter chart for {@code charter create}: a small, working application chart
 * (Deployment, Service, helpers, NOTES, a connection test). The checks and messages around it are
 * Helm's ({@code chartutil.Create}); the content is Charter's.
 */
public final class ChartScaffold {

    private static final Pattern CHART_NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");
    private static final int MAX_CHART_NAME_LENGTH = 250;

    private ChartScaffold() {
    }

    /** Helm's {@code validateChartName}. */
    public static void validateName(String name) {
        if (name.isEmpty() || name.length() > MAX_CHART_NAME_LENGTH) {
            throw new ChartException("chart name must be between 1 and " + MAX_CHART_NAME_LENGTH + " characters");
        }
        if (!CHART_NAME.matcher(name).matches()) {
            throw new ChartException("chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"");
        }
    }

    /**
     * Creates chart {@code name} inside the existing directory {@code dir}; existing files are
     * overwritten after a warning line to {@code warnings}. Returns the chart directory.
     */
    public static Path create(String name, Path dir, Consumer<String> warnings) {
        validateName(name);
        Path path = dir.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new ChartException("stat " + path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            throw new ChartException("no such directory " + path);
        }
        Path cdir = path.resolve(name);
        if (Files.exists(cdir) && !Files.isDirectory(cdir)) {
            throw new ChartException("file " + cdir + " already exists and is not a directory");
        }
        try {
            for (Map.Entry<String, String> e : files(name).entrySet()) {
                Path file = cdir.resolve(e.getKey());
                if (Files.exists(file)) {
                    warnings.accept("WARNING: File \"" + file + "\" already exists. Overwriting.");
                }
                write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            Files.createDirectories(cdir.resolve("charts"));
        } catch (IOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        return cdir;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".create", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, String> files(String name) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Chart.yaml", """
                apiVersion: v2
                name: %s
                description: An application chart created by Charter
                # "application" charts can be installed; "library" charts only share templates.
                type: application
                # The chart's own version; bump it on every change to the chart.
                version: 0.1.0
                # The version of the software the chart deploys.
                appVersion: "1.0.0"
                """.formatted(name));
        f.put("values.yaml", """
                # Default values for %s.

                replicaCount: 1

                image:
                  repository: nginx
                  # Defaults to the chart's appVersion when empty.
                  tag: ""
                  pullPolicy: IfNotPresent

                service:
                  type: ClusterIP
                  port: 80

                # Extra labels added to every object.
                labels: {}

                resources: {}
                """.formatted(name));
        f.put(".helmignore", """
                # Files matching these patterns are left out of the package.
                .DS_Store
                .git/
                .gitignore
                .hg/
                .svn/
                *.swp
                *.tmp
                *.bak
                *~
                .idea/
                .vscode/
                """);
        f.put("templates/_helpers.tpl", """
                {{/* The chart name, cut to the 63 characters Kubernetes allows in labels. */}}
                {{- define "<CHARTNAME>.name" -}}
                {{- .Chart.Name | trunc 63 | trimSuffix "-" }}
                {{- end }}

                {{/* A release-scoped name for the chart's objects. */}}
                {{- define "<CHARTNAME>.fullname" -}}
                {{- if contains .Chart.Name .Release.Name }}
                {{- .Release.Name | trunc 63 | trimSuffix "-" }}
                {{- else }}
                {{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
                {{- end }}
                {{- end }}

                {{/* Labels that select the pods of this release. */}}
                {{- define "<CHARTNAME>.selectorLabels" -}}
                app.kubernetes.io/name: {{ include "<CHARTNAME>.name" . }}
                app.kubernetes.io/instance: {{ .Release.Name }}
                {{- end }}

                {{/* Labels for every object. */}}
                {{- define "<CHARTNAME>.labels" -}}
                helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
                {{ include "<CHARTNAME>.selectorLabels" . }}
                app.kubernetes.io/managed-by: {{ .Release.Service }}
                {{- with .Values.labels }}
                {{ toYaml . }}
                {{- end }}
                {{- end }}
                """.replace("<CHARTNAME>", name));
        f.put("templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "<CHARTNAME>.fullname" . }}
                  labels:
                    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
                spec:
                  replicas: {{ .Values.replicaCount }}
                  selector:
                    matchLabels:
                      {{- include "<CHARTNAME>.selectorLabels" . | nindent 6 }}
                  template:
                    metadata:
                      labels:
                        {{- include "<CHARTNAME>.labels" . | nindent 8 }}
                    spec:
                      containers:
                        - name: {{ .Chart.Name }}
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                          imagePullPolicy: {{ .Values.image.pullPolicy }}
                          ports:
                            - name: http
                              containerPort: 80
                              protocol: TCP
                          readinessProbe:
                            httpGet:
                              path: /
                              port: http
                          {{- with .Values.resources }}
                          resources:
                            {{- toYaml . | nindent 12 }}
                          {{- end }}
                """.replace("<CHARTNAME>", name));
        f.put("templates/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{ include "<CHARTNAME>.fullname" . }}
                  labels:
                    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
                spec:
                  type: {{ .Values.service.type }}
                  ports:
                    - port: {{ .Values.service.port }}
                      targetPort: http
                      protocol: TCP
                      name: http
                  selector:
                    {{- include "<CHARTNAME>.selectorLabels" . | nindent 4 }}
                """.replace("<CHARTNAME>", name));
        f.put("templates/NOTES.txt", """
                {{ .Chart.Name }} {{ .Chart.AppVersion }} is deployed as release {{ .Release.Name }}.

                Reach it from inside the cluster at:
                  http://{{ include "<CHARTNAME>.fullname" . }}.{{ .Release.Namespace }}.svc:{{ .Values.service.port }}

                Or forward a local port to it:
                  kubectl --namespace {{ .Release.Namespace }} port-forward svc/{{ include "<CHARTNAME>.fullname" . }} 8080:{{ .Values.service.port }}
                """.replace("<CHARTNAME>", name));
        f.put("templates/tests/test-connection.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "{{ include "<CHARTNAME>.fullname" . }}-test-connection"
                  labels:
                    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
                  annotations:
                    "helm.sh/hook": test
                spec:
                  restartPolicy: Never
                  containers:
                    - name: wget
                      image: busybox
                      command: ['wget']
                      args: ['{{ include "<CHARTNAME>.fullname" . }}:{{ .Values.service.port }}']
                """.replace("<CHARTNAME>", name));
        return f;
    }
}
