package io.planeval.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.Actor;
import io.planeval.contracts.EventTypes;
import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.MeasurementReviewed;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;

/**
 * The project's R2–R6 sample data (deploy/sample-data) as the events plan-service and indicator-service publish
 * for it, under another plan code, with source times before the committee's 2025-07-17.
 */
public final class SampleEvents {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final Path SAMPLES = Path.of("..", "deploy", "sample-data");
    public static final Instant PLANNED = Instant.parse("2025-06-01T00:00:00Z");
    public static final Instant DEFINED = Instant.parse("2025-07-01T00:00:00Z");
    public static final Instant MEASURED = Instant.parse("2025-07-10T00:00:00Z");

    private SampleEvents() {
    }

    /** Who the sample's plan and indicator changes come from. */
    public static final Actor OPERATIONS = new Actor("service-account-planeval-ops", "planeval-ops", null);
    /** Who reviews the sample's measurements, where a plan requires it. */
    public static final Actor STEWARD = new Actor("service-account-sample-steward-a", "sample-steward-a", "sample-org-a");
    /** Who the sample's measurements come from. */
    public static final Actor REPORTER = new Actor("service-account-sample-reporter-a", "sample-reporter-a", "sample-org-a");

    public static TestEvent plan(String planCode) {
        return plan(planCode, false);
    }

    public static TestEvent plan(String planCode, boolean openData) {
        JsonNode doc = read(SAMPLES.resolve("plans/gunma-r2-r6.json"));
        List<PlanChanged.Node> nodes = new ArrayList<>();
        doc.get("nodes").forEach(n -> nodes.add(new PlanChanged.Node(n.get("code").asText(), n.get("label").asText(),
            n.get("title").asText(), null, n.get("level").asInt(), null, n.get("position").asInt(), null)));
        List<String> levels = new ArrayList<>();
        doc.get("levels").forEach(l -> levels.add(l.asText()));
        PlanChanged event = new PlanChanged(planCode, 1, PLANNED, OPERATIONS, new PlanChanged.Plan(planCode, doc.get("title").asText(),
            null, doc.get("firstFiscalYear").asInt(), doc.get("lastFiscalYear").asInt(), levels, null, PlanStatus.ACTIVE, openData, null, null, nodes));
        return new TestEvent(Topics.PLANS, planCode, EventTypes.PLAN_CHANGED, write(event));
    }

    /** The sample plan under this code, with every sample indicator and measurement (ids from {@code firstMeasurementId}). */
    public static List<TestEvent> all(String planCode, long firstMeasurementId) {
        List<TestEvent> events = new ArrayList<>();
        events.add(plan(planCode));
        events.addAll(indicators(planCode));
        events.addAll(measurements(planCode, firstMeasurementId));
        return events;
    }

    /** Two sample plans, one open data and one not, each with every sample indicator and measurement. */
    public static List<TestEvent> openAndClosed(String open, String closed, long firstMeasurementId) {
        List<TestEvent> events = new ArrayList<>();
        long id = firstMeasurementId;
        for (String plan : List.of(open, closed)) {
            events.add(plan(plan, plan.equals(open)));
            events.addAll(indicators(plan));
            List<TestEvent> measured = measurements(plan, id);
            id += measured.size();
            events.addAll(measured);
        }
        return events;
    }

