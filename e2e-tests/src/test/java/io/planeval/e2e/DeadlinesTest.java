package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A reporting season run by the system itself: two evaluation instances race to remind the organisations that still owe
 * figures, each gets exactly one e-mail a step (read back from the SMTP server), also after a restart, and a subscriber
 * receives each reminder as a webhook it verifies with a few lines of its own. One scenario of the committee's shared
 * system ({@link CommitteeScenario}).
 */
@Order(9)
class DeadlinesTest extends CommitteeScenario {

    /** A delivery as the receiver saw it, and whether its signature held. */
    record Delivery(String id, String type, String organisation, boolean verified) {
    }

    @Test
    void eachOrganisationOwingFiguresIsRemindedOnceAStepAndSubscribersHearOfIt() throws Exception {
        String plan = evaluation.url() + "/api/v1/plans/" + PLAN;
        // Fiscal 2023 (R5): the sample reports few figures of that year, so both organisations owe some.
        JsonNode owed = Api.getJson(plan + "/completeness?fiscalYear=2023");
        assertThat(owed.at("/totals/missing").asInt()).isPositive();
        List<String> owing = new java.util.ArrayList<>();
        owed.get("organisations").forEach(part -> {
            if (!part.get("outstanding").isEmpty()) {
                owing.add(part.get("organisation").asText());
            }
        });
        assertThat(owing).containsExactlyInAnyOrder("sample-org-a", "sample-org-b");

        // A subscriber that refuses each delivery once (500), then takes it; it checks every signature itself.
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            boolean verified = List.of(exchange.getRequestHeaders().getFirst("webhook-signature").split(" "))
                .contains("v1," + hmac(secret[0], id + "." + timestamp + ".", body));
            JsonNode event = Api.JSON.readTree(body);
            deliveries.add(new Delivery(id, event.get("type").asText(), event.at("/data/organisation").asText(), verified));
            exchange.sendResponseHeaders(refusedOnce.add(id) ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        ServiceProcess evaluation2 = evaluation.twin(Map.of());
        try {
            Api.Reply refused = Api.post(evaluation.url() + "/api/v1/webhooks",
                "{\"url\": \"https://10.0.0.1/hook\", \"eventTypes\": [\"planeval.reminder.sent.v1\"]}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/violations/0/field").asText()).isEqualTo("url");
            Api.Reply subscribed = Api.post(evaluation.url() + "/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/\", \"eventTypes\": [\"planeval.reminder.sent.v1\"], \"planCodes\": [\"" + PLAN + "\"]}");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            secret[0] = subscribed.json().get("secret").asText();

            evaluation2.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(evaluation2::ready);
            String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
            Api.Reply season = Api.send("PUT", plan + "/calendar/2023", "application/json",
                "{\"dueDate\": \"" + today + "\", \"remindBefore\": [3], \"remindAfter\": [1]}");
            assertThat(season.status()).as(season.body()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).until(() -> system.mail.inbox("gyokaku@example.jp").size() >= 1
                && system.mail.inbox("zaisan@example.jp").size() >= 1);
            // Still one message each through several more rounds of both instances, then a restart of one and more rounds.
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> onePerContact());
            evaluation.kill();
            evaluation.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(evaluation::ready);
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> onePerContact());
            JsonNode toA = system.mail.inbox("gyokaku@example.jp");
            assertThat(toA).hasSize(1);
            assertThat(toA.get(0).get("subject").asText()).contains("令和5年度", "本日が報告期限です");
            JsonNode toB = system.mail.inbox("zaisan@example.jp");
            assertThat(toB).hasSize(1);
            assertThat(toB.get(0).get("subject").asText()).contains("FY2023", "due today");
            assertThat(system.mail.inbox("zaisan-deputy@example.jp")).as("every contact of organisation B").hasSize(1);

            JsonNode reminders = Api.getJson(plan + "/reminders?fiscalYear=2023").get("items");
            assertThat(texts(reminders, "organisation")).containsExactlyInAnyOrder("sample-org-a", "sample-org-b");
            assertThat(texts(reminders, "state")).containsOnly("sent");

            // Each reminder reached the subscriber under one id, after a refused first attempt, every signature verified.
            long webhook = subscribed.json().get("id").asLong();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries.stream().map(Delivery::id).distinct()
                    .filter(id -> count(deliveries, id) >= 2).count())
                .as("received %s; attempts %s", deliveries, Api.get(evaluation.url() + "/api/v1/webhooks/" + webhook + "/deliveries").body())
                .isEqualTo(2));
            assertThat(deliveries).allSatisfy(d -> assertThat(d.verified()).as(d.id()).isTrue());
            assertThat(deliveries).extracting(Delivery::type).containsOnly("planeval.reminder.sent.v1");
            assertThat(deliveries.stream().map(Delivery::id).distinct().count()).isEqualTo(2);
        } finally {
            evaluation2.stop();
            receiver.stop(0);
        }
    }

    /** Each contact of both organisations has exactly one message. */
    private boolean onePerContact() {
        return List.of("gyokaku@example.jp", "zaisan@example.jp", "zaisan-deputy@example.jp").stream()
            .allMatch(address -> system.mail.inbox(address).size() == 1);
    }

    private static long count(List<Delivery> deliveries, String id) {
        return deliveries.stream().filter(d -> d.id().equals(id)).count();
    }

    /** The Standard Webhooks signature: base64 HMAC-SHA256 under the secret's key (whsec_ and base64). */
    private static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
