package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's API document, as the build stored it, passes Spectral's OpenAPI rules with no error and no warning:
 * what a county system generates its client from is complete (operation ids, typed answers, every error).
 * Spectral comes from the npm registry into .tools/ (deploy/local/tools.sh, which the test command runs first).
 */
class OpenApiLintTest {

    static final Path SPECTRAL = Processes.ROOT.resolve(".tools/node_modules/.bin/spectral");

    @ParameterizedTest
    @ValueSource(strings = {"plan-service", "indicator-service", "evaluation-service"})
    void theApiDocumentHasNoErrorAndNoWarning(String service) {
        assertThat(SPECTRAL).as("Spectral, installed by deploy/local/tools.sh").isExecutable();
        Path document = Processes.ROOT.resolve(service + "/target/openapi/openapi.yaml");
        assertThat(document).as("stored by the build (quarkus.smallrye-openapi.store-schema-directory)").exists();
        Processes.Run lint = Processes.run(List.of(SPECTRAL.toString(), "lint", "--ruleset",
            Processes.ROOT.resolve(".spectral.yaml").toString(), "--fail-severity", "warn", document.toString()), Processes.ROOT);
        assertThat(lint.exitCode()).as("spectral lint %s:%n%s", document, lint.output()).isZero();
    }
}
