package org.alliancesearch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The compose and Kubernetes files cannot be run here (no container engine), so they are kept correct by reading
 * them: they parse, reference only what exists, and keep the promises of docs/operations.md.
 */
class DeploymentFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Path deploy;

    @BeforeAll
    static void locate() {
        // Tests run in deploy/demo; the deploy folder is its parent.
        deploy = Path.of("").toAbsolutePath().getParent();
        assertThat(deploy.resolve("compose/compose.yaml")).exists();
    }

    @Test
    void composeFileDefinesTheThreeServicesOnLoopbackPorts() throws IOException {
        JsonNode compose = YAML.readTree(deploy.resolve("compose/compose.yaml").toFile());
        JsonNode services = compose.path("services");
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("postgres", "keycloak", "portal");
        for (JsonNode service : services) {
            for (JsonNode port : service.path("ports")) {
                assertThat(port.asText()).as("published ports bind to loopback only").startsWith("127.0.0.1:");
            }
        }
        assertThat(services.path("portal").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
        // health is served on the management port, which the compose file does not publish
        assertThat(services.path("portal").path("healthcheck").path("test").toString())
                .contains("localhost:9000/q/health/ready");
        assertThat(services.path("portal").path("ports").toString()).doesNotContain("9000");
    }

    @Test
    void composeFileReferencesOnlyExistingFilesAndDeclaredVariables() throws IOException {
        String text = Files.readString(deploy.resolve("compose/compose.yaml"));
        Set<String> declared = envTemplateKeys();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(text);
        while (m.find()) {
            assertThat(declared).as("variable %s is declared in portal.env.template", m.group(1)).contains(m.group(1));
        }
        JsonNode compose = YAML.readTree(text);
        String realmVolume = compose.at("/services/keycloak/volumes/0").asText();
        Path realm = deploy.resolve("compose").resolve(realmVolume.substring(0, realmVolume.indexOf(':'))).normalize();
        assertThat(realm).exists();
        JsonNode build = compose.at("/services/portal/build");
        Path dockerfile = deploy.resolve("compose").resolve(build.path("context").asText())
                .resolve(build.path("dockerfile").asText()).normalize();
        assertThat(dockerfile).exists();
    }

    @Test
    void kustomizationListsExistingManifestsThatParse() throws IOException {
        List<DeployFiles.Manifest> manifests = DeployFiles.k8sManifests();
        assertThat(manifests).hasSizeGreaterThan(5);
        for (DeployFiles.Manifest manifest : manifests) {
            assertThat(manifest.file()).exists();
            assertThat(manifest.kind()).as("%s", manifest.file()).isNotBlank();
        }
        for (DeployFiles.GeneratedConfigMap generated : DeployFiles.k8sGeneratedConfigMaps()) {
            assertThat(generated.files()).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
        }
    }

    @Test
    void deploymentIsReplicatedProbedAndBounded() throws IOException {
        Map<String, JsonNode> byKind = portalManifestsByKind();
        JsonNode deployment = byKind.get("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(container.at("/ports").findValuesAsText("containerPort")).contains("9000");
        assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).isEqualTo("9000");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();

        Map<String, String> podLabels = YAML.convertValue(deployment.at("/spec/template/metadata/labels"), Map.class);
        assertThat(YAML.convertValue(byKind.get("Service").at("/spec/selector"), Map.class)).isEqualTo(podLabels);
        assertThat(YAML.convertValue(byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels"), Map.class))
                .isEqualTo(podLabels);

        // the application port is open to all; the management port (metrics) only to a chosen namespace
        JsonNode policy = byKind.get("NetworkPolicy");
        assertThat(YAML.convertValue(policy.at("/spec/podSelector/matchLabels"), Map.class)).isEqualTo(podLabels);
        assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress");
        boolean applicationOpen = false;
        for (JsonNode rule : policy.at("/spec/ingress")) {
            List<String> ports = rule.path("ports").findValuesAsText("port");
            if (ports.contains("management")) {
                assertThat(rule.path("from").isEmpty()).as("the management port is open to all: %s", rule).isFalse();
                assertThat(rule.at("/from/0/namespaceSelector/matchLabels").isEmpty()).isFalse();
            }
            applicationOpen |= ports.contains("http") && rule.path("from").isEmpty();
        }
        assertThat(applicationOpen).as("the application port is open to the ingress controller").isTrue();

        JsonNode hpa = byKind.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(byKind.get("Ingress").at("/spec/rules/0/http/paths/0/backend/service/name").asText())
                .isEqualTo(byKind.get("Service").at("/metadata/name").asText());

        assertThat(container.at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(byKind.get("ConfigMap").at("/metadata/name").asText());
        JsonNode secret = YAML.readTree(deploy.resolve("k8s/secret.example.yaml").toFile());
        assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
    }

    @Test
    void everyPortalSettingUsedByTheDeploymentsIsDocumented() throws IOException {
        String operations = Files.readString(deploy.getParent().resolve("docs/operations.md"));
        Set<String> variables = new HashSet<>(envTemplateKeys());
        Map<String, JsonNode> byKind = portalManifestsByKind();
        byKind.get("ConfigMap").path("data").fieldNames().forEachRemaining(variables::add);
        YAML.readTree(deploy.resolve("k8s/secret.example.yaml").toFile())
                .path("stringData")
                .fieldNames()
                .forEachRemaining(variables::add);
        List<String> portalVariables = variables.stream()
                .filter(v -> v.startsWith("QUARKUS_") || v.startsWith("ALLIANCE_"))
                .toList();
        assertThat(portalVariables).isNotEmpty();
        for (String v : portalVariables) {
            assertThat(operations).as("docs/operations.md documents %s", v).contains(v);
        }
    }

    private static Set<String> envTemplateKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(deploy.resolve("compose/portal.env.template"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return keys;
    }

    /** The portal's manifests (named portal, its ConfigMap portal-config), by kind. */
    private static Map<String, JsonNode> portalManifestsByKind() throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        for (DeployFiles.Manifest manifest : DeployFiles.k8sManifests()) {
            if (manifest.name().equals("portal") || manifest.name().equals("portal-config")) {
                byKind.put(manifest.kind(), manifest.node());
            }
        }
        return byKind;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
