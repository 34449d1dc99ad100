package io.planeval.indicator.workbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;

import io.planeval.indicator.TestPlans;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The reporters' workbook: downloaded, filled in as a department would in Excel, and posted back. */
@QuarkusTest
class WorkbookTest {

    static final String PLAN = "wb-plan";
    static final String XLSX = WorkbookLayout.MEDIA_TYPE;

    static String reporter(String organisation) {
        return TestIdentity.token("reporter-" + organisation, organisation, List.of("reporter", "reader"));
    }

    static byte[] download(String token) {
        return TestIdentity.as(token).queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/workbook").then()
            .statusCode(200).contentType(XLSX).header("Content-Disposition", containsString("wb-plan-2024-workbook.xlsx"))
            .extract().asByteArray();
    }

    /** The workbook with the reporting sheet changed as a user would change it in Excel. */
    static byte[] filledIn(byte[] workbook, Consumer<Sheet> edit) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book.getSheet(WorkbookLayout.SHEET));
            book.write(out);
            return out.toByteArray();
        }
    }

    static ValidatableResponse post(String token, byte[] workbook) {
        return TestIdentity.as(token).contentType(XLSX).body(workbook).when().post("/api/v1/measurements/workbook").then();
    }

    static int revisions(String code) {
        return given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/indicators/" + code + "/measurements")
            .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    static void setUp() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3Of("org-a"));
        TestPlans.define(PLAN, "KGI5", TestPlans.kgi5().replace("\"direction\"", "\"organisation\": \"org-a\", \"direction\""));
        TestPlans.define(PLAN, "KGI9", TestPlans.kgi3Of("org-b"));
    }

    /** A municipality's workbook holds its own part of the prefecture's broken-down indicators, and posts it back as such. */
    @Test
    void aMunicipalitysWorkbookHoldsItsOwnPartOfEachBrokenDownIndicator() throws IOException {
        setUp();
        TestPlans.define(PLAN, "N04", """
            {"nodeCode": "GI", "kind": "kpi", "name": "市町村オープンデータ取組率", "unit": "％", "organisation": "org-a",
             "target": {"value": 100, "fiscalYear": 2024}, "direction": "higher_is_better",
             "breakdown": {"dimensions": [{"code": "municipality"}], "whole": "derived", "aggregation": "share",
                           "condition": "at_least", "threshold": 1, "decimals": 1}}""");
        String maebashi = reporter("102016");
        byte[] blank = download(maebashi);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            Sheet sheet = book.getSheet(WorkbookLayout.SHEET);
            assertThat(sheet.getLastRowNum()).as("前橋市's own part only").isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.CODE).getStringCellValue()).isEqualTo("N04");
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.NAME).getStringCellValue()).isEqualTo("市町村オープンデータ取組率（前橋市）");
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.MEMBER).getStringCellValue()).isEqualTo("municipality=102016");
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.MEMBER).getCellStyle().getLocked()).isTrue();
        }
        // The prefecture's own workbook has no row for a derived whole: it cannot be posted.
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(reporter("org-a"))))) {
            Sheet sheet = book.getSheet(WorkbookLayout.SHEET);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(WorkbookLayout.CODE).getStringCellValue()).isNotEqualTo("N04");
            }
        }
        byte[] filled = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellValue(1);
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
        });
        // Another municipality may not post 前橋市's row.
        post(reporter("102024"), filled).statusCode(403).body("violations[0].field", equalTo("報告!K2"));
        post(maebashi, filled).statusCode(201).body("count", equalTo(1)).body("measurements[0].members.municipality", equalTo("102016"));
    }

    @Test
    void aWorkbookFilledInAsExcelUsersDoIsAppliedAndABadCellChangesNothing() throws IOException {
        setUp();
        byte[] blank = download(reporter("org-a"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            Sheet sheet = book.getSheet(WorkbookLayout.SHEET);
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.CODE).getStringCellValue()).isEqualTo("KGI3");
            assertThat(sheet.getRow(2).getCell(WorkbookLayout.CODE).getStringCellValue()).isEqualTo("KGI5");
            assertThat(sheet.getLastRowNum()).as("organisation A's indicators only").isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.TARGET).getNumericCellValue()).isEqualTo(40000);
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.CODE).getCellStyle().getLocked()).isTrue();
            assertThat(sheet.getRow(1).getCell(WorkbookLayout.VALUE).getCellStyle().getLocked()).isFalse();
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getDataValidations()).hasSize(1);
            assertThat(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues())
                .containsExactly("確定値", "速報値", "集計中");
            assertThat(book.isSheetHidden(book.getSheetIndex(WorkbookLayout.ABOUT))).isTrue();
        }

        // A cell that cannot be read without guessing refuses the whole workbook, naming the cell.
        byte[] guess = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellValue("約７万５千");
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
            sheet.getRow(2).getCell(WorkbookLayout.VALUE).setCellValue("達成");
        });
        post(reporter("org-a"), guess).statusCode(400).contentType("application/problem+json")
            .body("violations[0].field", equalTo("報告!F2")).body("violations.size()", equalTo(2))
            .body("violations[1].field", equalTo("報告!G3"));
        assertThat(revisions("KGI3")).isZero();
        // A formula is read by the value Excel saved with it; one never calculated has none, and is refused.
        byte[] uncalculated = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellFormula("SUM(70000,5608)");
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
        });
        post(reporter("org-a"), uncalculated).statusCode(400).body("violations[0].field", equalTo("報告!F2"))
            .body("violations[0].reason", containsString("formula"));
        // Another organisation's reporter may not post it: each row named by its code's cell.
        byte[] filled = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellValue("７５，６０８");
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
            sheet.getRow(1).getCell(WorkbookLayout.NOTE).setCellValue("R6実績（人事課集計）");
            sheet.getRow(2).getCell(WorkbookLayout.VALUE).setCellValue("達成");
            sheet.getRow(2).getCell(WorkbookLayout.STATUS).setCellValue("速報値");
        });
        post(reporter("org-b"), filled).statusCode(403).body("violations[0].field", equalTo("報告!A2"));
        assertThat(revisions("KGI3")).isZero();

        post(reporter("org-a"), filled).statusCode(201).body("count", equalTo(2));
        given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements").then()
            .body("items[0].value", equalTo(75608)).body("items[0].status", equalTo("final")).body("items[0].note", equalTo("R6実績（人事課集計）"));
        given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/indicators/KGI5/measurements").then()
            .body("items[0].outcome", equalTo("achieved")).body("items[0].status", equalTo("preliminary"));

        // A numeric cell and a date as Excel stores them are read exactly; a percentage where a qualitative indicator
        // takes 達成 / 未達成 is refused by the rules, named by its cell, and the other row is not stored either.
        byte[] percent = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellValue(75700.5);
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
            sheet.getRow(1).getCell(WorkbookLayout.EXPECTED_DATE).setCellValue(java.time.LocalDate.of(2025, 9, 30));
            sheet.getRow(2).getCell(WorkbookLayout.VALUE).setCellValue("22.2％");
            sheet.getRow(2).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
        });
        post(reporter("org-a"), percent).statusCode(400).body("violations.field", hasItem("報告!F3"))
            .body("violations.field", not(hasItem("報告!F2")));
        assertThat(revisions("KGI3")).isEqualTo(1);
        byte[] numeric = filledIn(blank, sheet -> {
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellValue(75700.5);
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
            sheet.getRow(1).getCell(WorkbookLayout.CORRECTION_REASON).setCellValue("端数の訂正");
        });
        post(reporter("org-a"), numeric).statusCode(201).body("count", equalTo(1));
        given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements").then()
            .body("items[0].value", equalTo(75700.5f)).body("items[0].revision", equalTo(2));
    }

    @Test
    void unsafeOrForeignWorkbooksAreRefusedQuickly() throws IOException {
        setUp();
        String token = reporter("org-a");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        post(token, ole2).statusCode(400).body("detail", containsString("encrypted"));
        byte[] macros;
        try (XSSFWorkbook book = new XSSFWorkbook(XSSFWorkbookType.XLSM); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet(WorkbookLayout.SHEET);
            book.write(out);
            macros = out.toByteArray();
        }
        post(token, macros).statusCode(400).body("detail", containsString("macro-enabled"));
        // A value taken from another file, which the service cannot see (nor should open): refused, nothing applied.
        int before = revisions("KGI3");
        byte[] linked;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(token)));
             XSSFWorkbook other = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            other.createSheet("集計").createRow(0).createCell(0).setCellValue(75700);
            book.linkExternalWorkbook("集計表.xlsx", other);
            Sheet sheet = book.getSheet(WorkbookLayout.SHEET);
            sheet.getRow(1).getCell(WorkbookLayout.VALUE).setCellFormula("[集計表.xlsx]集計!A1");
            sheet.getRow(1).getCell(WorkbookLayout.STATUS).setCellValue("確定値");
            book.write(out);
            linked = out.toByteArray();
        }
        post(token, linked).statusCode(400).body("violations[0].field", equalTo("body"))
            .body("detail", containsString("links other workbooks"));
        assertThat(revisions("KGI3")).isEqualTo(before);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("KGI3");
            book.write(out);
            post(token, out.toByteArray()).statusCode(400).body("detail", containsString("not a reporting workbook"));
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        long started = System.nanoTime();
        post(token, bomb.toByteArray()).statusCode(400).contentType("application/problem+json");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse a zip bomb").isLessThan(5000);
        TestIdentity.as(token).contentType("application/vnd.ms-excel.sheet.macroEnabled.12").body(macros).when()
            .post("/api/v1/measurements/workbook").then().statusCode(415);
        TestIdentity.as(reporter("org-a")).queryParam("organisation", "org-b").when().get("/api/v1/plans/" + PLAN + "/workbook").then()
            .statusCode(403).body("violations[0].field", equalTo("organisation"));
        given().queryParam("fiscalYear", 2030).when().get("/api/v1/plans/" + PLAN + "/workbook").then().statusCode(400)
            .body("violations[0].field", equalTo("fiscalYear"));
    }
}
