{{- define "tplheavy.render" -}}
{{- if typeIs "string" .value }}{{ tpl .value .context }}{{ else }}{{ tpl (.value | toYaml) .context }}{{ end -}}
{{- end -}}
{{- define "tplheavy.recurse" -}}
{{- if gt (int .n) 0 }}{{ .n }},{{ include "tplheavy.recurse" (dict "n" (sub .n 1)) }}{{ end -}}
{{- end -}}
