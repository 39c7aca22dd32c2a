{{- define "errors.nested" -}}
{{ .Values.obj.deep.er }}
{{- end -}}
