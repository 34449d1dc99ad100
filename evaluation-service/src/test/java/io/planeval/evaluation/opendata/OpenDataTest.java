package io.planeval.evaluation.opendata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The open-data dataset as a harvester reads it, without a token: the CSV parses, matches its CSV on the Web metadata
 * column for column and cell by cell, carries the committee's figures, and is fetched again only when it changed.
 */
@QuarkusTest
class OpenDataTest {

    static final String OPEN = "ev-od-open";
    static final String CLOSED = "ev-od-closed";
    static final Map<String, Pattern> DATATYPES = Map.of("string", Pattern.compile("(?s).+"), "integer", Pattern.compile("-?[0-9]+"),
        "decimal", Pattern.compile("-?[0-9]+(\\.[0-9]+)?"), "datetime", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z"));

    static ExtractableResponse<Response> anonymous(String path) {
        return TestIdentity.as(null).when().get(path).then().extract();
    }

    @Test
    void theDatasetParsesMatchesItsMetadataAndIsFetchedAgainOnlyWhenChanged() throws Exception {
        KafkaTestProducer.sendAll(SampleEvents.openAndClosed(OPEN, CLOSED, 850_000));
        String csvPath = "/api/v1/plans/" + OPEN + "/open-data.csv";
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous(csvPath).statusCode() == 200
            && anonymous(csvPath).asString().contains(",KGI3,") && anonymous("/api/v1/plans/" + CLOSED + "/evaluation").statusCode() == 401
            // Every sample measurement applied: the committee's counts.
            && given().when().get("/api/v1/plans/" + OPEN + "/evaluation?fiscalYear=2024").then().extract().jsonPath()
                .getMap("totals.kpis").equals(Map.of("achieved", 52, "notAchieved", 21, "beingTallied", 5, "noTarget", 16, "total", 94)));

        ExtractableResponse<Response> csv = anonymous(csvPath);
        List<List<String>> rows = rowsMatchingTheirMetadata(csvPath, "/api/v1/plans/" + OPEN + "/open-data.csv-metadata.json");
        List<List<String>> data = rows.subList(1, rows.size());
        int columns = rows.get(0).size();
        int code = rows.get(0).indexOf("indicatorCode");
        int year = rows.get(0).indexOf("fiscalYear");
        List<String> kgi3 = data.stream().filter(r -> r.get(code).equals("KGI3") && r.get(year).equals("2024")).findFirst().orElseThrow();
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < columns; i++) {
            cells.put(rows.get(0).get(i), kgi3.get(i));
        }
        assertThat(cells).containsEntry("fiscalYearJapanese", "令和6年度").containsEntry("actual", "75608")
            .containsEntry("target", "40000").containsEntry("statusJapanese", "達成").containsEntry("attainmentPercent", "189.0200")
            .containsEntry("unit", "時間/年");
        assertThat(data.stream().map(r -> r.get(code) + "/" + r.get(year)).distinct().count()).as("one row per indicator and year")
            .isEqualTo(data.size());

        // Harvesters fetch again only what changed.
        String lastModified = csv.header("Last-Modified");
        assertThat(lastModified).isNotBlank();
        assertThat(TestIdentity.as(null).header("If-Modified-Since", lastModified).when().get(csvPath).then().extract().statusCode())
            .isEqualTo(304);
        assertThat(TestIdentity.as(null).header("If-None-Match", csv.header("ETag")).when().get(csvPath).then().extract().statusCode())
            .isEqualTo(304);
        assertThat(TestIdentity.as(null).header("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").when().get(csvPath).then().extract()
            .statusCode()).isEqualTo(200);

        JsonNode catalog = SampleEvents.JSON.readTree(anonymous("/api/v1/open-data/catalog").asByteArray());
        List<String> datasets = new ArrayList<>();
        catalog.path("dcat:dataset").forEach(d -> datasets.add(d.path("dct:identifier").asText()));
        assertThat(datasets).contains(OPEN, OPEN + "-narratives").doesNotContain(CLOSED, CLOSED + "-narratives");

