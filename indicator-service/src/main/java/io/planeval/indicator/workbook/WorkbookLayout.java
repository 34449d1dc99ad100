package io.planeval.indicator.workbook;

import java.util.List;
import java.util.Map;

import io.planeval.contracts.Vocabulary.MeasurementStatus;

/**
 * The reporters' workbook as both its writer and its reader know it: one sheet of indicators to report, one column
 * per field, and a hidden sheet naming the plan and fiscal year it was made for.
 */
final class WorkbookLayout {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The sheet a department fills in, and the one refusals name ({@code 報告!F12}). */
    static final String SHEET = "報告";
    /** The hidden sheet with the plan and year the workbook was made for. */
    static final String ABOUT = "planeval";
    static final String FORMAT = "planeval-reporting-workbook-1";

    static final int CODE = 0;
    static final int NAME = 1;
    static final int UNIT = 2;
    static final int TARGET = 3;
    static final int LAST_YEAR = 4;
    static final int VALUE = 5;
    static final int STATUS = 6;
    static final int EXPECTED_DATE = 7;
    static final int NOTE = 8;
    static final int CORRECTION_REASON = 9;
    /** The member a row is for (dimension=member), on a municipality's rows of a broken-down indicator; empty otherwise. */
    static final int MEMBER = 10;

    static final List<String> HEADINGS = List.of("指標コード", "指標名", "単位", "目標値", "前年度実績", "実績値（達成・未達成）",
        "状況", "確定予定日", "備考", "訂正理由", "区分");

    /** The statuses as the drop-down list offers them. */
    static final Map<String, MeasurementStatus> STATUSES = Map.of(
        "速報値", MeasurementStatus.PRELIMINARY, "確定値", MeasurementStatus.FINAL, "集計中", MeasurementStatus.BEING_TALLIED);
    static final List<String> STATUS_CHOICES = List.of("確定値", "速報値", "集計中");

    /** The column a measurement's field is read from: what a refusal of that field names. */
    static final Map<String, Integer> FIELD_COLUMNS = Map.ofEntries(Map.entry("indicatorCode", CODE), Map.entry("value", VALUE),
        Map.entry("outcome", VALUE), Map.entry("status", STATUS), Map.entry("expectedDate", EXPECTED_DATE), Map.entry("note", NOTE),
        Map.entry("correctionReason", CORRECTION_REASON), Map.entry("fiscalYear", VALUE), Map.entry("planCode", CODE),
        Map.entry("members", MEMBER), Map.entry("members.municipality", MEMBER));

    private WorkbookLayout() {
    }

    /** A cell's A1 reference on the reporting sheet: column index from 0, row number from 1. */
    static String cell(int column, int row) {
        return SHEET + "!" + (char) ('A' + column) + row;
    }
}
