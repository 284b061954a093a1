{{/*
Chart name, truncated to 63 characters (DNS-1123 label limit).
*/}}
{{- define "portail-famille.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fully qualified app name, truncated to 63 characters.
If the release name already contains the chart name it is used as is.
*/}}
{{- define "portail-famille.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Chart label value: name-version.
*/}}
{{- define "portail-famille.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector labels (stable across upgrades: never add mutable labels here).
*/}}
{{- define "portail-famille.selectorLabels" -}}
app.kubernetes.io/name: {{ include "portail-famille.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
Common labels.
*/}}
{{- define "portail-famille.labels" -}}
helm.sh/chart: {{ include "portail-famille.chart" . }}
{{ include "portail-famille.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: portail-famille
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Common annotations block (rendered only when commonAnnotations is not empty).
Usage: {{ include "portail-famille.annotations" (dict "annotations" .Values.x "context" $) }}
*/}}
{{- define "portail-famille.annotations" -}}
{{- $all := merge (dict) (default (dict) .annotations) (default (dict) .context.Values.commonAnnotations) -}}
{{- if $all }}
annotations:
  {{- toYaml $all | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
Image reference: [registry/]repository(@digest|:tag), tag defaulting to the chart appVersion.
*/}}
{{- define "portail-famille.image" -}}
{{- $repo := required "image.repository is required" .Values.image.repository -}}
{{- if .Values.image.registry -}}
{{- $repo = printf "%s/%s" .Values.image.registry $repo -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default .Chart.AppVersion .Values.image.tag | toString) -}}
{{- end -}}
{{- end -}}

{{/*
Pod-level settings shared by the application Deployment and the migration Job.
*/}}
{{- define "portail-famille.podCommon" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . | quote }}
  {{- end }}
{{- end }}
{{- if .Values.podSecurityContext.enabled }}
securityContext:
  {{- toYaml (omit .Values.podSecurityContext "enabled") | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
Container security context (application and migration containers).
*/}}
{{- define "portail-famille.containerSecurityContext" -}}
{{- if .Values.containerSecurityContext.enabled }}
securityContext:
  {{- toYaml (omit .Values.containerSecurityContext "enabled") | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
Environment of the platform (application and migration containers).
*/}}
{{- define "portail-famille.env" -}}
- name: PF_DB_URL
  value: {{ .Values.database.url | quote }}
- name: PF_DB_USER
  value: {{ .Values.database.user | quote }}
- name: PF_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret | quote }}
      key: {{ .Values.database.existingSecretPasswordKey | quote }}
- name: PF_KEYCLOAK_URL
  value: {{ .Values.platform.keycloakUrl | quote }}
{{- if .Values.platform.keycloakHealthUrl }}
- name: PF_HEALTH_KEYCLOAK_URL
  value: {{ .Values.platform.keycloakHealthUrl | quote }}
{{- end }}
- name: PF_BASE_DOMAIN
  value: {{ .Values.platform.baseDomain | quote }}
{{- if .Values.platform.timeZone }}
- name: TZ
  value: {{ .Values.platform.timeZone | quote }}
{{- end }}
- name: PF_PUBLIC_SCHEME
  value: {{ .Values.platform.publicScheme | quote }}
- name: PF_SMTP_HOST
  value: {{ .Values.platform.smtp.host | quote }}
- name: PF_SMTP_PORT
  value: {{ .Values.platform.smtp.port | quote }}
- name: PF_SMTP_FROM
  value: {{ .Values.platform.smtp.from | quote }}
- name: PF_SMTP_STARTTLS
  value: {{ .Values.platform.smtp.starttls | quote }}
{{- if .Values.platform.smtp.existingSecret }}
- name: PF_SMTP_USER
  valueFrom:
    secretKeyRef:
      name: {{ .Values.platform.smtp.existingSecret | quote }}
      key: {{ .Values.platform.smtp.existingSecretUserKey | quote }}
- name: PF_SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.platform.smtp.existingSecret | quote }}
      key: {{ .Values.platform.smtp.existingSecretPasswordKey | quote }}
{{- end }}
- name: PF_PAYFIP_ENDPOINT
  value: {{ .Values.platform.payfip.endpoint | quote }}
- name: PF_PAYFIP_PAYMENT_PAGE
  value: {{ .Values.platform.payfip.paymentPage | quote }}
- name: PF_PAYFIP_PRODUCTION
  value: {{ ne .Values.platform.payfip.production false | quote }}
{{- if .Values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.javaToolOptions | quote }}
{{- end }}
{{- with .Values.extraEnvVars }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
TLS secret of the wildcard host.
*/}}
{{- define "portail-famille.wildcardTlsSecret" -}}
{{- default (printf "%s-wildcard-tls" (include "portail-famille.fullname" .)) .Values.ingress.wildcardTlsSecret -}}
{{- end -}}

{{/*
ServiceAccount of the application pods: the created one (full name by default), or an existing one, or "default".
*/}}
{{- define "portail-famille.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "portail-famille.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Headless Service through which the cluster members find each other (Hazelcast's Kubernetes discovery).
*/}}
{{- define "portail-famille.headlessService" -}}
{{- printf "%s-hazelcast" (include "portail-famille.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector of the application pods (web component), as a YAML map.
*/}}
{{- define "portail-famille.webSelector" -}}
{{ include "portail-famille.selectorLabels" . }}
app.kubernetes.io/component: web
{{- end -}}

{{/*
Name of the Keycloak custom resource.
*/}}
{{- define "portail-famille.keycloakName" -}}
{{- default (printf "%s-keycloak" (include "portail-famille.fullname" .)) .Values.keycloak.operator.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Consistency checks of the values that the JSON schema cannot express.
*/}}
{{- define "portail-famille.validateValues" -}}
{{- if .Values.keycloak.operator.enabled -}}
{{- $expected := printf "https://%s" .Values.keycloak.operator.hostname -}}
{{- if ne (trimSuffix "/" .Values.platform.keycloakUrl) $expected -}}
{{- fail (printf "platform.keycloakUrl must be %s when keycloak.operator.enabled (the Keycloak resource's hostname)" $expected) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.pdb.create (ne (toString .Values.pdb.minAvailable) "") (ne (toString .Values.pdb.maxUnavailable) "") -}}
{{- fail "pdb.minAvailable and pdb.maxUnavailable cannot both be set" -}}
{{- end -}}
{{- if and .Values.autoscaling.hpa.enabled (gt (int .Values.autoscaling.hpa.minReplicas) (int .Values.autoscaling.hpa.maxReplicas)) -}}
{{- fail "autoscaling.hpa.minReplicas must not exceed autoscaling.hpa.maxReplicas" -}}
{{- end -}}
{{- if and .Values.autoscaling.hpa.enabled (not .Values.autoscaling.hpa.targetCPU) (not .Values.autoscaling.hpa.targetMemory) -}}
{{- fail "autoscaling.hpa needs targetCPU or targetMemory" -}}
{{- end -}}
{{- end -}}
