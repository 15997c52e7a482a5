package io.github.keycloaksspr.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes example cannot run here (no cluster): it is checked for YAML syntax and against the field names of
 * the Keycloak Operator's v2alpha1 CRD, as declared by the operator's spec classes (KeycloakSpec, DatabaseSpec,
 * HostnameSpec, HttpSpec, ProxySpec, ValueOrSecret in keycloak/keycloak, operator/.../crds/v2alpha1/deployment).
 */
class DeploymentExamplesTest {

    private static final Path EXAMPLE = Path.of("../docker/kubernetes/keycloak.yaml");

    private static final Set<String> SPEC = Set.of("instances", "image", "startOptimized", "imagePullSecrets",
            "additionalOptions", "env", "http", "unsupported", "ingress", "features", "transaction", "db", "hostname",
            "truststores", "cache", "resources", "proxy", "httpManagement", "scheduling", "bootstrapAdmin",
            "networkPolicy", "tracing", "update", "readinessProbe", "livenessProbe", "startupProbe", "serviceMonitor");
    private static final Set<String> DB = Set.of("vendor", "usernameSecret", "passwordSecret", "database", "host",
            "port", "schema", "url", "poolInitialSize", "poolMinSize", "poolMaxSize");
    private static final Set<String> HOSTNAME = Set.of("hostname", "admin", "strict", "backchannelDynamic");
    private static final Set<String> HTTP = Set.of("httpEnabled", "httpPort", "httpsPort", "tlsSecret", "annotations",
            "labels");
    private static final Set<String> PROXY = Set.of("headers");
    private static final Set<String> OPTION = Set.of("name", "value", "secret");
    private static final Set<String> SECRET_KEY = Set.of("name", "key", "optional");

    @Test
    void theKeycloakResourceIsValidYamlWithTheOperatorsFieldNames() throws IOException {
        Map<String, Object> resource = read();

        assertThat(resource).containsEntry("apiVersion", "k8s.keycloak.org/v2alpha1").containsEntry("kind", "Keycloak");
        Map<String, Object> spec = map(resource.get("spec"));
        assertThat(spec.keySet()).isSubsetOf(SPEC);
        assertThat(spec).containsEntry("instances", 2).containsEntry("startOptimized", true);
        Map<String, Object> db = map(spec.get("db"));
        assertThat(db.keySet()).isSubsetOf(DB);
        assertThat(map(db.get("usernameSecret")).keySet()).isSubsetOf(SECRET_KEY);
        assertThat(map(db.get("passwordSecret")).keySet()).isSubsetOf(SECRET_KEY);
        assertThat(map(spec.get("hostname")).keySet()).isSubsetOf(HOSTNAME);
        assertThat(map(spec.get("http")).keySet()).isSubsetOf(HTTP);
        assertThat(map(spec.get("proxy")).keySet()).isSubsetOf(PROXY);
        List<?> options = (List<?>) spec.get("additionalOptions");
        assertThat(options).isNotEmpty().allSatisfy(option -> {
            assertThat(map(option).keySet()).isSubsetOf(OPTION).contains("name");
            if (map(option).containsKey("secret")) {
                assertThat(map(map(option).get("secret")).keySet()).isSubsetOf(SECRET_KEY);
            }
        });
        assertThat(options).extracting(option -> map(option).get("name")).as("the Twilio account comes from a Secret")
                .contains("spi-sspr-phone-gateway--sspr-twilio--auth-token");
    }

    private static Map<String, Object> read() throws IOException {
        try (Reader reader = Files.newBufferedReader(EXAMPLE)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
