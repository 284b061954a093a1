package fr.portailfamille.helm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Offline checks of the chart: {@code helm lint} and {@code helm template} run in-process through
 * helm-java (embedded helm library, no helm binary, no cluster, no network); the rendered
 * manifests are parsed into fabric8 typed objects and asserted.
 */
class ChartTest {

  private static final String RELEASE = "pf";
  private static final String NAMESPACE = "portail";
  private static final String FULLNAME = "pf-portail-famille";
  /** helm-java's template defaults to Kubernetes v1.20.0; the chart requires >= 1.25. */
  private static final String KUBE_VERSION = "v1.30.0";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * helm-java's template (and install dry-run) output leaves Helm hooks out, like
   * {@code helm template --no-hooks}. To assert the hook Job as Helm renders it, the tests render a
   * copy of the chart with one extra test-only template that places the chart's own named template
   * {@code portail-famille.migrationJob} (the exact body of templates/migration-job.yaml) in a
   * ConfigMap.
   */
  private static final String HOOK_EXPOSER = String.join("\n",
      "{{- if .Values.migration.enabled }}",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: test-exposed-hooks",
      "data:",
      "  migration-job.yaml: |",
      "    {{- include \"portail-famille.migrationJob\" . | nindent 4 }}",
      "{{- end }}",
      "");

  private static Path chartDir;
  private static Path workDir;
  private static Path hooksChartDir;

