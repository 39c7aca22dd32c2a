#!/usr/bin/env python3
"""Writes a `helm create`-style chart with N workload templates that lean on named templates.

Usage: gen-chart.py N OUT_DIR
Each template is one of five kinds (Deployment, Service, ConfigMap, Ingress, HPA) in rotation, each
with ~6-12 `include`s of _helpers.tpl, `toYaml | nindent`, `with`/`range`/`if`, `printf`, `default`,
`quote`, `trunc`, `sha256sum` -- the mix a real chart renders.
"""
import os, sys

n = int(sys.argv[1])
out = sys.argv[2]
os.makedirs(os.path.join(out, 'templates'), exist_ok=True)

open(os.path.join(out, 'Chart.yaml'), 'w').write(
    'apiVersion: v2\nname: big\ndescription: A generated chart for benchmarks\ntype: application\n'
    'version: 0.1.0\nappVersion: "1.16.0"\n')

open(os.path.join(out, 'values.yaml'), 'w').write('''replicaCount: 2
image:
  repository: nginx
  pullPolicy: IfNotPresent
  tag: ""
imagePullSecrets:
  - name: regcred
nameOverride: ""
fullnameOverride: ""
serviceAccount:
  create: true
  automount: true
  annotations: {}
  name: ""
podAnnotations:
  prometheus.io/scrape: "true"
podLabels:
  tier: web
podSecurityContext:
  fsGroup: 2000
securityContext:
  capabilities:
    drop:
    - ALL
  readOnlyRootFilesystem: true
  runAsNonRoot: true
  runAsUser: 1000
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: true
  className: nginx
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
  hosts:
    - host: chart-example.local
      paths:
        - path: /
          pathType: ImplementationSpecific
        - path: /api
          pathType: Prefix
  tls:
    - secretName: chart-example-tls
      hosts:
        - chart-example.local
resources:
  limits:
    cpu: 100m
    memory: 128Mi
  requests:
    cpu: 100m
    memory: 128Mi
livenessProbe:
  httpGet:
    path: /
    port: http
readinessProbe:
  httpGet:
    path: /
    port: http
autoscaling:
  enabled: true
  minReplicas: 1
  maxReplicas: 100
  targetCPUUtilizationPercentage: 80
  targetMemoryUtilizationPercentage: 80
env:
  LOG_LEVEL: info
  FEATURE_X: "on"
  REGION: eu-west-1
config:
  app.properties: |
    a=1
    b=2
  extra.conf: "x = y"
volumes: []
volumeMounts: []
nodeSelector:
  kubernetes.io/os: linux
tolerations: []
affinity: {}
''')

open(os.path.join(out, 'templates', '_helpers.tpl'), 'w').write('''{{/*
Expand the name of the chart.
*/}}
{{- define "big.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
*/}}
{{- define "big.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "big.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "big.labels" -}}
helm.sh/chart: {{ include "big.chart" . }}
{{ include "big.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "big.selectorLabels" -}}
app.kubernetes.io/name: {{ include "big.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "big.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "big.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "big.componentName" -}}
{{- printf "%s-%s" (include "big.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "big.env" -}}
{{- range $k, $v := .Values.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end }}
''')

DEPLOYMENT = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "big.componentName" (dict "root" . "component" "c%(i)d") }}
  labels:
    {{- include "big.labels" . | nindent 4 }}
    app.kubernetes.io/component: c%(i)d
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "big.selectorLabels" . | nindent 6 }}
      app.kubernetes.io/component: c%(i)d
  template:
    metadata:
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap-%(cm)d.yaml") . | sha256sum }}
      {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
      {{- end }}
      labels:
        {{- include "big.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "big.serviceAccountName" . }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}-c%(i)d
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          env:
            {{- include "big.env" . | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
              protocol: TCP
          livenessProbe:
            {{- toYaml .Values.livenessProbe | nindent 12 }}
          readinessProbe:
            {{- toYaml .Values.readinessProbe | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
'''

SERVICE = '''apiVersion: v1
kind: Service
metadata:
  name: {{ include "big.componentName" (dict "root" . "component" "c%(i)d") }}
  labels:
    {{- include "big.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ add .Values.service.port %(i)d }}
      targetPort: http
      protocol: TCP
      name: http
  selector:
    {{- include "big.selectorLabels" . | nindent 4 }}
    app.kubernetes.io/component: c%(i)d
'''

CONFIGMAP = '''apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "big.componentName" (dict "root" . "component" "c%(i)d") }}
  labels:
    {{- include "big.labels" . | nindent 4 }}
data:
  {{- range $k, $v := .Values.config }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
  index: {{ %(i)d | toString | quote }}
  upper: {{ include "big.fullname" . | upper | quote }}
'''

INGRESS = '''{{- if .Values.ingress.enabled -}}
{{- $svc := include "big.componentName" (dict "root" . "component" "c%(i)d") -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $svc }}
  labels:
    {{- include "big.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if .Values.ingress.tls }}
  tls:
    {{- range .Values.ingress.tls }}
    - hosts:
        {{- range .hosts }}
        - {{ . | quote }}
        {{- end }}
      secretName: {{ .secretName }}
    {{- end }}
  {{- end }}
  rules:
    {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            {{- with .pathType }}
            pathType: {{ . }}
            {{- end }}
            backend:
              service:
                name: {{ $svc }}
                port:
                  number: {{ $.Values.service.port }}
          {{- end }}
    {{- end }}
{{- end }}
'''

HPA = '''{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "big.componentName" (dict "root" . "component" "c%(i)d") }}
  labels:
    {{- include "big.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "big.componentName" (dict "root" . "component" "c%(i)d") }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    {{- if .Values.autoscaling.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
    {{- end }}
    {{- if .Values.autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetMemoryUtilizationPercentage }}
    {{- end }}
{{- end }}
'''

kinds = [('deployment', DEPLOYMENT), ('service', SERVICE), ('configmap', CONFIGMAP), ('ingress', INGRESS), ('hpa', HPA)]
for i in range(n):
    kind, body = kinds[i % len(kinds)]
    # every deployment's checksum points at a configmap that exists (i+2 has kind configmap when i%5==0)
    cm = i + 2 if i + 2 < n else 2
    with open(os.path.join(out, 'templates', '%s-%d.yaml' % (kind, i)), 'w') as f:
        f.write(body % {'i': i, 'cm': cm})
