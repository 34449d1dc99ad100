package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances of each service under load, one of each killed mid-run: nothing lost, and they agree. One scenario of
 * the committee's shared system ({@link CommitteeScenario}).
 */
@Order(5)
class TwoInstancesTest extends CommitteeScenario {

    @Test
    @Order(11)
    void twoInstancesOfEachServiceUnderLoadWithOneOfEachKilledMidRunLoseNothingAndAgree() throws Exception {
        // The second instances log JSON lines, as on a platform that collects logs.
        Map<String, String> jsonLogs = Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        ServiceProcess plans2 = system.plans.twin(jsonLogs);
        ServiceProcess indicators2 = indicators.twin(jsonLogs);
        ServiceProcess evaluation2 = evaluation.twin(jsonLogs);
        List<ServiceProcess> twins = List.of(plans2, indicators2, evaluation2);
        try {
            for (ServiceProcess twin : twins) {
                twin.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(twin::ready);
            }
            List<String> codes = List.of("KGI3", "KGI4", "GI-KPI-N01", "GII-KPI-N01");
            Map<String, Integer> revisionsBefore = new java.util.HashMap<>();
            for (String code : codes) {
                revisionsBefore.put(code, revisions(indicators2, code).size());
            }
            Instant loadStarted = Instant.now();

            // Clients post concurrently, alternating between the two instances, each post with its own
            // Idempotency-Key; a post that gets no answer goes to the other instance with the same key, as a careful
            // county system would. Halfway, one instance of each service dies without a goodbye.
            int clients = 4;
            int postsPerClient = 50;
            java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(clients * postsPerClient / 2);
            Map<String, Set<Long>> accepted = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients + 1);
            java.util.concurrent.Future<?> killer = pool.submit(() -> {
                halfway.await();
                indicators.kill();
                evaluation.kill();
                system.plans.kill();
                return null;
            });
            List<java.util.concurrent.Future<?>> posting = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                posting.add(pool.submit(() -> {
                    for (int i = 0; i < postsPerClient; i++) {
                        String code = codes.get((client + i) % codes.size());
                        String key = "load-" + loadStarted.toEpochMilli() + "-" + client + "-" + i;
                        String body = "{\"fiscalYear\": 2021, \"value\": " + (1000 * client + i) + ", \"status\": \"final\"}";
                        int first = client + i;
                        java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
                        // Until it is stored, as a client would: each attempt after 100 ms goes to the other instance.
                        Api.Reply reply = await("post " + key).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(100)).until(() -> {
                                ServiceProcess to = (first + attempt.getAndIncrement()) % 2 == 0 ? indicators : indicators2;
                                Api.Reply answer = Api.post(to.url() + "/api/v1/plans/" + PLAN + "/indicators/" + code
                                    + "/measurements", body, Map.of("Idempotency-Key", key));
                                assertThat(answer.status()).as(answer.body()).isIn(-1, 201, 429, 503);
                                return answer;
                            }, answer -> answer.status() == 201);
                        accepted.computeIfAbsent(code, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                            .add(reply.json().get("id").asLong());
                        halfway.countDown();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> clientDone : posting) {
                clientDone.get(5, TimeUnit.MINUTES);
            }
            killer.get(1, TimeUnit.MINUTES);
            pool.shutdown();
            for (ServiceProcess restarted : List.of(system.plans, indicators, evaluation)) {
                restarted.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(restarted::ready);
            }

            for (ServiceProcess twin : twins) {
                assertThat(twin.log().stream().anyMatch(CommitteeScenario::jsonStartLine)).as(twin.name + " logs JSON").isTrue();
            }

            Map<String, Long> lastIds = new java.util.HashMap<>();
            for (String code : codes) {
                // Every accepted post kept once (a retried one too), numbered without gaps or repeats.
                JsonNode revisions = revisions(indicators, code);
                List<Integer> numbers = new ArrayList<>();
                Set<Long> ids = new java.util.HashSet<>();
                long lastId = 0;
                for (JsonNode revision : revisions) {
                    numbers.add(revision.get("revision").asInt());
                    ids.add(revision.get("id").asLong());
                    if (revision.get("revision").asInt() == revisions.size()) {
                        lastId = revision.get("id").asLong();
                    }
                }
                assertThat(numbers).as(code).doesNotHaveDuplicates()
                    .hasSize(revisionsBefore.get(code) + accepted.get(code).size());
                assertThat(numbers.stream().mapToInt(Integer::intValue).max().orElse(0)).as(code).isEqualTo(numbers.size());
                assertThat(ids).as(code).containsAll(accepted.get(code));
                lastIds.put(code, lastId);
            }
            // Both evaluation instances, once caught up, applied each revision once, use the last one and answer the
            // same report.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                for (ServiceProcess reader : List.of(evaluation, evaluation2)) {
                    for (String code : codes) {
                        assertThat(Api.getJson(reader.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code
                            + "?fiscalYear=2021").at("/working/actual/measurementId").asLong()).as(reader.name + " " + code)
                            .isEqualTo(lastIds.get(code));
                    }
                }
                assertThat(Api.get(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2021").body())
                    .isEqualTo(Api.get(evaluation2.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2021").body());
            });
            List<String> applied = new ArrayList<>();
            Api.getJson(evaluation2.url() + "/api/v1/plans/" + PLAN + "/audit?limit=1000&from=" + loadStarted).get("items")
                .forEach(entry -> applied.add(entry.get("code").asText() + "#" + entry.get("number").asLong()));
            assertThat(applied).as("revisions the evaluation applied during the load").doesNotHaveDuplicates()
                .hasSize(accepted.values().stream().mapToInt(Set::size).sum());
        } finally {
            twins.forEach(ServiceProcess::stop);
        }
    }
}