  @BeforeAll
  static void setUp() throws IOException {
    chartDir = Paths.get(System.getProperty("chart.dir", "chart/portail-famille")).toAbsolutePath();
    workDir = Paths.get(System.getProperty("work.dir", "target/helm-work")).toAbsolutePath();
    // JNA extracts the embedded helm library there: it must exist before the first Helm call.
    Files.createDirectories(Paths.get(System.getProperty("jna.tmpdir", "target/jna")));
    Files.createDirectories(workDir);
    assertTrue(Files.isRegularFile(chartDir.resolve("Chart.yaml")), "chart not found at " + chartDir);
    hooksChartDir = workDir.resolve("hooks").resolve("portail-famille");
    copyChart(chartDir, hooksChartDir);
    Files.writeString(hooksChartDir.resolve("templates/zz-test-expose-hooks.yaml"), HOOK_EXPOSER, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // helm lint
  // ---------------------------------------------------------------------------------------------

  @Test
  void lintPassesWithDefaultValues() {
    LintResult result = new Helm(chartDir).lint().strict().call();
    assertFalse(result.isFailed(), () -> "helm lint failed: " + result.getMessages());
  }

  static Stream<Path> ciOverlays() throws IOException {
    Path ci = Paths.get(System.getProperty("chart.dir", "chart/portail-famille")).resolve("ci");
    try (Stream<Path> files = Files.list(ci)) {
      List<Path> overlays = files
          .filter(p -> p.getFileName().toString().matches("values-.+\\.yaml"))
          .sorted()
          .collect(Collectors.toList());
      assertFalse(overlays.isEmpty(), "no ci/values-*.yaml overlay");
      return overlays.stream();
    }
  }

  /**
   * helm-java's lint has no --values option: lint a copy of the chart whose values.yaml is the
   * chart's values deep-merged with the overlay (the same merge helm applies to -f files).
   */
  @ParameterizedTest(name = "lint with {0}")
  @MethodSource("ciOverlays")
  void lintPassesWithEachCiOverlay(Path overlay) throws IOException {
    String overlayName = overlay.getFileName().toString().replace(".yaml", "");
    Path copy = workDir.resolve("lint-" + overlayName).resolve("portail-famille");
    copyChart(chartDir, copy);
    Map<String, Object> merged = deepMerge(readYamlMap(chartDir.resolve("values.yaml")), readYamlMap(overlay));
    Files.writeString(copy.resolve("values.yaml"), SERIALIZATION.asYaml(merged), StandardCharsets.UTF_8);

    LintResult result = new Helm(copy).lint().strict().call();
    assertFalse(result.isFailed(), () -> "helm lint failed with " + overlay.getFileName() + ": " + result.getMessages());

    // and the overlay renders through the real -f path too
    List<HasMetadata> objects = render(t -> t.withValuesFile(overlay));
    assertNotNull(find(objects, Deployment.class), "no Deployment rendered with " + overlay.getFileName());
  }

  // ---------------------------------------------------------------------------------------------
  // helm template, default values
  // ---------------------------------------------------------------------------------------------

  @Test
  void defaultDeploymentHasTheExpectedShape() {
    List<HasMetadata> objects = render(t -> { });
    Deployment deployment = find(objects, Deployment.class);
    assertNotNull(deployment, "no Deployment rendered");
    assertEquals(FULLNAME, deployment.getMetadata().getName());
    assertEquals(NAMESPACE, deployment.getMetadata().getNamespace());
    assertEquals(2, deployment.getSpec().getReplicas());
    assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
    assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
            .containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
        "pod labels must match the selector");

    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
    assertEquals(1, pod.getContainers().size());
    Container app = pod.getContainers().get(0);
    assertEquals("portail-famille:0.1.0", app.getImage(), "image tag defaults to the appVersion");

    // port
    assertEquals(1, app.getPorts().size());
    assertEquals(8080, app.getPorts().get(0).getContainerPort());
    assertEquals("http", app.getPorts().get(0).getName());

    // probes on /health, port http
    assertAll(
        () -> assertEquals("/health", app.getReadinessProbe().getHttpGet().getPath()),
        () -> assertEquals("http", app.getReadinessProbe().getHttpGet().getPort().getStrVal()),
        () -> assertEquals("/health", app.getLivenessProbe().getHttpGet().getPath()),
        () -> assertEquals("http", app.getLivenessProbe().getHttpGet().getPort().getStrVal()),
        () -> assertEquals("/health", app.getStartupProbe().getHttpGet().getPath()),
        () -> assertEquals(3, app.getReadinessProbe().getFailureThreshold()));

    // environment
    Map<String, EnvVar> env = envByName(app);
    assertTrue(env.keySet().containsAll(List.of("PF_DB_URL", "PF_DB_USER", "PF_DB_PASSWORD", "PF_KEYCLOAK_URL",
        "PF_BASE_DOMAIN", "PF_PUBLIC_SCHEME", "PF_SMTP_HOST", "PF_SMTP_PORT", "PF_SMTP_FROM", "JAVA_TOOL_OPTIONS")),
        () -> "env: " + env.keySet());
    assertEquals("25", env.get("PF_SMTP_PORT").getValue());
    assertFalse(env.containsKey("PF_MIGRATE_ONLY"), "the application pods must not be in migrate-only mode");
    assertEquals("false", env.get("PF_MIGRATE_AT_START").getValue(), "with the upgrade Job, replicas never migrate");
    assertEquals("jdbc:postgresql://postgresql:5432/portail_famille", env.get("PF_DB_URL").getValue());
    assertEquals("portail_famille", env.get("PF_DB_USER").getValue());
    assertEquals("https://auth.portail-famille.example.org", env.get("PF_KEYCLOAK_URL").getValue());
    assertEquals("portail-famille.example.org", env.get("PF_BASE_DOMAIN").getValue());
    assertEquals("https", env.get("PF_PUBLIC_SCHEME").getValue());
    assertTrue(env.get("JAVA_TOOL_OPTIONS").getValue().contains("-XX:MaxRAMPercentage=75.0"));

    // the password only ever comes from the existing Secret
    EnvVar password = env.get("PF_DB_PASSWORD");
    assertNull(password.getValue(), "the database password must not be inlined");
    assertNotNull(password.getValueFrom().getSecretKeyRef(), "PF_DB_PASSWORD must come from a secretKeyRef");
    assertEquals("portail-famille-db", password.getValueFrom().getSecretKeyRef().getName());
    assertEquals("password", password.getValueFrom().getSecretKeyRef().getKey());

    // security context
    assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    assertEquals(Boolean.TRUE, app.getSecurityContext().getRunAsNonRoot());
    assertEquals(Boolean.FALSE, app.getSecurityContext().getAllowPrivilegeEscalation());
    assertEquals(List.of("ALL"), app.getSecurityContext().getCapabilities().getDrop());

    // resources
    assertEquals("768Mi", app.getResources().getRequests().get("memory").toString());
    assertEquals("1536Mi", app.getResources().getLimits().get("memory").toString());
  }

  @Test
  void defaultServiceAndIngressPointAtTheHttpPort() {
    List<HasMetadata> objects = render(t -> { });
    Service service = find(objects, Service.class);
    assertNotNull(service, "no Service rendered");
    assertEquals("ClusterIP", service.getSpec().getType());
    assertEquals(80, service.getSpec().getPorts().get(0).getPort());
    assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    Deployment deployment = find(objects, Deployment.class);
    assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector(),
        "the Service must select the Deployment's pods");

    Ingress ingress = find(objects, Ingress.class);
    assertNotNull(ingress, "no Ingress rendered");
    assertNull(ingress.getSpec().getIngressClassName(), "ingressClassName is optional and unset by default");
    assertEquals(List.of("*.portail-famille.example.org"), hosts(ingress));
    assertTrue(ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty(), "TLS is off by default");
    HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertEquals(FULLNAME, path.getBackend().getService().getName());
    assertEquals(80, path.getBackend().getService().getPort().getNumber());
  }

