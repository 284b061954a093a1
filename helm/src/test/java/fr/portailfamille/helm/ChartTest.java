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
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
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
  private static final String KEYCLOAK_API_VERSION = "k8s.keycloak.org/v2alpha1";
  /** Kubernetes JSON schemas (fabric8 6.13.5's, unpacked by the build): every built-in kind rendered is validated. */
  private static final KubernetesSchemas KUBE_SCHEMAS =
      KubernetesSchemas.load(Paths.get(System.getProperty("kube.schemas.dir", "target/kube-schemas")));
  /** The kinds the run validated against a Kubernetes schema (checked at the end). */
  private static final Set<String> SCHEMA_VALIDATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
    // clustered by default: Hazelcast's Kubernetes discovery reads the API with the pod's ServiceAccount
    assertEquals(Boolean.TRUE, pod.getAutomountServiceAccountToken());
    assertEquals(FULLNAME, pod.getServiceAccountName());
    assertEquals(1, pod.getContainers().size());
    Container app = pod.getContainers().get(0);
    assertEquals("portail-famille:0.1.0", app.getImage(), "image tag defaults to the appVersion");

    // ports: http, and Hazelcast between the members
    assertEquals(2, app.getPorts().size());
    assertEquals(8080, app.getPorts().get(0).getContainerPort());
    assertEquals("http", app.getPorts().get(0).getName());
    assertEquals(6900, app.getPorts().get(1).getContainerPort());
    assertEquals("hazelcast", app.getPorts().get(1).getName());

    // MicroProfile Health probes, port http
    assertProbes(app);
    assertEquals(3, app.getReadinessProbe().getFailureThreshold());
    assertEquals(5, app.getReadinessProbe().getTimeoutSeconds(), "the readiness check may wait 2 s for each dependency");

    // Payara Micro's options: Kubernetes clustering through the headless Service, no phone home
    assertEquals(List.of("--port", "8080", "--disablephonehome", "--name", "$(POD_NAME)",
        "--clustermode", "kubernetes:" + NAMESPACE + "," + FULLNAME + "-hazelcast", "--clustername", FULLNAME,
        "--startport", "6900"), app.getArgs());
    assertEquals("metadata.name", envByName(app).get("POD_NAME").getValueFrom().getFieldRef().getFieldPath());

    // environment
    Map<String, EnvVar> env = envByName(app);
    assertTrue(env.keySet().containsAll(List.of("PF_DB_URL", "PF_DB_USER", "PF_DB_PASSWORD", "PF_KEYCLOAK_URL",
        "PF_BASE_DOMAIN", "PF_PUBLIC_SCHEME", "PF_SMTP_HOST", "PF_SMTP_PORT", "PF_SMTP_FROM", "PF_PAYFIP_ENDPOINT",
        "PF_PAYFIP_PAYMENT_PAGE", "JAVA_TOOL_OPTIONS")),
        () -> "env: " + env.keySet());
    // the communes' time zone by default: deadlines and "today" are France's, whatever the node's clock
    assertEquals("Europe/Paris", env.get("TZ").getValue());
    assertEquals("25", env.get("PF_SMTP_PORT").getValue());
    // mails to families (invitations, password resets) never in clear; no relay account unless a Secret names one
    assertEquals("true", env.get("PF_SMTP_STARTTLS").getValue());
    assertFalse(env.containsKey("PF_SMTP_USER") || env.containsKey("PF_SMTP_PASSWORD"));
    assertFalse(env.containsKey("PF_MIGRATE_ONLY"), "the application pods must not be in migrate-only mode");
    assertEquals("false", env.get("PF_MIGRATE_AT_START").getValue(), "with the upgrade Job, replicas never migrate");
    assertEquals("jdbc:postgresql://postgresql:5432/portail_famille", env.get("PF_DB_URL").getValue());
    assertEquals("portail_famille", env.get("PF_DB_USER").getValue());
    assertEquals("https://auth.portail-famille.example.org", env.get("PF_KEYCLOAK_URL").getValue());
    assertEquals("portail-famille.example.org", env.get("PF_BASE_DOMAIN").getValue());
    assertEquals("https", env.get("PF_PUBLIC_SCHEME").getValue());
    assertEquals("https://www.payfip.gouv.fr/tpa/services/securite", env.get("PF_PAYFIP_ENDPOINT").getValue());
    assertEquals("https://www.payfip.gouv.fr/tpa/paiementws.web", env.get("PF_PAYFIP_PAYMENT_PAGE").getValue());
    // real payments by default: PayFiP's test mode moves no money
    assertEquals("true", env.get("PF_PAYFIP_PRODUCTION").getValue());
    assertFalse(env.containsKey("PF_HEALTH_KEYCLOAK_URL"), "the readiness check's default Keycloak URL");
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
    Service service = find(objects, Service.class, FULLNAME);
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
    // ingress-nginx's 1 MiB body and 60 s read would cut a parent's certificate and an operator's archive import
    assertEquals("2048m", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"));
    assertEquals("900", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
    assertEquals("900", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-send-timeout"));
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

    assertEquals(List.of("--nocluster", "--disablephonehome"), migrate.getArgs(), "the Job never joins the cluster");
    assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
    assertNull(pod.getServiceAccountName(), "a pre-install hook cannot use the ServiceAccount the release creates");
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
    // the release's own annotation wins over the chart's nginx default; the others stay
    assertEquals("1200", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
    assertEquals("2048m", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"));

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
    assertEquals("2", env.get("MALLOC_ARENA_MAX").getValue(), "extra variables follow");
    assertEquals("-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError", env.get("JAVA_TOOL_OPTIONS").getValue());
    assertEquals(8080, find(objects, Service.class, FULLNAME).getSpec().getPorts().get(0).getPort());
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
  // scale-out: clustering, RBAC, availability, autoscaling, network, metrics, Keycloak
  // ---------------------------------------------------------------------------------------------

  /** Every overlay: the objects render, match the Kubernetes schemas (in parse) and keep the invariants. */
  @ParameterizedTest(name = "render and validate {0}")
  @MethodSource("ciOverlays")
  void everyCiOverlayRendersValidObjects(Path overlay) {
    List<HasMetadata> objects = render(t -> t.withValuesFile(overlay));
    Deployment deployment = find(objects, Deployment.class);
    Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertProbes(app);
    assertTrue(app.getArgs().contains("--disablephonehome"), overlay + ": " + app.getArgs());
    Service service = find(objects, Service.class, FULLNAME);
    assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
    for (HasMetadata object : objects) {
      if (!(object instanceof ServiceMonitor)) {
        assertEquals(NAMESPACE, object.getMetadata().getNamespace(), object.getKind() + " " + overlay);
      }
      assertEquals(RELEASE, object.getMetadata().getLabels().get("app.kubernetes.io/instance"), object.getKind());
    }
    PodDisruptionBudget pdb = find(objects, PodDisruptionBudget.class);
    if (pdb != null) {
      assertEquals(deployment.getSpec().getSelector().getMatchLabels(), pdb.getSpec().getSelector().getMatchLabels());
    }
    Job job = renderMigrationJob(t -> t.withValuesFile(overlay));
    if (job != null) {
      assertEquals(app.getImage(), job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }
  }

  @Test
  void defaultClusterWiringServiceAccountRoleAndDisruptionBudget() {
    List<HasMetadata> objects = render(t -> { });
    Deployment deployment = find(objects, Deployment.class);
    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();

    ServiceAccount account = find(objects, ServiceAccount.class);
    assertEquals(FULLNAME, account.getMetadata().getName());
    assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), "the pods opt in, not the account");

    Role role = find(objects, Role.class);
    assertEquals(2, role.getRules().size());
    PolicyRule rule = role.getRules().get(0);
    assertEquals(List.of(""), rule.getApiGroups());
    assertEquals(List.of("pods", "endpoints"), rule.getResources());
    assertEquals(List.of("get", "list"), rule.getVerbs(), "read only: no watch, no write");
    PolicyRule slices = role.getRules().get(1);
    assertEquals(List.of("discovery.k8s.io"), slices.getApiGroups());
    assertEquals(List.of("endpointslices"), slices.getResources());
    assertEquals(List.of("get", "list"), slices.getVerbs());
    RoleBinding binding = find(objects, RoleBinding.class);
    assertEquals("Role", binding.getRoleRef().getKind());
    assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
    assertEquals(1, binding.getSubjects().size());
    assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
    assertEquals(account.getMetadata().getName(), binding.getSubjects().get(0).getName());
    assertEquals(NAMESPACE, binding.getSubjects().get(0).getNamespace());

    Service headless = find(objects, Service.class, FULLNAME + "-hazelcast");
    assertNotNull(headless, "no headless Service");
    assertEquals("None", headless.getSpec().getClusterIP());
    assertEquals(Boolean.TRUE, headless.getSpec().getPublishNotReadyAddresses(), "a starting member must be found");
    assertEquals(1, headless.getSpec().getPorts().size());
    assertEquals(6900, headless.getSpec().getPorts().get(0).getPort());
    assertEquals("hazelcast", headless.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    assertEquals(selector, headless.getSpec().getSelector());
    Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertTrue(app.getArgs().contains("kubernetes:" + NAMESPACE + "," + headless.getMetadata().getName()));

    PodDisruptionBudget pdb = find(objects, PodDisruptionBudget.class);
    assertEquals(new IntOrString(1), pdb.getSpec().getMaxUnavailable());
    assertNull(pdb.getSpec().getMinAvailable());
    assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels());

    // the full policy is off by default; the sessions' Hazelcast port is closed to other pods all the same
    NetworkPolicy hazelcast = find(objects, NetworkPolicy.class);
    assertEquals(FULLNAME + "-hazelcast", hazelcast.getMetadata().getName());
    assertEquals(selector, hazelcast.getSpec().getPodSelector().getMatchLabels());
    assertEquals(List.of("Ingress"), hazelcast.getSpec().getPolicyTypes(), "egress untouched");
    List<NetworkPolicyIngressRule> rules = hazelcast.getSpec().getIngress();
    assertEquals(2, rules.size());
    assertEquals("http", rules.get(0).getPorts().get(0).getPort().getStrVal());
    assertTrue(rules.get(0).getFrom() == null || rules.get(0).getFrom().isEmpty(), "HTTP from anywhere, as before");
    assertEquals("hazelcast", rules.get(1).getPorts().get(0).getPort().getStrVal());
    assertEquals(selector, rules.get(1).getFrom().get(0).getPodSelector().getMatchLabels(), "the peers only");

    // off by default
    assertNull(find(objects, HorizontalPodAutoscaler.class));
    assertNull(find(objects, ServiceMonitor.class));
    assertTrue(objects.stream().noneMatch(o -> o instanceof GenericKubernetesResource), "no Keycloak resource");
    assertEquals(2, deployment.getSpec().getReplicas());
  }

  @Test
  void withoutClusteringPayaraMicroRunsAloneAndNeedsNoApiAccess() {
    List<HasMetadata> objects = render(t -> t.set("cluster.enabled", false));
    assertNull(find(objects, NetworkPolicy.class), "no Hazelcast port to close");
    Deployment deployment = find(objects, Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container app = pod.getContainers().get(0);
    assertEquals(List.of("--port", "8080", "--disablephonehome", "--name", "$(POD_NAME)", "--nocluster"), app.getArgs());
    assertEquals(1, app.getPorts().size());
    assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
    assertNull(find(objects, Role.class));
    assertNull(find(objects, RoleBinding.class));
    assertNull(find(objects, Service.class, FULLNAME + "-hazelcast"));
  }

  @Test
  void clusterOverlayScalesWithAnAutoscalerABudgetAndAServiceMonitor() {
    Path overlay = chartDir.resolve("ci/values-cluster.yaml");
    List<HasMetadata> objects = render(t -> t.withValuesFile(overlay));
    Deployment deployment = find(objects, Deployment.class);
    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
    assertNull(deployment.getSpec().getReplicas(), "the autoscaler owns the number of replicas");
    Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals(List.of("--hzinitialjoinwait", "5"), app.getArgs().subList(app.getArgs().size() - 2, app.getArgs().size()));
    Map<String, EnvVar> env = envByName(app);
    assertEquals("https://auth.portail-famille.example.org/realms/master/.well-known/openid-configuration",
        env.get("PF_HEALTH_KEYCLOAK_URL").getValue());
    assertEquals("587", env.get("PF_SMTP_PORT").getValue());
    // the relay's account from its Secret, never inlined
    assertEquals("smtp-relay-account", env.get("PF_SMTP_USER").getValueFrom().getSecretKeyRef().getName());
    assertEquals("user", env.get("PF_SMTP_USER").getValueFrom().getSecretKeyRef().getKey());
    assertEquals("password", env.get("PF_SMTP_PASSWORD").getValueFrom().getSecretKeyRef().getKey());
    assertNull(env.get("PF_SMTP_PASSWORD").getValue());

    HorizontalPodAutoscaler hpa = find(objects, HorizontalPodAutoscaler.class);
    assertEquals("autoscaling/v2", hpa.getApiVersion());
    assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
    assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
    assertEquals(FULLNAME, hpa.getSpec().getScaleTargetRef().getName());
    assertEquals(3, hpa.getSpec().getMinReplicas());
    assertEquals(10, hpa.getSpec().getMaxReplicas());
    Map<String, Integer> targets = new LinkedHashMap<>();
    for (MetricSpec metric : hpa.getSpec().getMetrics()) {
      assertEquals("Resource", metric.getType());
      assertEquals("Utilization", metric.getResource().getTarget().getType());
      targets.put(metric.getResource().getName(), metric.getResource().getTarget().getAverageUtilization());
    }
    assertEquals(Map.of("cpu", 65, "memory", 80), targets);
    assertEquals(600, hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds());
    assertEquals(1, hpa.getSpec().getBehavior().getScaleDown().getPolicies().get(0).getValue(), "one pod at a time");

    PodDisruptionBudget pdb = find(objects, PodDisruptionBudget.class);
    assertEquals(new IntOrString(2), pdb.getSpec().getMinAvailable());
    assertNull(pdb.getSpec().getMaxUnavailable());

    ServiceMonitor monitor = find(objects, ServiceMonitor.class);
    assertEquals("monitoring", monitor.getMetadata().getNamespace());
    assertEquals("kube-prometheus-stack", monitor.getMetadata().getLabels().get("release"));
    assertEquals(List.of(NAMESPACE), monitor.getSpec().getNamespaceSelector().getMatchNames());
    assertEquals(selector, monitor.getSpec().getSelector().getMatchLabels());
    assertEquals(1, monitor.getSpec().getEndpoints().size());
    assertEquals("http", monitor.getSpec().getEndpoints().get(0).getPort());
    assertEquals("/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
    assertEquals("15s", monitor.getSpec().getEndpoints().get(0).getInterval());
    // it selects the application's Service, not the headless one
    List<Service> selected = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
        .filter(svc -> svc.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
        .collect(Collectors.toList());
    assertEquals(List.of(FULLNAME), selected.stream().map(svc -> svc.getMetadata().getName()).collect(Collectors.toList()));

    Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals("/metrics", annotations.get("prometheus.io/path"));
    assertEquals("8080", annotations.get("prometheus.io/port"));
  }

  @Test
  void clusterOverlayNetworkPolicyLetsInOnlyTheIngressControllerPrometheusAndThePeers() {
    List<HasMetadata> objects = render(t -> t.withValuesFile(chartDir.resolve("ci/values-cluster.yaml")));
    Map<String, String> selector = find(objects, Deployment.class).getSpec().getSelector().getMatchLabels();
    NetworkPolicy policy = find(objects, NetworkPolicy.class);
    assertEquals(selector, policy.getSpec().getPodSelector().getMatchLabels());
    assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());

    List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();
    assertEquals(3, ingress.size());
    // 1. http from the ingress controller's pods, in its namespace (one peer: both selectors must match)
    assertEquals(List.of("TCP/http"), ports(ingress.get(0).getPorts()));
    assertEquals(1, ingress.get(0).getFrom().size());
    NetworkPolicyPeer controller = ingress.get(0).getFrom().get(0);
    assertEquals(Map.of("kubernetes.io/metadata.name", "ingress-nginx"), controller.getNamespaceSelector().getMatchLabels());
    assertEquals(Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"),
        controller.getPodSelector().getMatchLabels());
    // 2. http from Prometheus
    assertEquals(List.of("TCP/http"), ports(ingress.get(1).getPorts()));
    NetworkPolicyPeer prometheus = ingress.get(1).getFrom().get(0);
    assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), prometheus.getNamespaceSelector().getMatchLabels());
    assertEquals(Map.of("app.kubernetes.io/name", "prometheus"), prometheus.getPodSelector().getMatchLabels());
    // 3. Hazelcast from the platform's own pods only (no namespace selector: this namespace)
    assertEquals(List.of("TCP/hazelcast"), ports(ingress.get(2).getPorts()));
    NetworkPolicyPeer peers = ingress.get(2).getFrom().get(0);
    assertNull(peers.getNamespaceSelector());
    assertEquals(selector, peers.getPodSelector().getMatchLabels());

    List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
    assertEquals(7, egress.size());
    assertEquals(List.of("UDP/53", "TCP/53"), ports(egress.get(0).getPorts()), "DNS");
    assertEquals(Map.of("k8s-app", "kube-dns"), egress.get(0).getTo().get(0).getPodSelector().getMatchLabels());
    assertEquals(List.of("TCP/5432"), ports(egress.get(1).getPorts()), "PostgreSQL");
    assertEquals(Map.of("cnpg.io/cluster", "portail-famille-db"), egress.get(1).getTo().get(0).getPodSelector().getMatchLabels());
    assertEquals(List.of("TCP/443"), ports(egress.get(2).getPorts()), "Keycloak");
    assertEquals(List.of("TCP/587"), ports(egress.get(3).getPorts()), "SMTP, on platform.smtp.port");
    assertEquals("192.0.2.25/32", egress.get(3).getTo().get(0).getIpBlock().getCidr());
    assertEquals(List.of("TCP/443"), ports(egress.get(4).getPorts()), "PayFiP");
    assertEquals(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"), egress.get(4).getTo().get(0).getIpBlock().getExcept());
    assertEquals(List.of("TCP/443", "TCP/6443"), ports(egress.get(5).getPorts()), "the Kubernetes API");
    assertEquals(List.of("TCP/6900"), ports(egress.get(6).getPorts()), "Hazelcast to the peers");
    assertEquals(selector, egress.get(6).getTo().get(0).getPodSelector().getMatchLabels());
  }

  @Test
  void networkPolicyWithoutMetricsOrClusterKeepsOnlyTheIngressController() {
    List<HasMetadata> objects = render(t -> t.set("networkPolicy.enabled", true).set("cluster.enabled", false));
    NetworkPolicy policy = find(objects, NetworkPolicy.class);
    assertEquals(1, policy.getSpec().getIngress().size(), "no Prometheus, no Hazelcast rule");
    assertEquals(5, policy.getSpec().getEgress().size(), "DNS, PostgreSQL, Keycloak, SMTP, PayFiP");
    assertTrue(policy.getSpec().getEgress().get(1).getTo().isEmpty(), "no peer listed: any PostgreSQL address");
  }

  @Test
  void theOperatorsRealmIsShippedForKeycloaksAdministrator() throws IOException {
    ConfigMap realm = find(render(t -> { }), ConfigMap.class, FULLNAME + "-operator-realm");
    assertNotNull(realm, "the operators' realm, to import once");
    Map<?, ?> json = SERIALIZATION.unmarshal(realm.getData().get("operator-realm.json"), Map.class);
    assertEquals("pf-operateurs", json.get("realm"));
    assertEquals(false, json.get("registrationAllowed"));
    Map<?, ?> console = (Map<?, ?>) ((List<?>) json.get("clients")).get(0);
    assertEquals("portail-operateur", console.get("clientId"));
    assertEquals(List.of("https://admin.portail-famille.example.org/oidc/callback"), console.get("redirectUris"));
    assertEquals("https://admin.portail-famille.example.org", console.get("rootUrl"));
    assertFalse(realm.getData().get("operator-realm.json").contains("__CONSOLE__"));
    // no Keycloak resource of the Operator without it
    assertTrue(render(t -> { }).stream().noneMatch(o -> o instanceof GenericKubernetesResource));
  }

  @Test
  void keycloakOverlayRendersAKeycloakResourceForTheOperator() {
    List<HasMetadata> objects = render(t -> t.withValuesFile(chartDir.resolve("ci/values-keycloak-operator.yaml")));
    List<GenericKubernetesResource> custom = objects.stream().filter(GenericKubernetesResource.class::isInstance)
        .map(GenericKubernetesResource.class::cast).collect(Collectors.toList());
    assertEquals(List.of("Keycloak", "KeycloakRealmImport"), custom.stream().map(GenericKubernetesResource::getKind).sorted().toList());
    GenericKubernetesResource keycloak = custom.stream().filter(c -> c.getKind().equals("Keycloak")).findFirst().orElseThrow();
    // the operators' realm imported by the Keycloak Operator into that Keycloak (the platform's account never administers it)
    GenericKubernetesResource operators = custom.stream().filter(c -> c.getKind().equals("KeycloakRealmImport")).findFirst()
        .orElseThrow();
    assertEquals(KEYCLOAK_API_VERSION, operators.getApiVersion());
    assertEquals(FULLNAME + "-keycloak", operators.get("spec", "keycloakCRName"));
    assertEquals("pf-operateurs", operators.get("spec", "realm", "realm"));
    assertEquals(List.of("https://admin.portail-famille.example.org/oidc/callback"),
        ((Map<?, ?>) ((List<?>) operators.get("spec", "realm", "clients")).get(0)).get("redirectUris"));
    assertEquals(KEYCLOAK_API_VERSION, keycloak.getApiVersion());
    assertEquals("Keycloak", keycloak.getKind());
    assertEquals(FULLNAME + "-keycloak", keycloak.getMetadata().getName());
    assertEquals(NAMESPACE, keycloak.getMetadata().getNamespace());
    assertEquals(Set.of("instances", "image", "db", "http", "hostname", "proxy", "ingress", "resources", "additionalOptions"),
        ((Map<?, ?>) keycloak.getAdditionalProperties().get("spec")).keySet());
    assertEquals(2, (Integer) keycloak.get("spec", "instances"));
    assertEquals("quay.io/keycloak/keycloak:26.4.0", keycloak.get("spec", "image"));
    assertEquals("postgres", keycloak.get("spec", "db", "vendor"));
    assertEquals("portail-famille-db-rw.databases.svc", keycloak.get("spec", "db", "host"));
    assertEquals(5432, (Integer) keycloak.get("spec", "db", "port"));
    assertEquals("keycloak", keycloak.get("spec", "db", "database"));
    assertEquals(Map.of("name", "keycloak-db-app", "key", "username"), keycloak.get("spec", "db", "usernameSecret"));
    assertEquals(Map.of("name", "keycloak-db-app", "key", "password"), keycloak.get("spec", "db", "passwordSecret"));
    assertEquals(30, (Integer) keycloak.get("spec", "db", "poolMaxSize"));
    assertEquals(Map.of("httpEnabled", true), keycloak.get("spec", "http"), "TLS ends at the ingress");
    assertEquals("auth.portail-famille.example.org", keycloak.get("spec", "hostname", "hostname"));
    assertEquals("xforwarded", keycloak.get("spec", "proxy", "headers"));
    assertEquals(Map.of("enabled", true, "className", "nginx"), keycloak.get("spec", "ingress"));
    assertEquals(List.of(Map.of("name", "metrics-enabled", "value", "true"), Map.of("name", "log-console-output", "value", "json")),
        keycloak.get("spec", "additionalOptions"));
    // the platform reaches that Keycloak at its public URL
    Container app = find(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("https://auth.portail-famille.example.org", envByName(app).get("PF_KEYCLOAK_URL").getValue());
    // with a TLS Secret, Keycloak serves HTTPS itself
    GenericKubernetesResource tls = render(t -> t.withValuesFile(chartDir.resolve("ci/values-keycloak-operator.yaml"))
        .set("keycloak.operator.tlsSecret", "auth-tls")).stream().filter(GenericKubernetesResource.class::isInstance)
        .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
    assertEquals(Map.of("tlsSecret", "auth-tls"), tls.get("spec", "http"));
  }

  @Test
  void inconsistentValuesAreRefusedWithAClearMessage() {
    assertRenderFails(t -> t.set("keycloak.operator.enabled", true).set("keycloak.operator.hostname", "sso.example.org"),
        "platform.keycloakUrl must be https://sso.example.org");
    assertRenderFails(t -> t.set("pdb.minAvailable", 1).set("pdb.maxUnavailable", 1), "cannot both be set");
    assertRenderFails(t -> t.set("autoscaling.hpa.enabled", true).set("autoscaling.hpa.minReplicas", 5)
        .set("autoscaling.hpa.maxReplicas", 3), "must not exceed");
  }

  @Test
  void schemaRejectsInvalidScaleOutValues() throws IOException {
    assertSchemaRejects(writeValues("invalid-hpa.yaml", "autoscaling:\n  hpa:\n    maxReplicas: 0\n"), "maxReplicas");
    assertSchemaRejects(writeValues("invalid-cpu.yaml", "autoscaling:\n  hpa:\n    targetCPU: 150\n"), "targetCPU");
    assertSchemaRejects(writeValues("invalid-pdb.yaml", "pdb:\n  minAvailable: half\n"), "minAvailable");
    assertSchemaRejects(writeValues("invalid-port.yaml", "cluster:\n  port: 70000\n"), "port");
    assertSchemaRejects(writeValues("invalid-proxy.yaml", "keycloak:\n  operator:\n    proxyHeaders: none\n"), "proxyHeaders");
    assertSchemaRejects(writeValues("invalid-interval.yaml", "metrics:\n  serviceMonitor:\n    interval: soon\n"), "interval");
    assertSchemaRejects(writeValues("invalid-np.yaml", "networkPolicy:\n  egres: {}\n"), "egres");
    assertSchemaRejects(writeValues("invalid-peer.yaml",
        "networkPolicy:\n  egress:\n    database:\n      ports: [5432]\n      to:\n        - ipBlock: {}\n"), "cidr");
  }

  @Test
  void everyKindTheChartRendersIsValidatedAgainstAKubernetesSchema() {
    List<HasMetadata> all = new ArrayList<>(render(t -> t.withValuesFile(chartDir.resolve("ci/values-cluster.yaml"))));
    all.addAll(render(t -> t.withValuesFile(chartDir.resolve("ci/values-ingress-domains.yaml"))));
    all.add(renderMigrationJob(t -> { }));
    Set<String> kinds = all.stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "NetworkPolicy",
        "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount", "ServiceMonitor")), kinds);
    for (HasMetadata object : all) {
      if (!(object instanceof ServiceMonitor)) {
        assertTrue(KUBE_SCHEMAS.covers(object.getClass()), object.getKind());
      }
    }
    assertEquals("kubernetes_autoscaling_v2_HorizontalPodAutoscaler", KUBE_SCHEMAS.definitionOf(HorizontalPodAutoscaler.class));
    assertEquals("kubernetes_policy_v1_PodDisruptionBudget", KUBE_SCHEMAS.definitionOf(PodDisruptionBudget.class));
    assertEquals("kubernetes_networking_v1_NetworkPolicy", KUBE_SCHEMAS.definitionOf(NetworkPolicy.class));
  }

  /** The schema validation bites: objects with the faults a template can make are refused. */
  @Test
  void kubernetesSchemaValidationRejectsBrokenObjects() {
    String valid = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"},"
        + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"ports\":[{\"name\":\"http\",\"containerPort\":8080}],"
        + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/health/ready\",\"port\":\"http\"}},"
        + "\"resources\":{\"requests\":{\"cpu\":\"250m\",\"memory\":\"1Gi\"}}}]}}}}";
    assertEquals(List.of(), KUBE_SCHEMAS.validate(Deployment.class, valid));
    Map<String, String> broken = new LinkedHashMap<>();
    broken.put("a misspelt field", valid.replace("\"replicas\":2", "\"replica\":2"));
    broken.put("a mis-indented field", valid.replace("\"containers\":[{\"name\":\"c\",", "\"containers\":[{\"name\":\"c\",\"path\":\"/\","));
    broken.put("a string where a number goes", valid.replace("\"containerPort\":8080", "\"containerPort\":\"8080\""));
    broken.put("a port name too long", valid.replace("\"name\":\"http\"", "\"name\":\"" + "h".repeat(64) + "\""));
    broken.put("no kind", valid.replace("\"kind\":\"Deployment\",", ""));
    broken.put("a list where a map goes", valid.replace("{\"matchLabels\":{\"a\":\"b\"}}", "{\"matchLabels\":[\"a\"]}"));
    broken.forEach((fault, json) -> assertFalse(KUBE_SCHEMAS.validate(Deployment.class, json).isEmpty(), fault));
  }

  private static void assertProbes(Container app) {
    assertAll(
        () -> assertEquals("/health/started", app.getStartupProbe().getHttpGet().getPath()),
        () -> assertEquals("/health/ready", app.getReadinessProbe().getHttpGet().getPath()),
        () -> assertEquals("/health/live", app.getLivenessProbe().getHttpGet().getPath()),
        () -> assertEquals("http", app.getStartupProbe().getHttpGet().getPort().getStrVal()),
        () -> assertEquals("http", app.getReadinessProbe().getHttpGet().getPort().getStrVal()),
        () -> assertEquals("http", app.getLivenessProbe().getHttpGet().getPort().getStrVal()),
        // the kubelet sends no Host header of a commune: the application answers the probes only so
        () -> assertNull(app.getReadinessProbe().getHttpGet().getHost()),
        () -> assertTrue(app.getReadinessProbe().getHttpGet().getHttpHeaders() == null
            || app.getReadinessProbe().getHttpGet().getHttpHeaders().isEmpty()));
  }

  private static List<String> ports(List<NetworkPolicyPort> ports) {
    return ports.stream().map(p -> p.getProtocol() + "/" + (p.getPort().getStrVal() != null ? p.getPort().getStrVal()
        : p.getPort().getIntVal().toString())).collect(Collectors.toList());
  }

  private static void assertRenderFails(Consumer<TemplateCommand> customizer, String expectedInMessage) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(customizer));
    assertTrue(String.valueOf(e.getMessage()).contains(expectedInMessage), e::getMessage);
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
    ConfigMap exposed = find(objects, ConfigMap.class, "test-exposed-hooks");
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
      if (!(parsed instanceof HasMetadata)) {
        fail("not a Kubernetes object: " + doc);
      }
      HasMetadata object = (HasMetadata) parsed;
      String what = object.getKind() + "/" + object.getMetadata().getName();
      if (parsed instanceof GenericKubernetesResource) {
        // the Keycloak Operator's custom resources, without a Java model here: asserted field by field in their tests
        assertTrue(Set.of(KEYCLOAK_API_VERSION + "/Keycloak", KEYCLOAK_API_VERSION + "/KeycloakRealmImport")
            .contains(object.getApiVersion() + "/" + object.getKind()), () -> "not a known Kubernetes kind: " + doc);
      } else {
        assertNoUnknownFields(object, what);
      }
      if (KUBE_SCHEMAS.covers(object.getClass())) {
        // the object exactly as rendered (not as re-serialised by fabric8), against the Kubernetes schema
        String json = SERIALIZATION.asJson(SERIALIZATION.unmarshal(doc, Map.class));
        List<String> errors = KUBE_SCHEMAS.validate(object.getClass(), json);
        assertTrue(errors.isEmpty(), () -> what + " does not match the Kubernetes schema "
            + KUBE_SCHEMAS.definitionOf(object.getClass()) + ": " + errors);
        SCHEMA_VALIDATED.add(object.getClass().getSimpleName());
      } else {
        assertTrue(object instanceof ServiceMonitor || object instanceof GenericKubernetesResource,
            () -> "no Kubernetes schema for " + object.getClass().getName());
      }
      objects.add(object);
    }
    assertFalse(objects.isEmpty(), "helm template rendered nothing");
    return objects;
  }

  private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
    List<T> matches = objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).collect(Collectors.toList());
    assertTrue(matches.size() <= 1, () -> "more than one " + type.getSimpleName() + " " + name);
    return matches.isEmpty() ? null : matches.get(0);
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

  /**
   * Leaves as readme-generator sees them: scalars, lists and empty maps; and maps keyed by label names
   * (`kubernetes.io/metadata.name`: a value, not a section of parameters).
   */
  @SuppressWarnings("unchecked")
  private static void collectLeaves(String prefix, Map<String, Object> map, Set<String> leaves) {
    map.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      boolean labels = value instanceof Map && ((Map<String, Object>) value).keySet().stream().anyMatch(k -> k.contains("/"));
      if (value instanceof Map && !((Map<String, Object>) value).isEmpty() && !labels) {
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
