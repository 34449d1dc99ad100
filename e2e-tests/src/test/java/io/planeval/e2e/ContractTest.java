package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The extremes of every field evaluated, and every operation answered as its document says, checked by a validating
 * proxy. One scenario of the committee's shared system ({@link CommitteeScenario}).
 */
@Order(8)
class ContractTest extends CommitteeScenario {

    /**
     * The extremes of every field the APIs accept, through the public APIs to the evaluation: values of 14 digits
     * before the point and 6 after, of either sign where the method takes it; the first and last fiscal years; the
     * longest texts, in Japanese with characters beyond the BMP. Each is evaluated, exact, and nothing is parked.
     */
    @Test
    @Order(16)
    void theExtremesOfEveryFieldTheApisAcceptAreEachEvaluatedAndNothingIsParked() {
        String plan = "/api/v1/plans/extremes";
        // 499 UTF-16 units, the limit being 500: a character beyond the BMP takes two.
        String longTitle = "行財政改革𠮷".repeat(71) + "改革";
        Api.Reply planned = Api.send("PUT", system.plans.url() + plan, "application/json", """
            {"title": "%s", "firstFiscalYear": 1900, "lastFiscalYear": 2200, "levels": ["目標"],
             "nodes": [{"code": "G1", "title": "極端な値", "level": 1}]}""".formatted(longTitle));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String largest = "99999999999999.999999";
        String smallest = "0.000001";
        Map<String, String> definitions = Map.of(
            "X-RATIO", "\"direction\": \"higher_is_better\", \"method\": \"ratio\", \"target\": {\"value\": %s, \"fiscalYear\": 2200}"
                .formatted(smallest),
            "X-INVERSE", "\"direction\": \"lower_is_better\", \"method\": \"inverse_ratio\", \"target\": {\"value\": %s, \"fiscalYear\": 2200}"
                .formatted(largest),
            "X-PROGRESS", ("\"direction\": \"higher_is_better\", \"method\": \"progress_from_baseline\", "
                + "\"baseline\": {\"value\": 99999999999999.999998, \"fiscalYear\": 1900}, \"target\": {\"value\": %s, \"fiscalYear\": 2200}")
                .formatted(largest),
            "X-OUTCOME", "\"direction\": \"qualitative\", \"target\": {\"text\": \"%s\", \"fiscalYear\": 2200}".formatted(longTitle));
        definitions.forEach((code, definition) -> {
            String body = "{\"nodeCode\": \"G1\", \"kind\": \"kpi\", \"name\": \"%s\", \"unit\": \"𠮷件\", \"note\": \"%s\", %s}"
                .formatted(longTitle, "備考𩸽".repeat(2000 / 4), definition);
            // Right after the plan is created, indicator-service may not know it yet: 409, retry.
            Api.Reply defined = await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.send("PUT", indicators.url() + plan + "/indicators/" + code, "application/json", body), reply -> reply.status() != 409);
            assertThat(defined.status()).as(code + ": " + defined.body()).isEqualTo(201);
            assertThat(defined.json().get("name").asText()).isEqualTo(longTitle);
        });
        Map<String, String> posts = Map.of(
            "X-RATIO", "\"value\": " + largest,
            "X-INVERSE", "\"value\": " + smallest,
            "X-PROGRESS", "\"value\": -" + largest,
            "X-OUTCOME", "\"outcome\": \"achieved\"");
        String note = "注記𩸽".repeat(2000 / 4);
        posts.forEach((code, value) -> {
            Api.Reply posted = Api.post(indicators.url() + plan + "/indicators/" + code + "/measurements",
                "{\"fiscalYear\": 2200, %s, \"status\": \"final\", \"describesDate\": \"2200-12-31\", \"note\": \"%s\", \"sourceSystem\": \"%s\"}"
                    .formatted(value, note, note));
            assertThat(posted.status()).as(code + ": " + posted.body()).isEqualTo(201);
        });