  @Test
  void migrationJobIsAPreInstallPreUpgradeHookInMigrateOnlyMode() {
    // Helm classified the Job as a hook: it is not part of the release manifest...
    List<HasMetadata> manifest = render(t -> { });
    assertNull(find(manifest, Job.class), "the migration Job must be a hook, not a release resource");
    // ...and the copy of the chart that exposes it shows what Helm runs before the pods start
    Job job = renderMigrationJob(t -> { });
    assertNotNull(job, "no migration Job rendered");
    assertEquals(FULLNAME + "-migrate", job.getMetadata().getName());
    assertEquals(NAMESPACE, job.getMetadata().getNamespace());
    Map<String, String> annotations = job.getMetadata().getAnnotations();
    assertEquals("pre-install,pre-upgrade", annotations.get("helm.sh/hook"));
    assertNotNull(annotations.get("helm.sh/hook-delete-policy"));
    assertTrue(annotations.get("helm.sh/hook-delete-policy").contains("before-hook-creation"));

    // one migration step: a single pod at a time, never restarted in place
    assertEquals(1, job.getSpec().getParallelism());
    assertEquals(1, job.getSpec().getCompletions());
    assertEquals(1, job.getSpec().getBackoffLimit());
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertEquals("Never", pod.getRestartPolicy());
    assertEquals(1, pod.getContainers().size());
    Container migrate = pod.getContainers().get(0);

    Container app = find(manifest, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals(app.getImage(), migrate.getImage(), "the Job runs the same image as the application");

    Map<String, EnvVar> env = envByName(migrate);
    assertEquals("true", env.get("PF_MIGRATE_ONLY").getValue());
    assertEquals("jdbc:postgresql://postgresql:5432/portail_famille", env.get("PF_DB_URL").getValue());
    assertEquals("portail_famille", env.get("PF_DB_USER").getValue());
    assertEquals("portail-famille-db", env.get("PF_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
    assertEquals("password", env.get("PF_DB_PASSWORD").getValueFrom().getSecretKeyRef().getKey());
    assertEquals("portail-famille.example.org", env.get("PF_BASE_DOMAIN").getValue());
    assertEquals(List.of("ALL"), migrate.getSecurityContext().getCapabilities().getDrop());
    assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
  }

  @Test
  void migrationJobCanBeDisabled() {
    assertNull(renderMigrationJob(t -> t.set("migration.enabled", false)));
    Deployment deployment = find(render(t -> t.set("migration.enabled", false)), Deployment.class);
    assertNotNull(deployment);
    Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("true", envByName(app).get("PF_MIGRATE_AT_START").getValue(), "without the Job, replicas upgrade at start");
  }

  // ---------------------------------------------------------------------------------------------
  // overlays and overrides
  // ---------------------------------------------------------------------------------------------

  @Test
  void domainsOverlayRoutesTheWildcardAndEveryCustomDomain() {
    List<HasMetadata> objects = render(t -> t.withValuesFile(chartDir.resolve("ci/values-ingress-domains.yaml")));
    Ingress ingress = find(objects, Ingress.class);
    assertNotNull(ingress, "no Ingress rendered");
    assertEquals("nginx", ingress.getSpec().getIngressClassName());
    assertEquals("letsencrypt", ingress.getMetadata().getAnnotations().get("cert-manager.io/cluster-issuer"));

    List<String> customDomains = List.of("familles.paysdemontfaucou.fr", "enfance.ville-saint-aubin.fr",
        "portail-famille.mairie-lesvignes.fr");
    List<String> expectedHosts = new ArrayList<>();
    expectedHosts.add("*.portail-famille.fr");
    expectedHosts.addAll(customDomains);
    assertEquals(expectedHosts, hosts(ingress));
    for (IngressRule rule : ingress.getSpec().getRules()) {
      HTTPIngressPath path = rule.getHttp().getPaths().get(0);
      assertEquals("/", path.getPath());
      assertEquals("Prefix", path.getPathType());
      assertEquals(FULLNAME, path.getBackend().getService().getName(), rule.getHost());
    }

    // TLS: the wildcard certificate, then one certificate per custom domain
    Map<String, String> secretByHost = new LinkedHashMap<>();
    for (IngressTLS tls : ingress.getSpec().getTls()) {
      tls.getHosts().forEach(h -> secretByHost.put(h, tls.getSecretName()));
    }
    assertEquals("portail-famille-fr-wildcard", secretByHost.get("*.portail-famille.fr"));
    assertEquals("familles.paysdemontfaucou.fr-tls", secretByHost.get("familles.paysdemontfaucou.fr"));
    assertEquals("lesvignes-custom-tls", secretByHost.get("portail-famille.mairie-lesvignes.fr"));
    assertEquals(new TreeSet<>(expectedHosts), new TreeSet<>(secretByHost.keySet()));

    Container app = find(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("portail-famille.fr", envByName(app).get("PF_BASE_DOMAIN").getValue());
  }

  @Test
  void productionOverlayPinsTheImageAndSchedulingConstraints() {
    List<HasMetadata> objects = render(t -> t.withValuesFile(chartDir.resolve("ci/values-production.yaml")));
    Deployment deployment = find(objects, Deployment.class);
    assertEquals(3, deployment.getSpec().getReplicas());
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container app = pod.getContainers().get(0);
    assertEquals("registry.example.org/portail-famille/portail-famille@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", app.getImage());
    assertEquals("registry-credentials", pod.getImagePullSecrets().get(0).getName());
    assertEquals("linux", pod.getNodeSelector().get("kubernetes.io/os"));
    assertEquals("dedicated", pod.getTolerations().get(0).getKey());
    assertNotNull(pod.getAffinity().getPodAntiAffinity());
    assertEquals("true", deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/scrape"));
    Map<String, EnvVar> env = envByName(app);
    assertEquals("pf-db-credentials", env.get("PF_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
    assertEquals("app-password", env.get("PF_DB_PASSWORD").getValueFrom().getSecretKeyRef().getKey());
    assertEquals("Europe/Paris", env.get("TZ").getValue());
    assertEquals("-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError", env.get("JAVA_TOOL_OPTIONS").getValue());
    assertEquals(8080, find(objects, Service.class).getSpec().getPorts().get(0).getPort());
    Job job = renderMigrationJob(t -> t.withValuesFile(chartDir.resolve("ci/values-production.yaml")));
    assertEquals(app.getImage(), job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertEquals("registry-credentials", job.getSpec().getTemplate().getSpec().getImagePullSecrets().get(0).getName());
    assertEquals("app-password",
        envByName(job.getSpec().getTemplate().getSpec().getContainers().get(0)).get("PF_DB_PASSWORD")
            .getValueFrom().getSecretKeyRef().getKey());
    assertEquals(2, job.getSpec().getBackoffLimit());
  }

  @Test
  void overridesFlowIntoTheManifests() {
    List<HasMetadata> objects = render(t -> t
        .set("replicaCount", 4)
        .set("image.tag", "1.2.3")
        .set("platform.publicScheme", "http")
        .set("ingress.enabled", false)
        .set("podSecurityContext.fsGroup", 2000));
    Deployment deployment = find(objects, Deployment.class);
    assertEquals(4, deployment.getSpec().getReplicas());
    Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("portail-famille:1.2.3", app.getImage());
    assertEquals("http", envByName(app).get("PF_PUBLIC_SCHEME").getValue());
    assertEquals(2000L, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup());
    assertNull(find(objects, Ingress.class), "ingress.enabled=false must not render an Ingress");
  }

  // ---------------------------------------------------------------------------------------------
  // values.schema.json
  // ---------------------------------------------------------------------------------------------

  @Test
  void schemaRejectsANonIntegerReplicaCount() throws IOException {
    Path invalid = writeValues("invalid-replicas.yaml", "replicaCount: two\n");
    assertSchemaRejects(invalid, "replicaCount");
  }

  @Test
  void schemaRejectsAMissingImageRepository() throws IOException {
    // null removes the default, as `--set image.repository=null` would
    Path invalid = writeValues("invalid-no-repository.yaml", "image:\n  repository: null\n");
    assertSchemaRejects(invalid, "repository");
    Path empty = writeValues("invalid-empty-repository.yaml", "image:\n  repository: \"\"\n");
    assertSchemaRejects(empty, "repository");
  }

  @Test
  void schemaRejectsOtherInvalidValues() throws IOException {
    assertSchemaRejects(writeValues("invalid-scheme.yaml", "platform:\n  publicScheme: ftp\n"), "publicScheme");
    assertSchemaRejects(writeValues("invalid-secret.yaml", "database:\n  existingSecret: \"\"\n"), "existingSecret");
    assertSchemaRejects(writeValues("invalid-host.yaml",
        "ingress:\n  extraHosts:\n    - name: \"Not A Host\"\n"), "name");
    assertSchemaRejects(writeValues("invalid-typo.yaml", "replicaCnt: 3\n"), "replicaCnt");
  }

  // ---------------------------------------------------------------------------------------------
  // values.yaml documentation (Bitnami `## @param` convention)
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyValueIsDocumentedWithAParamLine() throws IOException {
    Map<String, Object> values = readYamlMap(chartDir.resolve("values.yaml"));
    Set<String> leaves = new TreeSet<>();
    collectLeaves("", values, leaves);

    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("^\\s*## @param ([A-Za-z0-9_.\\[\\]-]+) \\S", Pattern.MULTILINE)
        .matcher(Files.readString(chartDir.resolve("values.yaml")));
    while (m.find()) {
      documented.add(m.group(1));
    }
    Set<String> undocumented = new TreeSet<>(leaves);
    undocumented.removeAll(documented);
    Set<String> stale = new TreeSet<>(documented);
    stale.removeAll(leaves);
    assertTrue(undocumented.isEmpty(), () -> "values without a '## @param' line: " + undocumented);
    assertTrue(stale.isEmpty(), () -> "'## @param' lines for values that do not exist: " + stale);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  private static List<HasMetadata> render(Consumer<TemplateCommand> customizer) {
    return render(chartDir, customizer);
  }

  /** The migration hook Job as rendered by the chart, or null when the chart renders none. */
  private static Job renderMigrationJob(Consumer<TemplateCommand> customizer) {
    List<HasMetadata> objects = render(hooksChartDir, customizer);
    ConfigMap exposed = find(objects, ConfigMap.class);
    if (exposed == null) {
      return null;
    }
    List<HasMetadata> hooks = parse(exposed.getData().get("migration-job.yaml"));
    assertEquals(1, hooks.size(), "one migration hook expected");
    assertTrue(hooks.get(0) instanceof Job, () -> "not a Job: " + hooks.get(0).getKind());
    return (Job) hooks.get(0);
  }

  private static List<HasMetadata> render(Path chart, Consumer<TemplateCommand> customizer) {
    TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    customizer.accept(command);
    return parse(command.call());
  }

  /** Splits helm's multi-document output on {@code ---} and unmarshals each document. */
  static List<HasMetadata> parse(String manifests) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : manifests.split("(?m)^---\\s*$")) {
      boolean hasContent = doc.lines().anyMatch(l -> !l.isBlank() && !l.trim().startsWith("#"));
      if (!hasContent) {
        continue;
      }
      Object parsed = SERIALIZATION.unmarshal(doc);
      if (!(parsed instanceof HasMetadata) || parsed instanceof GenericKubernetesResource) {
        fail("not a known Kubernetes kind: " + doc);
      }
      HasMetadata object = (HasMetadata) parsed;
      assertNoUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName());
      objects.add(object);
    }
    assertFalse(objects.isEmpty(), "helm template rendered nothing");
    return objects;
  }

  private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type) {
    List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    assertTrue(matches.size() <= 1, () -> "more than one " + type.getSimpleName() + " rendered");
    return matches.isEmpty() ? null : matches.get(0);
  }

  private static Map<String, EnvVar> envByName(Container container) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      assertNull(env.put(var.getName(), var), () -> "duplicate env var " + var.getName());
    }
    return env;
  }

  private static List<String> hosts(Ingress ingress) {
    return ingress.getSpec().getRules().stream().map(IngressRule::getHost).collect(Collectors.toList());
  }

  /**
   * fabric8 keeps the fields its Kubernetes model does not know in additionalProperties: a
   * mis-indented or misspelt field in a template lands there. Walks the whole typed object.
   */
  private static void assertNoUnknownFields(Object node, String path) {
    if (node == null) {
      return;
    }
    if (node instanceof Collection) {
      int i = 0;
      for (Object item : (Collection<?>) node) {
        assertNoUnknownFields(item, path + "[" + i++ + "]");
      }
      return;
    }
    if (node instanceof Map) {
      ((Map<?, ?>) node).forEach((k, v) -> assertNoUnknownFields(v, path + "." + k));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        Map<?, ?> unknown = (Map<?, ?>) value;
        assertTrue(unknown == null || unknown.isEmpty(), () -> "unknown fields at " + path + ": " + unknown);
      } else {
        String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
        assertNoUnknownFields(value, path + "." + field);
      }
    }
  }

  private static void assertSchemaRejects(Path valuesFile, String expectedInMessage) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Helm(chartDir).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION).withValuesFile(valuesFile).call(),
        () -> valuesFile.getFileName() + " should have been rejected");
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("schema"), () -> "not a schema failure: " + message);
    assertTrue(message.contains(expectedInMessage), () -> "message does not name " + expectedInMessage + ": " + message);
  }

  private static Path writeValues(String name, String content) throws IOException {
    Path file = workDir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYamlMap(Path file) throws IOException {
    Map<String, Object> map = SERIALIZATION.unmarshal(Files.readString(file), Map.class);
    return map == null ? new LinkedHashMap<>() : map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    overlay.forEach((key, value) -> {
      Object current = result.get(key);
      if (value instanceof Map && current instanceof Map) {
        result.put(key, deepMerge((Map<String, Object>) current, (Map<String, Object>) value));
      } else {
        result.put(key, value);
      }
    });
    return result;
  }

  /** Leaves as readme-generator sees them: scalars, lists and empty maps. */
  @SuppressWarnings("unchecked")
  private static void collectLeaves(String prefix, Map<String, Object> map, Set<String> leaves) {
    map.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof Map && !((Map<String, Object>) value).isEmpty()) {
        collectLeaves(path, (Map<String, Object>) value, leaves);
      } else {
        leaves.add(path);
      }
    });
  }

  private static void copyChart(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(source);
        if (relative.startsWith("ci")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