        // A plan that is not open data has no dataset, whoever asks.
        assertThat(anonymous("/api/v1/plans/" + CLOSED + "/open-data.csv").statusCode()).isEqualTo(404);
        assertThat(given().when().get("/api/v1/plans/" + CLOSED + "/open-data.csv-metadata.json").then().extract().statusCode()).isEqualTo(404);
        assertThat(anonymous("/api/v1/plans/" + CLOSED + "/open-data-narratives.csv").statusCode()).isEqualTo(404);

        // The committee's words are published beside the figures: each in force, per year, as a spreadsheet reads it.
        given().contentType("application/json").body(Map.of("evaluation", "一段落目。\n二段落目。", "highlights", List.of("A 1（R1） → 2（R6）")))
            .when().put("/api/v1/plans/" + OPEN + "/evaluation/nodes/GII/narratives/2024").then().statusCode(201);
        given().contentType("application/json").body(Map.of("causes", "=業務量の増加", "actions", "RPAを拡大する"))
            .when().put("/api/v1/plans/" + OPEN + "/evaluation/indicators/KGI4/narratives/2024").then().statusCode(201);
        List<List<String>> words = rowsMatchingTheirMetadata("/api/v1/plans/" + OPEN + "/open-data-narratives.csv",
            "/api/v1/plans/" + OPEN + "/open-data-narratives.csv-metadata.json");
        assertThat(words).hasSize(3);
        List<String> header = words.get(0);
        assertThat(words.get(1).get(header.indexOf("subject"))).isEqualTo("node");
        assertThat(words.get(1).get(header.indexOf("evaluation"))).isEqualTo("一段落目。\n二段落目。");
        assertThat(words.get(1).get(header.indexOf("name"))).isEqualTo("職員の能力を最大化できる働き方改革");
        assertThat(words.get(2).get(header.indexOf("code"))).isEqualTo("KGI4");
        assertThat(words.get(2).get(header.indexOf("causes"))).as("a formula is written as text").isEqualTo("'=業務量の増加");
        assertThat(words.get(2).get(header.indexOf("fiscalYearJapanese"))).isEqualTo("令和6年度");
        String committeeCsv = given().when().get("/api/v1/plans/" + OPEN + "/evaluation.csv?fiscalYear=2024").then().statusCode(200)
            .extract().asString();
        assertThat(committeeCsv.lines().findFirst().orElseThrow()).endsWith(",causes,actions");
        assertThat(committeeCsv).contains("\"'=業務量の増加\",RPAを拡大する");
    }

    /**
     * The SDMX-CSV parsed back as a statistics system would: one observation per indicator, member and year, each
     * whole equal to the evaluation's figure, and 市町村オープンデータ取組率's 35 municipalities by their codes.
     */
    @Test
    void theSdmxCsvParsesBackToTheEvaluationsFiguresAndItsMunicipalities() throws Exception {
        String plan = "ev-od-sdmx";
        KafkaTestProducer.sendAll(SampleEvents.openAndClosed(plan, plan + "-closed", 870_000));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get("/api/v1/plans/" + plan + "/evaluation?fiscalYear=2024")
            .then().extract().statusCode() == 200 && given().when().get("/api/v1/plans/" + plan + "/evaluation?fiscalYear=2024").then()
            .extract().jsonPath().getInt("totals.kpis.beingTallied") == 5);
        ExtractableResponse<Response> sdmx = anonymous("/api/v1/plans/" + plan + "/open-data.sdmx.csv");
        assertThat(sdmx.statusCode()).isEqualTo(200);
        assertThat(sdmx.contentType()).startsWith("application/vnd.sdmx.data+csv").contains("version=2.0.0");
        List<Map<String, String>> observations = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(sdmx.asString())) {
            it.forEachRemaining(observations::add);
        }
        assertThat(observations.get(0).keySet()).startsWith("STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REF_AREA", "SEX", "AGE",
            "TIME_PERIOD", "OBS_VALUE");
        assertThat(observations).allSatisfy(o -> {
            assertThat(o.get("STRUCTURE")).isEqualTo("dataflow");
            assertThat(o.get("STRUCTURE_ID")).isEqualTo("PLANEVAL:" + plan + "(1.0)");
            assertThat(o.get("TIME_PERIOD")).matches("20[0-9]{2}-A1");
        });
        assertThat(observations.stream().map(o -> o.get("INDICATOR") + o.get("REF_AREA") + o.get("SEX") + o.get("AGE") + o.get("TIME_PERIOD"))
            .distinct().count()).as("one observation per key").isEqualTo(observations.size());
        // Every whole agrees with the evaluation's figure for its year.
        for (Map<String, String> o : observations.stream().filter(o -> o.get("REF_AREA").equals("_T")).toList()) {
            String year = o.get("TIME_PERIOD").substring(0, 4);
            var result = given().when().get("/api/v1/plans/" + plan + "/evaluation/indicators/" + o.get("INDICATOR") + "?fiscalYear=" + year)
                .then().extract().jsonPath();
            assertThat(new BigDecimal(o.get("OBS_VALUE"))).as(o.toString())
                .isEqualByComparingTo(result.getString("working.actual.value"));
            assertThat(o.get("EVALUATION")).isEqualTo(result.getString("status"));
        }
        List<Map<String, String>> share = observations.stream().filter(o -> o.get("INDICATOR").equals("GI-KPI-N04")).toList();
        assertThat(share).hasSize(36);
        assertThat(share.stream().filter(o -> o.get("REF_AREA").equals("_T")).findFirst().orElseThrow().get("OBS_VALUE")).isEqualTo("97.1");
        assertThat(share.stream().filter(o -> o.get("REF_AREA").equals("105252")).findFirst().orElseThrow())
            .containsEntry("OBS_VALUE", "0").containsEntry("EVALUATION", "not_achieved").containsEntry("OBS_STATUS", "A");

        JsonNode catalog = SampleEvents.JSON.readTree(anonymous("/api/v1/open-data/catalog").asByteArray());
        List<String> mediaTypes = new ArrayList<>();
        catalog.path("dcat:dataset").forEach(d -> {
            if (d.path("dct:identifier").asText().equals(plan)) {
                d.path("dcat:distribution").forEach(x -> mediaTypes.add(x.path("dcat:mediaType").asText()));
            }
        });
        assertThat(mediaTypes).contains("text/csv", "application/vnd.sdmx.data+csv; version=2.0.0");
        assertThat(anonymous("/api/v1/plans/" + plan + "-closed/open-data.sdmx.csv").statusCode()).isEqualTo(404);
    }

    /** The CSV's rows (header first), each checked against the columns its CSVW metadata describes. */
    static List<List<String>> rowsMatchingTheirMetadata(String csvPath, String metadataPath) throws Exception {
        ExtractableResponse<Response> csv = anonymous(csvPath);
        assertThat(csv.contentType()).startsWith("text/csv");
        byte[] bytes = csv.asByteArray();
        assertThat(bytes[0]).as("no byte-order mark").isNotEqualTo((byte) 0xEF);
        JsonNode metadata = SampleEvents.JSON.readTree(anonymous(metadataPath).asByteArray());
        assertThat(csvPath).endsWith("/" + metadata.path("url").asText());
        assertThat(metadata.at("/dc:license/@id").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        List<JsonNode> columns = new ArrayList<>();
        metadata.at("/tableSchema/columns").forEach(columns::add);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(new String(bytes, StandardCharsets.UTF_8))) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0)).as("header = the metadata's column names")
            .containsExactlyElementsOf(columns.stream().map(c -> c.path("name").asText()).toList());
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).isNotEmpty();
        for (List<String> row : data) {
            assertThat(row).hasSameSizeAs(columns);
            for (int i = 0; i < columns.size(); i++) {
                JsonNode column = columns.get(i);
                String cell = row.get(i);
                if (cell.isEmpty()) {
                    assertThat(column.path("required").asBoolean()).as("%s empty in %s", column.path("name"), row).isFalse();
                } else {
                    assertThat(cell).as("%s (%s) in %s", column.path("name"), column.path("datatype"), row)
                        .matches(DATATYPES.get(column.path("datatype").asText()));
                }
            }
        }
        return rows;
    }
}