        Map<String, String> attainments = Map.of(
            "X-RATIO", "9999999999999999999900",
            "X-INVERSE", "9999999999999999999900",
            "X-PROGRESS", "-19999999999999999999700.0000000000",
            "X-OUTCOME", "100.0000000000");
        String results = evaluation.url() + plan + "/evaluation/indicators/";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> attainments.forEach((code, attainment) ->
            assertThat(Api.getJson(results + code + "?fiscalYear=2200").at("/attainment/percent").decimalValue())
                .as(code).isEqualByComparingTo(attainment)));
        JsonNode progress = Api.getJson(results + "X-PROGRESS?fiscalYear=2200");
        assertThat(progress.at("/working/actual/value").decimalValue()).isEqualByComparingTo("-" + largest);
        assertThat(Api.getJson(indicators.url() + plan + "/indicators/X-PROGRESS/measurements").at("/items/0/note").asText())
            .isEqualTo(note);
        assertThat(Api.getJson(evaluation.url() + plan + "/evaluation?fiscalYear=2200").at("/totals/kpis/achieved").asInt())
            .isEqualTo(3);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation.csv?fiscalYear=2200").body()).contains(largest);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation/forecast").status()).isEqualTo(200);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation/changes?from=1900-01-01&to=2200-01-01").status()).isEqualTo(200);
        for (ServiceProcess service : system.services()) {
            Api.Reply well = Api.get(service.url() + "/q/health/well");
            assertThat(well.status()).as(service.name + ": " + well.body()).isEqualTo(200);
        }
    }

    /**
     * Every operation of the three API documents, called as its document describes it through a validating proxy
     * (Prism, --errors): each request is one the document allows, and each answer, refusals included, is one it
     * describes: status, headers and body. Run last: it ends with a rebuild.
     */
    @Test
    @Order(17)
    void everyOperationAnswersAsItsDocumentSaysThroughAValidatingProxy() throws IOException {
        String plan = "contract-check";
        // A plan of its own, the R2–R6 sample under another code with KGI③ and its figure, so that the writes touch
        // nothing else.
        com.fasterxml.jackson.databind.node.ObjectNode sample = (com.fasterxml.jackson.databind.node.ObjectNode)
            Api.JSON.readTree(Processes.ROOT.resolve("deploy/sample-data/plans/gunma-r2-r6.json").toFile());
        sample.put("code", plan);
        Api.Reply planned = Api.send("PUT", system.plans.url() + "/api/v1/plans/" + plan, "application/json", sample.toString());
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String kgi3 = Files.readString(Processes.ROOT.resolve("deploy/sample-data/indicators/gunma-r2-r6/KGI3.json"));
        Api.Reply defined = await().atMost(Duration.ofSeconds(10)).until(() -> Api.send("PUT",
            indicators.url() + "/api/v1/plans/" + plan + "/indicators/KGI3", "application/json", kgi3), reply -> reply.status() != 409);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + plan + "/indicators/KGI3/measurements",
            "{\"fiscalYear\": 2024, \"value\": 75608, \"status\": \"final\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() ->
            Api.get(evaluation.url() + "/api/v1/plans/" + plan + "/evaluation/indicators/KGI3").status() == 200);

        List<ContractWorkload.Call> calls = ContractWorkload.calls(system.services(), plan);
        List<String> exercised = new ArrayList<>();
        try (ContractProxies proxies = new ContractProxies(system.services())) {
            for (ContractWorkload.Call call : calls) {
                Api.Reply reply = Api.sendAs(Api.token(), call.method(), proxies.url(call.service()) + call.path(), call.contentType(),
                    call.body(), call.headers());
                assertThat(reply.body()).as("%s (%s %s) answered %d through the proxy", call.operationId(), call.method(), call.path(),
                    reply.status()).doesNotContain(ContractProxies.PRISM_ERROR);
                assertThat(reply.status()).as("%s: %s", call.operationId(), reply.body()).isBetween(200, 499);
                exercised.add(call.operationId());
            }
            assertThat(proxies.loggedViolations()).isEmpty();
        }
        assertThat(exercised).as("every operation once").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(35);
    }

    /** The last scenario: the shared system stops, before the other end-to-end tests start their own. */
    @AfterAll
    void stopTheSharedSystem() {
        CommitteeSystem.stop();
    }
}
