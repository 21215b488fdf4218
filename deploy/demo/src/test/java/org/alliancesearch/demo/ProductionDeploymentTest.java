package org.alliancesearch.demo;

import static org.alliancesearch.demo.DeployFiles.JSON;
import static org.alliancesearch.demo.DeployFiles.KEYCLOAK_IMPORT_DIR;
import static org.alliancesearch.demo.DeployFiles.YAML;
import static org.alliancesearch.demo.DeployFiles.deployDir;
import static org.alliancesearch.demo.DeployFiles.envOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production deployments (deploy/compose, deploy/k8s) never ship demo identities: every realm they import has no
 * users but the portal's service account (which may only view users, to check API key owners), no literal secret, no password grant, no loopback or wildcard redirects, brute-force protection and a password
 * policy; Keycloak and the portal use separate databases and roles; neither the admin console nor /q/ is public; the
 * example secrets hold no usable value. The realm files are found by reading the deployments, not from a list.
 */
class ProductionDeploymentTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    @Test
    void composeAndKubernetesEachImportARealm() throws IOException {
        assertThat(composeRealmFiles()).as("realm files imported by deploy/compose").isNotEmpty();
        assertThat(k8sRealmFiles()).as("realm files imported by deploy/k8s").isNotEmpty();
    }

    @Test
    void everyImportedRealmIsFitForProduction() throws IOException {
        Set<Path> realms = new LinkedHashSet<>(composeRealmFiles());
        realms.addAll(k8sRealmFiles());
        assertThat(realms).isNotEmpty();
        for (Path file : realms) {
            String where = deployDir().relativize(file).toString();
            JsonNode realm = JSON.readTree(file.toFile());
            for (JsonNode user : realm.path("users")) {
                assertOnlyThePortalServiceAccount(where, user, realm);
            }
            assertThat(realm.toString()).as("%s holds no credentials", where).doesNotContain("\"credentials\"");
            assertThat(realm.path("bruteForceProtected").asBoolean()).as("%s: brute-force protection", where).isTrue();
            assertThat(realm.path("passwordPolicy").asText()).as("%s: password policy", where).contains("length(");
            assertThat(realm.path("sslRequired").asText()).as("%s: TLS required", where).isIn("external", "all");
            List<String> roles = new ArrayList<>();
            realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
            assertThat(roles).as("%s: the portal's roles", where).contains("member", "admin");
            assertThat(realm.path("clients")).as("%s: clients", where).isNotEmpty();
            for (JsonNode client : realm.path("clients")) {
                assertClientFitForProduction(where + " client " + client.path("clientId").asText(), client);
            }
        }
    }

    /**
     * The one user a production realm may hold: the portal client's service account, which asks Keycloak's admin API
     * whether API key owners are still enabled members. It may view users and nothing else, has no password and no
     * realm role, and its client must have service accounts switched on.
     */
    private static void assertOnlyThePortalServiceAccount(String where, JsonNode user, JsonNode realm) {
        String name = user.path("username").asText();
        assertThat(user.path("serviceAccountClientId").asText()).as("%s: user %s is the portal's service account",
                where, name).isEqualTo("portal");
        assertThat(name).as("%s: service account name", where).isEqualTo("service-account-portal");
        assertThat(user.has("credentials")).as("%s: %s has no credentials", where, name).isFalse();
        assertThat(user.path("realmRoles")).as("%s: %s holds no realm role", where, name).isEmpty();
        List<String> fields = new ArrayList<>();
        user.path("clientRoles").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("%s: %s holds roles of realm-management only", where, name)
                .containsExactly("realm-management");
        List<String> granted = new ArrayList<>();
        user.at("/clientRoles/realm-management").forEach(r -> granted.add(r.asText()));
        assertThat(granted).as("%s: %s may only view users", where, name).containsExactly("view-users");
        boolean enabled = false;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("portal")) {
                enabled = client.path("serviceAccountsEnabled").asBoolean(false);
            }
        }
        assertThat(enabled).as("%s: the portal client has its service account switched on", where).isTrue();
    }

    private static void assertClientFitForProduction(String where, JsonNode client) {
        if (client.has("secret")) {
            assertThat(client.path("secret").asText()).as("%s: secret from the environment", where)
                    .matches(PLACEHOLDER);
        }
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as("%s: password grant", where).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as("%s: implicit flow", where).isFalse();
        List<String> uris = new ArrayList<>();
        client.path("redirectUris").forEach(u -> uris.add(u.asText()));
        for (String uri : client.path("attributes").path("post.logout.redirect.uris").asText("").split("##")) {
            if (!uri.isBlank()) {
                uris.add(uri);
            }
        }
        assertThat(client.path("redirectUris")).as("%s: redirect URIs", where).isNotEmpty();
        for (String uri : uris) {
            assertExactRedirect(where, uri);
        }
        for (JsonNode origin : client.path("webOrigins")) {
            assertThat(origin.asText()).as("%s: web origin", where).isNotEqualTo("*");
            assertExactRedirect(where, origin.asText());
        }
        boolean audience = false;
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.at("/config/included.client.audience").asText().equals(client.path("clientId").asText())
                    && mapper.at("/config/access.token.claim").asText().equals("true")) {
                audience = true;
            }
        }
        assertThat(audience).as("%s: access tokens name the client in aud", where).isTrue();
        if (client.path("clientId").asText().equals("portal")) {
            assertThat(client.toString()).as("%s: organisation claim", where).contains("\"claim.name\":\"org\"");
        }
    }

    /** A configured origin (a placeholder or an https URL of a real host) with an exact path: no wildcard at all. */
    private static void assertExactRedirect(String where, String uri) {
        assertThat(uri).as("%s: %s", where, uri).doesNotContainIgnoringCase("localhost").doesNotContain("127.0.0.1")
                .isNotIn("+", "").doesNotContain("*");
        if (uri.startsWith("${")) {
            assertThat(uri).as("%s: %s", where, uri).matches(PLACEHOLDER.pattern() + "(/[^*]*)?");
        } else {
            URI parsed = URI.create(uri);
            assertThat(parsed.getScheme()).as("%s: %s", where, uri).isEqualTo("https");
            assertThat(parsed.getHost()).as("%s: %s", where, uri).isNotBlank();
        }
    }

    /** The portal's sign-in comes back to the one path the production realm allows, and the ingress routes it. */
    @Test
    void signInReturnsToTheOneRedirectPathTheRealmAllows() throws IOException {
        Path properties = deployDir().getParent().resolve("portal-app/src/main/resources/application.properties");
        String path = Files.readAllLines(properties).stream()
                .filter(l -> l.startsWith("%prod.quarkus.oidc.authentication.redirect-path="))
                .map(l -> l.substring(l.indexOf('=') + 1).trim()).findFirst().orElse(null);
        assertThat(path).as("a fixed redirect path in production").isNotNull().startsWith("/");
        assertThat(Files.readString(deployDir().resolve("keycloak/alliance-realm.json")))
                .contains("\"${PORTAL_PUBLIC_URL}" + path + "\"");
        assertThat(Files.readString(deployDir().resolve("k8s/ingress.yaml"))).contains("- path: " + path);
    }

    @Test
    void composeGivesKeycloakAndThePortalTheirOwnDatabaseAndRole() throws IOException {
        JsonNode services = DeployFiles.compose().path("services");
        JsonNode keycloak = services.path("keycloak");
        JsonNode portal = services.path("portal");
        String keycloakUser = envOf(keycloak, "KC_DB_USERNAME").orElseThrow();
        String portalUser = envOf(portal, "QUARKUS_DATASOURCE_USERNAME").orElseThrow();
        assertThat(keycloakUser).isNotEqualTo(portalUser);
        assertThat(envOf(keycloak, "KC_DB_PASSWORD").orElseThrow())
                .isNotEqualTo(envOf(portal, "QUARKUS_DATASOURCE_PASSWORD").orElseThrow());
        assertThat(database(envOf(keycloak, "KC_DB_URL").orElseThrow()))
                .isNotEqualTo(database(envOf(portal, "QUARKUS_DATASOURCE_JDBC_URL").orElseThrow()));
        Map<String, String> template = envTemplate();
        assertThat(resolve(keycloakUser, template)).isNotBlank().isNotEqualTo(resolve(portalUser, template));
        assertThat(envOf(portal, "QUARKUS_DATASOURCE_USERNAME").orElseThrow()).doesNotContain("POSTGRES_USER");
        // the database container creates both roles and databases on its first start
        List<String> mounts = new ArrayList<>();
        services.path("postgres").path("volumes").forEach(v -> mounts.add(v.asText()));
        String init = mounts.stream().filter(m -> m.contains("/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
        Path script = deployDir().resolve("compose").resolve(init.substring(0, init.indexOf(':'))).normalize();
        assertThat(Files.readString(script)).contains("CREATE ROLE", "CREATE DATABASE", "PORTAL_DB_USER",
                "KEYCLOAK_DB_USER");
        // the portal's container sees its own secrets only, not the database superuser's nor Keycloak's
        assertThat(portal.has("env_file")).isFalse();
        assertThat(portal.path("environment").toString()).doesNotContain("POSTGRES_SUPERUSER_PASSWORD",
                "KEYCLOAK_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void kubernetesGivesKeycloakAndThePortalTheirOwnDatabaseAndRole() throws IOException {
        JsonNode portalConfig = DeployFiles.k8s("ConfigMap", "portal-config").node().path("data");
        JsonNode keycloakContainer = keycloakDeployment().at("/spec/template/spec/containers/0");
        Map<String, String> keycloakEnv = DeployFiles.env(keycloakContainer);
        assertThat(database(keycloakEnv.get("KC_DB_URL")))
                .isNotEqualTo(database(portalConfig.path("QUARKUS_DATASOURCE_JDBC_URL").asText()));
        JsonNode portalSecret = YAML.readTree(deployDir().resolve("k8s/secret.example.yaml").toFile());
        String keycloakUserRef = keycloakEnv.get("KC_DB_USERNAME");
        assertThat(keycloakUserRef).startsWith("secret:").doesNotContain(portalSecret.at("/metadata/name").asText());
        JsonNode keycloakSecret = exampleSecret(keycloakUserRef.substring("secret:".length(), keycloakUserRef
                .indexOf('/')));
        assertThat(keycloakSecret.at("/stringData/" + keycloakUserRef.substring(keycloakUserRef.indexOf('/') + 1))
                .asText()).isNotBlank()
                .isNotEqualTo(portalSecret.at("/stringData/QUARKUS_DATASOURCE_USERNAME").asText());
        // a Job creates both roles and databases with the script that compose uses too
        JsonNode job = DeployFiles.k8sOfKind("Job").stream().map(DeployFiles.Manifest::node)
                .filter(j -> j.toString().contains("create-databases")).findFirst().orElseThrow();
        String scriptMap = job.at("/spec/template/spec/volumes/0/configMap/name").asText();
        assertThat(DeployFiles.k8sGeneratedConfigMaps()).anySatisfy(g -> {
            assertThat(g.name()).isEqualTo(scriptMap);
            assertThat(g.files()).anySatisfy(f -> assertThat(Files.readString(f)).contains("CREATE ROLE"));
        });
    }

    @Test
    void thePortalRunsWithTheCollectorItIsMeasuredWith() throws IOException {
        // G1 with 4 MB regions (docs/operations.md): the image's start script would pick the parallel collector, and
        // G1's 1 MB regions make a large search's merge tables humongous objects.
        String collector = "-XX:+UseG1GC -XX:G1HeapRegionSize=4m";
        String dockerfile = Files.readString(deployDir().resolve("compose/Dockerfile"));
        assertThat(dockerfile).contains("ENV GC_CONTAINER_OPTIONS=\"" + collector + "\"");
        JsonNode portal = DeployFiles.k8s("Deployment", "portal").node().at("/spec/template/spec/containers/0");
        assertThat(DeployFiles.env(portal)).containsEntry("GC_CONTAINER_OPTIONS", collector);
    }

    @Test
    void theKeycloakAdminConsoleIsNotOnThePublicHostName() throws IOException {
        JsonNode keycloak = DeployFiles.compose().path("services").path("keycloak");
        assertThat(envOf(keycloak, "KC_HOSTNAME_ADMIN")).as("compose: separate admin URL").isPresent()
                .get().isNotEqualTo(envOf(keycloak, "KC_HOSTNAME").orElseThrow());
        String adminUrl = envTemplate().get("KEYCLOAK_ADMIN_URL");
        assertThat(adminUrl).isNotBlank().isNotEqualTo(envTemplate().get("KEYCLOAK_PUBLIC_URL"));

        JsonNode deployment = keycloakDeployment();
        Map<String, String> env = DeployFiles.env(deployment.at("/spec/template/spec/containers/0"));
        assertThat(env.get("KC_HOSTNAME_ADMIN")).as("k8s: separate admin URL").isNotBlank();
        String adminHost = URI.create(env.get("KC_HOSTNAME_ADMIN")).getHost();
        assertThat(adminHost).isNotEqualTo(URI.create(env.get("KC_HOSTNAME")).getHost());
        Set<String> keycloakServices = servicesSelecting(deployment);
        for (DeployFiles.Manifest ingress : DeployFiles.k8sOfKind("Ingress")) {
            for (JsonNode rule : ingress.node().at("/spec/rules")) {
                assertThat(rule.path("host").asText()).isNotEqualTo(adminHost);
                for (JsonNode path : rule.at("/http/paths")) {
                    if (keycloakServices.contains(path.at("/backend/service/name").asText())) {
                        assertThat(routes(path, "/admin/master/console/")).as("%s routes the admin console: %s",
                                ingress.name(), path).isFalse();
                        assertThat(routes(path, "/admin/realms/alliance/users")).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void noIngressRoutesQuarkusEndpoints() throws IOException {
        List<DeployFiles.Manifest> ingresses = DeployFiles.k8sOfKind("Ingress");
        assertThat(ingresses).isNotEmpty();
        for (DeployFiles.Manifest ingress : ingresses) {
            for (JsonNode path : ingress.node().at("/spec/rules/0/http/paths")) {
                for (String internal : List.of("/q/metrics", "/q/openapi", "/q/health/ready", "/q/swagger-ui/")) {
                    assertThat(routes(path, internal)).as("%s routes %s: %s", ingress.name(), internal, path)
                            .isFalse();
                }
            }
        }
        // the pages and the API still are
        JsonNode portal = DeployFiles.k8s("Ingress", "portal").node().at("/spec/rules/0/http/paths");
        for (String page : List.of("/", "/search", "/saved/1", "/admin/members", "/api/v1/search", "/css/portal.css",
                "/logout", "/api-keys", "/users/view/me", "/servers/getVersion", "/attributes/restSearch",
                "/events/restSearch")) {
            boolean routed = false;
            for (JsonNode path : portal) {
                routed |= routes(path, page);
            }
            assertThat(routed).as("the portal ingress routes %s", page).isTrue();
        }
    }

    @Test
    void exampleSecretsHoldNoUsableValue() throws IOException {
        for (Path file : exampleSecretFiles()) {
            YAML.readTree(file.toFile()).path("stringData").fields().forEachRemaining(e -> {
                if (isSecretName(e.getKey())) {
                    assertThat(e.getValue().asText()).as("%s: %s", file.getFileName(), e.getKey()).isEmpty();
                }
            });
        }
        envTemplate().forEach((key, value) -> {
            if (isSecretName(key)) {
                assertThat(value).as("portal.env.template: %s", key).isEmpty();
            }
        });
    }

    private static boolean isSecretName(String key) {
        return key.contains("PASSWORD") || key.contains("SECRET") || key.endsWith("SIGNATURE_KEY")
                || key.contains("_KEYS_");
    }

    // --- reading the deployments

    /** Files mounted into Keycloak's import directory by compose. */
    static List<Path> composeRealmFiles() throws IOException {
        List<Path> realms = new ArrayList<>();
        for (JsonNode service : DeployFiles.compose().path("services")) {
            if (!service.path("command").toString().contains("--import-realm")) {
                continue;
            }
            for (JsonNode volume : service.path("volumes")) {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2 && parts[1].startsWith(KEYCLOAK_IMPORT_DIR)) {
                    Path source = deployDir().resolve("compose").resolve(parts[0]).normalize();
                    if (Files.isDirectory(source)) {
                        try (var files = Files.list(source)) {
                            files.filter(f -> f.toString().endsWith(".json")).forEach(realms::add);
                        }
                    } else {
                        realms.add(source);
                    }
                }
            }
        }
        return realms;
    }

    /** Files of the ConfigMaps mounted into the import directory of a Keycloak that imports realms. */
    static List<Path> k8sRealmFiles() throws IOException {
        List<Path> realms = new ArrayList<>();
        for (DeployFiles.Manifest m : DeployFiles.k8sOfKind("Deployment")) {
            JsonNode pod = m.node().at("/spec/template/spec");
            for (JsonNode container : pod.path("containers")) {
                if (!container.path("args").toString().contains("--import-realm")
                        && !container.path("command").toString().contains("--import-realm")) {
                    continue;
                }
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (!mount.path("mountPath").asText().startsWith(KEYCLOAK_IMPORT_DIR)) {
                        continue;
                    }
                    for (JsonNode volume : pod.path("volumes")) {
                        if (volume.path("name").asText().equals(mount.path("name").asText())) {
                            String configMap = volume.at("/configMap/name").asText();
                            for (DeployFiles.GeneratedConfigMap g : DeployFiles.k8sGeneratedConfigMaps()) {
                                if (g.name().equals(configMap)) {
                                    g.files().stream().filter(f -> f.toString().endsWith(".json"))
                                            .forEach(realms::add);
                                }
                            }
                            assertThat(DeployFiles.k8sOfKind("ConfigMap")).as("realm ConfigMaps are generated from "
                                    + "files, so that this test reads them").noneMatch(c -> c.name().equals(configMap));
                        }
                    }
                }
            }
        }
        return realms;
    }

    private static JsonNode keycloakDeployment() throws IOException {
        return DeployFiles.k8sOfKind("Deployment").stream().map(DeployFiles.Manifest::node)
                .filter(d -> d.toString().contains("--import-realm")).findFirst()
                .orElseThrow(() -> new AssertionError("deploy/k8s runs no Keycloak"));
    }

    private static Set<String> servicesSelecting(JsonNode deployment) throws IOException {
        Map<?, ?> podLabels = YAML.convertValue(deployment.at("/spec/template/metadata/labels"), Map.class);
        Set<String> names = new LinkedHashSet<>();
        for (DeployFiles.Manifest service : DeployFiles.k8sOfKind("Service")) {
            Map<?, ?> selector = YAML.convertValue(service.node().at("/spec/selector"), Map.class);
            if (selector != null && podLabels.entrySet().containsAll(selector.entrySet())) {
                names.add(service.name());
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    /** Whether an Ingress path sends a request for {@code requestPath} to its backend. */
    private static boolean routes(JsonNode path, String requestPath) {
        String p = path.path("path").asText("/");
        return switch (path.path("pathType").asText("Prefix")) {
            case "Exact" -> requestPath.equals(p);
            default -> {
                String prefix = p.endsWith("/") ? p : p + "/";
                yield requestPath.equals(p) || requestPath.startsWith(prefix);
            }
        };
    }

    private static String database(String jdbcUrl) {
        String path = URI.create(jdbcUrl.replaceFirst("^jdbc:", "")).getPath();
        return path.substring(1);
    }

    private static String resolve(String value, Map<String, String> template) {
        var m = Pattern.compile("^\\$\\{([A-Z0-9_]+)}$").matcher(value);
        return m.matches() ? template.getOrDefault(m.group(1), "") : value;
    }

    private static JsonNode exampleSecret(String name) throws IOException {
        for (Path file : exampleSecretFiles()) {
            JsonNode secret = YAML.readTree(file.toFile());
            if (secret.at("/metadata/name").asText().equals(name)) {
                return secret;
            }
        }
        throw new AssertionError("no example of the Secret " + name + " in deploy/k8s");
    }

    private static List<Path> exampleSecretFiles() throws IOException {
        try (var files = Files.list(deployDir().resolve("k8s"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("secret.example.yaml")).sorted().toList();
        }
    }

    static Map<String, String> envTemplate() throws IOException {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(deployDir().resolve("compose/portal.env.template"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return keys;
    }
}