    public static List<TestEvent> indicators(String planCode) {
        List<TestEvent> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES.resolve("indicators/gunma-r2-r6"))) {
            files.sorted().forEach(file -> {
                String code = file.getFileName().toString().replace(".json", "");
                events.add(indicator(planCode, code, read(file), 1, DEFINED));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static List<IndicatorChanged.Milestone> milestones(JsonNode milestones) {
        List<IndicatorChanged.Milestone> list = new ArrayList<>();
        if (milestones != null) {
            milestones.forEach(m -> list.add(new IndicatorChanged.Milestone(m.get("fiscalYear").asInt(), decimal(m, "value"))));
        }
        return list;
    }

    public static TestEvent indicator(String planCode, String code, JsonNode d, long version, Instant changedAt) {
        Direction direction = Vocabulary.of(Direction.class, d.get("direction").asText());
        Method method = d.hasNonNull("method") ? Vocabulary.of(Method.class, d.get("method").asText()) : Method.defaultFor(direction);
        JsonNode target = d.get("target");
        JsonNode baseline = d.get("baseline");
        IndicatorChanged event = new IndicatorChanged(planCode, code, version, changedAt, OPERATIONS, new IndicatorChanged.Indicator(code,
            d.get("nodeCode").asText(), Vocabulary.of(IndicatorKind.class, d.get("kind").asText()), d.get("name").asText(), text(d, "unit"),
            baseline == null ? null : decimal(baseline, "value"), baseline == null ? null : baseline.get("fiscalYear").asInt(),
            target == null ? null : decimal(target, "value"), target == null ? null : text(target, "text"),
            target == null ? null : target.get("fiscalYear").asInt(), milestones(d.get("milestones")), direction, method, List.of(), text(d, "department"),
            text(d, "organisation"), null, text(d, "note"), d.hasNonNull("predecessor")
                ? new IndicatorChanged.Predecessor(d.at("/predecessor/planCode").asText(), d.at("/predecessor/indicatorCode").asText()) : null,
            breakdown(d.get("breakdown")), d.hasNonNull("formula") ? new IndicatorChanged.Formula(d.at("/formula/expression").asText(),
                d.at("/formula/decimals").isMissingNode() ? null : d.at("/formula/decimals").asInt()) : null));
        return new TestEvent(Topics.INDICATORS, Topics.indicatorKey(planCode, code), EventTypes.INDICATOR_CHANGED, write(event));
    }

    /**
     * A breakdown as indicator-service publishes it: a municipality dimension without members has Gunma's 35, from the
     * code list indicator-service ships.
     */
    static IndicatorChanged.Breakdown breakdown(JsonNode b) {
        if (b == null || b.isNull()) {
            return null;
        }
        ObjectNode copy = b.deepCopy();
        for (JsonNode dimension : copy.withArray("dimensions")) {
            if ("municipality".equals(dimension.get("code").asText()) && !dimension.has("members")) {
                ArrayNode members = ((ObjectNode) dimension).putArray("members");
                try (Stream<String> lines = Files.lines(Path.of("..", "indicator-service", "src", "main", "resources", "codelists",
                    "municipality.csv"))) {
                    lines.skip(1).forEach(line -> members.addObject().put("code", line.split(",")[0]).put("name", line.split(",")[1]));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ((ObjectNode) dimension).put("name", "市町村");
            }
        }
        try {
            return JSON.treeToValue(copy, IndicatorChanged.Breakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static List<TestEvent> measurements(String planCode, long firstId) {
        return measurements(planCode, firstId, 1);
    }

    /** The sample's measurements again as the given revision of each. */
    public static List<TestEvent> measurements(String planCode, long firstId, int revision) {
        List<TestEvent> events = new ArrayList<>();
        JsonNode rows = read(SAMPLES.resolve("measurements/gunma-r2-r6.json"));
        long id = firstId;
        for (JsonNode row : rows) {
            events.add(measurement(planCode, id++, row.get("indicatorCode").asText(), row.get("fiscalYear").asInt(), revision,
                decimal(row, "value"), row.hasNonNull("outcome") ? Vocabulary.of(Outcome.class, row.get("outcome").asText()) : null,
                Vocabulary.of(MeasurementStatus.class, row.get("status").asText()), ReviewState.APPROVED, MEASURED,
                row.has("members") ? JSON.convertValue(row.get("members"), new TypeReference<Map<String, String>>() { }) : null));
        }
        return events;
    }

    /** A figure expected on a date: being tallied while it has no value, final once it has. */
    public static TestEvent expected(String planCode, long id, String code, int year, int revision, LocalDate expected, BigDecimal value,
                                     Instant recordedAt) {
        MeasurementUpdated event = new MeasurementUpdated(id, planCode, code, year, null, null, revision, value, null,
            value == null ? MeasurementStatus.BEING_TALLIED : MeasurementStatus.FINAL, expected, null, "test", null, null, null,
            recordedAt, REPORTER, null);
        return new TestEvent(Topics.MEASUREMENTS, planCode, EventTypes.MEASUREMENT_UPDATED, write(event));
    }

    public static TestEvent measurement(String planCode, long id, String code, int year, int revision, BigDecimal value,
                                 Outcome outcome, MeasurementStatus status, Instant recordedAt) {
        return measurement(planCode, id, code, year, revision, value, outcome, status, ReviewState.APPROVED, recordedAt, null);
    }

    /** A whole-year revision as recorded: approved (counted at once) or submitted (waiting for a reviewer). */
    public static TestEvent measurement(String planCode, long id, String code, int year, int revision, BigDecimal value,
                                 Outcome outcome, MeasurementStatus status, ReviewState review, Instant recordedAt) {
        return measurement(planCode, id, code, year, revision, value, outcome, status, review, recordedAt, null);
    }

    /** A whole-year revision of the indicator's own figure (members null) or of a member's. */
    public static TestEvent measurement(String planCode, long id, String code, int year, int revision, BigDecimal value,
                                 Outcome outcome, MeasurementStatus status, ReviewState review, Instant recordedAt,
                                 Map<String, String> members) {
        MeasurementUpdated event = new MeasurementUpdated(id, planCode, code, year, null, null, revision, value, outcome, status,
            null, null, "test", null, null, review, recordedAt, REPORTER, members);
        return new TestEvent(Topics.MEASUREMENTS, planCode, EventTypes.MEASUREMENT_UPDATED, write(event));
    }

    /** A steward's decision on a submitted whole-year revision. */
    public static TestEvent reviewed(String planCode, long id, String code, int year, int revision, ReviewState decision, String reason,
                                     Instant decidedAt) {
        MeasurementReviewed event = new MeasurementReviewed(id, planCode, code, year, null, null, revision, decision, reason, decidedAt,
            STEWARD);
        return new TestEvent(Topics.MEASUREMENTS, planCode, EventTypes.MEASUREMENT_REVIEWED, write(event));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : null;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
