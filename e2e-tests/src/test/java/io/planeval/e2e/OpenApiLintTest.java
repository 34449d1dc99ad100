package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    void theApiDocumentHasNoErrorAndNoWarning(String service) throws IOException, InterruptedException {
        assertThat(SPECTRAL).as("Spectral, installed by deploy/local/tools.sh").isExecutable();
        Path document = Processes.ROOT.resolve(service + "/target/openapi/openapi.yaml");
        assertThat(document).as("stored by the build (quarkus.smallrye-openapi.store-schema-directory)").exists();
        Process lint = new ProcessBuilder(List.of(SPECTRAL.toString(), "lint", "--ruleset",
                Processes.ROOT.resolve(".spectral.yaml").toString(), "--fail-severity", "warn", document.toString()))
            .redirectErrorStream(true)
            .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as("spectral lint %s:%n%s", document, output).isZero();
        assertThat(Files.size(document)).isPositive();
    }
}
