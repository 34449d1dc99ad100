package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.planeval.contracts.Topics;

/**
 * Who may do what: Keycloak's tokens, the browsers' origins, and the broker's own accounts and ACLs. One scenario of
 * the committee's shared system ({@link CommitteeScenario}).
 */
@Order(3)
class AccessControlTest extends CommitteeScenario {

    @Test
    @Order(5)
    void keycloakTokensDecideWhoMayDoWhatAndTheAuditTrailNamesThem() {
        String reporterA = system.keycloak.token("sample-reporter-a");
        String dashboard = system.keycloak.token("sample-dashboard");
        String ownUrl = indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/GI-KPI-N01/measurements";
        String foreignUrl = indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/GIII-KPI-N01/measurements";
        String body = "{\"fiscalYear\": 2021, \"value\": 7, \"status\": \"preliminary\"}";

        assertThat(Api.sendAs(null, "POST", ownUrl, "application/json", body).status()).isEqualTo(401);
        assertThat(Api.sendAs(dashboard, "POST", ownUrl, "application/json", body).status()).isEqualTo(403);
        Api.Reply foreign = Api.sendAs(reporterA, "POST", foreignUrl, "application/json", body);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.json().at("/violations/0/reason").asText()).contains("sample-org-b").contains("sample-org-a");
        Api.Reply own = Api.sendAs(reporterA, "POST", ownUrl, "application/json", body);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().at("/recordedBy/client").asText()).isEqualTo("sample-reporter-a");

        // The R2–R6 plan is open data: its results are anybody's. The 2025–29 plan is not.
        String openResult = evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/GI-KPI-N01?fiscalYear=2021";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Reply result = Api.sendAs(null, "GET", openResult, null, null);
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.json().at("/working/actual/measurementId").asLong()).isEqualTo(own.json().get("id").asLong());
            assertThat(result.json().at("/working/actual/recordedBy/client").asText()).isEqualTo("sample-reporter-a");
            assertThat(result.json().at("/working/actual/recordedBy/organisation").asText()).isEqualTo("sample-org-a");
        });
        assertThat(Api.sendAs(null, "GET", evaluation.url() + "/api/v1/plans/gunma-2025-29/evaluation", null, null).status())
            .isEqualTo(401);
        assertThat(Api.sendAs(dashboard, "GET", evaluation.url() + "/api/v1/plans/gunma-2025-29/evaluation", null, null).status())
            .isEqualTo(200);

        // The audit trail, readers only, names the reporter's client and organisation for its revision.
        String audit = evaluation.url() + "/api/v1/plans/" + PLAN + "/audit?limit=5";
        assertThat(Api.sendAs(null, "GET", audit, null, null).status()).isEqualTo(401);
        JsonNode newest = Api.sendAs(dashboard, "GET", audit, null, null).json().at("/items/0");
        assertThat(newest.get("kind").asText()).isEqualTo("measurement");
        assertThat(newest.get("code").asText()).isEqualTo("GI-KPI-N01");
        assertThat(newest.at("/by/client").asText()).isEqualTo("sample-reporter-a");
        assertThat(newest.at("/by/organisation").asText()).isEqualTo("sample-org-a");
    }

    @Test
    @Order(6)
    void anOriginNotListedMayNotCallFromABrowser() throws Exception {
        HttpResponse<Void> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(indicators.url() + "/api/v1/measurements"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    @Order(7)
    void theBrokerLetsEachServiceWriteOnlyItsOwnTopicsAndNobodyInWithoutAPassword() {
        Map<String, Object> asIndicatorService = system.broker.clientSettings("indicator-service");
        asIndicatorService.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (Producer<String, String> producer = new KafkaProducer<>(asIndicatorService, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PLANS, PLAN, "{}")).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        Map<String, Object> wrongPassword = system.broker.clientSettings("plan-service", "not-the-password");
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }
}
