package io.planeval.evaluation.pack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.support.digest.ContentHash;
import io.planeval.testsupport.KafkaTestProducer;
import io.quarkus.test.junit.QuarkusTest;

import static org.awaitility.Awaitility.await;

/** The committee's pack in its three formats, read back as the committee's tools would, and kept byte for byte when fixed. */
@QuarkusTest
class PackTest {

    static final String PLAN = "ev-pack";
    static final String PACK = "/api/v1/plans/" + PLAN + "/evaluation/pack";

    static byte[] fetch(String path, String type) {
        return given().accept(type).queryParam("fiscalYear", 2024).when().get(path).then().statusCode(200).contentType(type)
            .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
    }

    @Test
    void thePackCarriesTheCommitteesFiguresAndWordsInEachFormatAndAFixedOneNeverChanges() throws Exception {
        KafkaTestProducer.sendAll(SampleEvents.all(PLAN, 440_000));
        CommitteeReportTest.awaitComplete(PLAN);
        given().contentType("application/json").body(Files.readString(SampleEvents.SAMPLES.resolve("narratives/gunma-r2-r6/2024/GII.json")))
            .when().put("/api/v1/plans/" + PLAN + "/evaluation/nodes/GII/narratives/2024").then().statusCode(201);
        given().contentType("application/json").body(Map.of("causes", "業務量の増加により削減効果が相殺された"))
            .when().put("/api/v1/plans/" + PLAN + "/evaluation/indicators/GII-KPI-N01/narratives/2024").then().statusCode(201);

        byte[] pdf = fetch(PACK, PackFormat.PDF_TYPE);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // As a viewer's search and copy see it: ideographs, not the Kangxi radicals the font also maps to (⽬ for 目).
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).doesNotContainPattern("[\u2F00-\u2FDF]");
            assertThat(text).contains("63%", "79%", "71%", "189%", "24.2%", "集計中", "職員負担軽減時間はKGI目標達成に至らなかった",
                "管理職に占める女性職員の割合", "業務量の増加により削減効果が相殺された");
            // Each KGI's chart: a picture with its axis labels as text over it.
            assertThat(text).contains("KGIの推移", "令和3年度", "実績値（実線）と目標への道筋");
            int pictures = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        pictures++;
                    }
                }
            }
            assertThat(pictures).as("a chart for each KGI with figures (KGI5 is qualitative: 増額確保)").isEqualTo(4);
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4 landscape").isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        }

        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(fetch(PACK, PackFormat.PPTX_TYPE)))) {
            StringBuilder text = new StringBuilder();
            show.getSlides().forEach(slide -> slide.getShapes().forEach(shape -> text.append(text(shape))));
            assertThat(show.getSlides()).as("a cover, per goal its slide, and goals I and II their KGIs' charts").hasSize(1 + 3 + 2);
            assertThat(show.getPictureData()).as("the charts of the four KGIs with figures").hasSize(4);
            assertThat(text.toString()).contains("目標Ⅱ 職員の能力を最大化できる働き方改革：KGIの推移", "令和3年度", "実績値（実線）と目標への道筋");
            assertThat(text.toString()).contains("KPI達成率 63%", "KPI達成率 79%", "KPI達成率 71%", "189%", "24.2%", "職員負担軽減時間はKGI目標達成に至らなかった");
        }

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(fetch(PACK, PackFormat.XLSX_TYPE)))) {
            var summary = book.getSheet("KPI達成状況");
            assertThat(summary.getRow(1).getCell(2).getNumericCellValue()).as("goal I's achieved KPIs, a number").isEqualTo(12);
            assertThat(BigDecimal.valueOf(summary.getRow(1).getCell(7).getNumericCellValue())).isBetween(new BigDecimal("63.1"), new BigDecimal("63.2"));
            var goal2 = book.getSheet("目標Ⅱ");
            boolean found = false;
            for (var row : goal2) {
                if ("KGI3".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(75608);
                    assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(189.02);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        given().accept("text/html").when().get(PACK).then().statusCode(406);
        // A link cannot set Accept: it names the format, as the dashboard's do.
        assertThat(given().queryParam("format", "xlsx").when().get(PACK).then().statusCode(200).contentType(PackFormat.XLSX_TYPE)
            .extract().asByteArray()).startsWith('P', 'K');
        given().queryParam("format", "docx").when().get(PACK).then().statusCode(400).contentType("application/problem+json")
            .body("violations[0].field", org.hamcrest.Matchers.equalTo("format"));

        // A fixed report keeps its pack byte for byte, with its hash, through later corrections.
        String location = given().contentType("application/json").body(Map.of("name", "第39回 行財政改革評価・推進委員会", "fiscalYear", 2024,
            "acceptMissingNarratives", true, "reason", "テスト")).when().post("/api/v1/plans/" + PLAN + "/reports").then().statusCode(201)
            .extract().header("Location");
        String hash = given().when().get(location).then().extract().path("packs.find { it.format == 'pdf' }.sha256");
        byte[] fixed = given().accept(PackFormat.PDF_TYPE).when().get(location + "/pack").then().statusCode(200).extract().asByteArray();
        assertThat(ContentHash.of(fixed)).isEqualTo(hash);
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 449_999, "KGI3", 2024, 2, new BigDecimal("80000"), null,
            MeasurementStatus.FINAL, Instant.parse("2025-08-01T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(location + "/changes").then().extract()
            .jsonPath().getList("items.code").contains("KGI3"));
        assertThat(given().accept(PackFormat.PDF_TYPE).when().get(location + "/pack").then().statusCode(200).extract().asByteArray())
            .isEqualTo(fixed);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(given().accept(PackFormat.XLSX_TYPE).when()
                .get(location + "/pack").then().statusCode(200).extract().asByteArray()))) {
            assertThat(book.getSheet("KPI達成状況")).isNotNull();
        }
    }

    private static String text(XSLFShape shape) {
        if (shape instanceof XSLFTextShape box) {
            return box.getText() + "\n";
        }
        if (shape instanceof XSLFTable table) {
            StringBuilder text = new StringBuilder();
            table.getRows().forEach(row -> row.getCells().forEach(cell -> text.append(cell.getText()).append('\n')));
            return text.toString();
        }
        return "";
    }
}
