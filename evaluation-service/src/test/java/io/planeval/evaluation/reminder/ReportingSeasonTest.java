package io.planeval.evaluation.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.evaluation.MailServerResource;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.calendar.WorkingDays;
import io.planeval.support.time.Moments;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A reporting season through the public API: its calendar, who still owes figures, and the reminders they get (read back over SMTP). */
@QuarkusTest
class ReportingSeasonTest {

    static final String SEASON = "ev-season";
    static final String REMINDED = "ev-remind";

    @Inject
    Reminders reminders;

    private static boolean loaded;

    @BeforeEach
    void loadTheSample() {
        if (loaded) {
            return;
        }
        loaded = true;
        List<TestEvent> events = new ArrayList<>();
        long id = 910_000;
        for (String plan : List.of(SEASON, REMINDED)) {
            events.add(SampleEvents.plan(plan));
            events.addAll(SampleEvents.indicators(plan));
            events.addAll(SampleEvents.measurements(plan, id));
            id += 10_000;
        }
        KafkaTestProducer.sendAll(events);
        for (String plan : List.of(SEASON, REMINDED)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().when()
                .get("/api/v1/plans/" + plan + "/evaluation/indicators/KGI4?fiscalYear=2024").then().extract().path("working.actual.revision") != null);
        }
    }

    @Test
    void aSeasonCountsJapansWorkingDaysAndRefusesWhatItCannotUse() {
        String calendar = "/api/v1/plans/" + SEASON + "/calendar/2024";
        given().when().get(calendar).then().statusCode(200).body("set", equalTo(false)).body("dueDate", equalTo("2025-06-30"))
            // Counted by hand: 30 June 2025 is a Monday; no holiday falls between 16 June and 7 July.
            .body("steps.date", org.hamcrest.Matchers.contains("2025-06-16", "2025-06-25", "2025-06-30", "2025-07-01", "2025-07-07"))
            .body("steps.timing", org.hamcrest.Matchers.contains("before", "before", "on", "after", "after"));

        given().contentType("application/json").body("""
                {"dueDate": "2019-01-01", "remindBefore": [0, 3, 3], "indicatorDueDates": {"NOPE": "2025-07-01"}}""")
            .when().put(calendar).then().statusCode(400).contentType("application/problem+json")
            .body("violations.field", containsInAnyOrder("dueDate", "remindBefore[0]", "remindBefore[2]", "indicatorDueDates.NOPE"));
        given().contentType("application/json").body("{\"dueDate\": \"30/06/2025\"}").when().put(calendar).then().statusCode(400)
            .contentType("application/problem+json");
        given().when().get(calendar).then().body("set", equalTo(false));
        TestIdentity.as(TestIdentity.token("a-reader", null, List.of("reader"))).contentType("application/json").body("{}")
            .when().put(calendar).then().statusCode(403);

        given().contentType("application/json").body(Map.of("dueDate", "2025-06-30", "indicatorDueDates", Map.of("KGI2", "2025-08-29")))
            .when().put(calendar).then().statusCode(201).body("set", equalTo(true)).body("indicatorDueDates.KGI2", equalTo("2025-08-29"))
            .body("updatedBy.client", equalTo("planeval-ops"));
        given().contentType("application/json").body(Map.of("dueDate", "2025-06-30", "indicatorDueDates", Map.of("KGI2", "2025-08-29")))
            .when().put(calendar).then().statusCode(200);
        given().when().get("/api/v1/plans/" + SEASON + "/calendar/2031").then().statusCode(400).body("violations[0].field", equalTo("fiscalYear"));
        given().when().get("/api/v1/plans/no-such-plan/calendar/2024").then().statusCode(404);

        // Completeness on the committee's date, after the due date: everything not final is overdue, except KGI2, due on its own day.
        JsonPath before = given().queryParam("fiscalYear", 2024).queryParam("asOf", "2025-07-17").when()
            .get("/api/v1/plans/" + SEASON + "/completeness").then().statusCode(200).extract().jsonPath();
        int expected = before.getInt("totals.expected");
        assertThat(expected).isPositive();
        assertThat(before.getInt("totals.reportedFinal") + before.getInt("totals.preliminary") + before.getInt("totals.beingTallied")
            + before.getInt("totals.awaitingReview") + before.getInt("totals.missing")).isEqualTo(expected);
        assertThat(before.getInt("totals.beingTallied")).as("the source's 集計中 items").isPositive();
        // 1–4, 7–11 and 14–17 July 2025 (21 July is 海の日, after it).
        assertThat(before.getInt("workingDaysToDue")).isEqualTo(-13);
        Map<String, Object> kgi2 = outstanding(before, "KGI2");
        assertThat(kgi2).containsEntry("status", "being_tallied").containsEntry("dueDate", "2025-08-29").containsEntry("overdue", false);
        assertThat(before.getInt("totals.overdue")).isEqualTo(expected - before.getInt("totals.reportedFinal")
            - before.getInt("totals.awaitingReview") - 1);
        JsonPath later = given().queryParam("fiscalYear", 2024).queryParam("asOf", "2025-09-01").when()
            .get("/api/v1/plans/" + SEASON + "/completeness").then().statusCode(200).extract().jsonPath();
        assertThat(outstanding(later, "KGI2")).containsEntry("overdue", true);
        given().when().get("/api/v1/plans/" + SEASON + "/completeness").then().statusCode(400).body("violations[0].field", equalTo("fiscalYear"));

        // KGI2's final figure arrives: it is owed no more, and counted final.
        JsonPath now = given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + SEASON + "/completeness").then().extract().jsonPath();
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(SEASON, 919_999, "KGI2", 2024, 2, new java.math.BigDecimal("52500"), null,
            io.planeval.contracts.Vocabulary.MeasurementStatus.FINAL, java.time.Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("fiscalYear", 2024).when()
            .get("/api/v1/plans/" + SEASON + "/completeness").then().extract().jsonPath().getInt("totals.reportedFinal") == now.getInt("totals.reportedFinal") + 1);
        JsonPath after = given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + SEASON + "/completeness").then().extract().jsonPath();
        assertThat(after.getInt("totals.beingTallied")).isEqualTo(now.getInt("totals.beingTallied") - 1);
        assertThat(after.getList("organisations.outstanding.flatten().code")).doesNotContain("KGI2");
    }

    @Test
    void eachOrganisationOwingFiguresGetsOneReminderAStepAndNoMore() throws Exception {
        given().contentType("application/json").body(Map.of("name", "総務部", "contacts", List.of("not-an-address")))
            .when().put("/api/v1/organisations/sample-org-a").then().statusCode(400).body("violations[0].field", equalTo("contacts[0]"));
        given().contentType("application/json").body(Map.of("name", "総務部 業務プロセス改革課", "contacts", List.of("org-a@example.jp")))
            .when().put("/api/v1/organisations/sample-org-a").then().statusCode(201).body("language", equalTo("ja"));
        given().contentType("application/json").body(Map.of("name", "Hospital Bureau", "contacts", List.of("org-b@example.jp"), "language", "en"))
            .when().put("/api/v1/organisations/sample-org-b").then().statusCode(201);
        // An organisation that reports none of the plan's indicators owes nothing, and hears nothing.
        given().contentType("application/json").body(Map.of("name", "企画部", "contacts", List.of("org-c@example.jp")))
            .when().put("/api/v1/organisations/sample-org-c").then().statusCode(201);
        TestIdentity.as(TestIdentity.token("a-reader", null, List.of("reader"))).when().get("/api/v1/organisations").then().statusCode(403);

        // A season whose step "3 working days before" is today (or, on a day off, the last working day before it).
        LocalDate today = LocalDate.now(Moments.JAPAN);
        LocalDate due = WorkingDays.japan().plus(today, 3);
        given().contentType("application/json").body(Map.of("dueDate", due.toString(), "remindBefore", List.of(3), "remindAfter", List.of(1)))
            .when().put("/api/v1/plans/" + REMINDED + "/calendar/2024").then().statusCode(201);
        JsonPath owed = given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + REMINDED + "/completeness").then()
            .statusCode(200).extract().jsonPath();
        List<String> owedByA = codesOwedBy(owed, "sample-org-a");
        List<String> owedByB = codesOwedBy(owed, "sample-org-b");
        assertThat(owedByA).isNotEmpty();

        int before = MailServerResource.server().getReceivedMessages().length;
        // Two rounds at once (two instances would race the same way), then another: one message per organisation owing.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reminders::remind);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reminders::remind);
        assertThat(first.get() + second.get() + reminders.remind()).isEqualTo(owedByB.isEmpty() ? 1 : 2);
        List<MimeMessage> received = Arrays.asList(MailServerResource.server().getReceivedMessages()).subList(before,
            MailServerResource.server().getReceivedMessages().length);
        MimeMessage toA = only(received, "org-a@example.jp");
        assertThat(toA.getSubject()).startsWith("【planeval】").contains("令和6年度", "報告期限まであと3営業日");
        String text = (String) toA.getContent();
        assertThat(text).contains("総務部 業務プロセス改革課 御中", "/api/v1/plans/" + REMINDED + "/workbook?fiscalYear=2024&organisation=sample-org-a");
        owedByA.forEach(code -> assertThat(text).contains("・" + code + " "));
        assertThat(received).as("nothing to an organisation that owes nothing").noneMatch(m -> to(m, "org-c@example.jp"));
        if (!owedByB.isEmpty()) {
            MimeMessage toB = only(received, "org-b@example.jp");
            assertThat(toB.getSubject()).contains("FY2024", "3 working days to the due date");
        }

        given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + REMINDED + "/reminders").then().statusCode(200)
            .body("items.findAll { it.organisation == 'sample-org-a' }.size()", equalTo(1))
            .body("items.find { it.organisation == 'sample-org-a' }.state", equalTo("sent"))
            .body("items.find { it.organisation == 'sample-org-a' }.timing", equalTo("before"))
            .body("items.find { it.organisation == 'sample-org-a' }.recipients", org.hamcrest.Matchers.contains("org-a@example.jp"));
        given().when().get("/api/v1/plans/" + REMINDED + "/reminders").then().statusCode(200);
        given().when().get("/api/v1/plans/no-such-plan/reminders").then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outstanding(JsonPath completeness, String code) {
        for (Map<String, Object> part : completeness.<Map<String, Object>>getList("organisations")) {
            for (Map<String, Object> item : (List<Map<String, Object>>) part.get("outstanding")) {
                if (code.equals(item.get("code"))) {
                    return item;
                }
            }
        }
        throw new AssertionError(code + " is not outstanding");
    }

    private static List<String> codesOwedBy(JsonPath completeness, String organisation) {
        // Every department's part of the organisation.
        return completeness.getList("organisations.findAll { it.organisation == '" + organisation + "' }.outstanding.flatten().code");
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage only(List<MimeMessage> messages, String address) {
        List<MimeMessage> to = messages.stream().filter(m -> to(m, address)).toList();
        assertThat(to).as("messages to %s", address).hasSize(1);
        return to.get(0);
    }
}
