package io.planeval.indicator.workbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.indicator.measurements.MeasurementInput;
import io.planeval.indicator.measurements.MeasurementService;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/**
 * A reporting workbook posted back, read as Japanese offices fill in Excel: numbers typed as numbers or as text,
 * full-width digits, thousands separators, a trailing ％, dates as serials or text, empty rows between. What cannot be
 * read without guessing is refused with its cell ({@code 報告!F12}); a workbook that is encrypted, macro-enabled, links
 * other files, or unpacks beyond a bound is refused before any row is read.
 */
public final class WorkbookMeasurements {

    /** The rows read, each with the sheet row (from 1) it came from. */
    public record Parsed(List<MeasurementService.Row> rows, List<Integer> sheetRows) {
    }

    static {
        // Bounded unpacking, for every workbook this service opens: a part may not inflate beyond 100 times its size
        // (a zip bomb's ratio is far higher), nor beyond 100 MiB, and a package may hold at most 1,000 parts.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,100}(\\.[0-9]{1,100})?");
    private static final Pattern SLASHED = Pattern.compile("([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})");
    /** How a refusal of a workbook row names a field before it is turned into a cell: 報告!12|value. */
    private static final Pattern ROW_FIELD = Pattern.compile(Pattern.quote(WorkbookLayout.SHEET) + "!([0-9]+)\\|(.+)");

    private WorkbookMeasurements() {
    }

    public static Parsed parse(byte[] bytes) {
        if (bytes.length >= OLE2.length && Arrays.equals(bytes, 0, OLE2.length, OLE2, 0, OLE2.length)) {
            throw ProblemException.invalid("body", "is an encrypted workbook or an old .xls: save it as an unprotected .xlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.isMacroEnabled()) {
                throw ProblemException.invalid("body", "is a macro-enabled workbook: save it as .xlsx, without macros");
            }
            if (!workbook.getExternalLinksTable().isEmpty()) {
                throw ProblemException.invalid("body", "links other workbooks: paste their values in and post it again");
            }
            XSSFSheet about = workbook.getSheet(WorkbookLayout.ABOUT);
            XSSFSheet sheet = workbook.getSheet(WorkbookLayout.SHEET);
            if (about == null || sheet == null || !WorkbookLayout.FORMAT.equals(text(about.getRow(0), 0))) {
                throw ProblemException.invalid("body", "is not a reporting workbook of planeval: download one with GET "
                    + "/api/v1/plans/{planCode}/workbook and fill that in");
            }
            String planCode = text(about.getRow(1), 0);
            Integer fiscalYear = about.getRow(2) == null || about.getRow(2).getCell(0) == null ? null
                : (int) about.getRow(2).getCell(0).getNumericCellValue();
            return rows(sheet, planCode, fiscalYear);
        } catch (ProblemException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw ProblemException.invalid("body", "is encrypted: save it as an unprotected .xlsx");
        } catch (Exception e) {
            throw ProblemException.invalid("body", "cannot be read as an .xlsx workbook: " + Text.excerpt(String.valueOf(e.getMessage())));
        }
    }

    private static Parsed rows(XSSFSheet sheet, String planCode, Integer fiscalYear) {
        List<MeasurementService.Row> rows = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row)) {
                continue;
            }
            int number = r + 1;
            String code = text(row, WorkbookLayout.CODE);
            if (code == null) {
                violations.add(new Violation(WorkbookLayout.cell(WorkbookLayout.CODE, number), "is empty: the row's indicator code was removed"));
                continue;
            }
            Reader reader = new Reader(row, number, violations);
            String valueText = reader.text(WorkbookLayout.VALUE);
            Outcome outcome = outcome(valueText);
            BigDecimal value = outcome == null ? reader.number(WorkbookLayout.VALUE, valueText) : null;
            MeasurementStatus status = reader.status();
            MeasurementInput input = new MeasurementInput(planCode, code, fiscalYear, null, null, value, outcome, status,
                reader.date(WorkbookLayout.EXPECTED_DATE), null, null, reader.text(WorkbookLayout.NOTE),
                reader.text(WorkbookLayout.CORRECTION_REASON), reader.members());
            rows.add(new MeasurementService.Row(planCode, code, input));
            sheetRows.add(number);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "has no figure filled in: write this year's values in column F (and a status in G)");
        }
        return new Parsed(rows, sheetRows);
    }

    /** How a refusal names row i's field ({@code 報告!12|value}), turned into its cell by {@link #cells}. */
    public static String rowPrefix(Parsed parsed, int i) {
        return WorkbookLayout.SHEET + "!" + parsed.sheetRows().get(i) + "|";
    }

    /** The refusal with each of its rows' fields named as the cell it was read from ({@code 報告!F12}). */
    public static ProblemException cells(ProblemException refusal) {
        if (refusal.problem().violations() == null || refusal.problem().violations().isEmpty()) {
            return refusal;
        }
        List<Violation> named = refusal.problem().violations().stream().map(v -> {
            Matcher m = ROW_FIELD.matcher(v.field());
            return m.matches() ? new Violation(WorkbookLayout.cell(WorkbookLayout.FIELD_COLUMNS.getOrDefault(m.group(2), WorkbookLayout.VALUE),
                Integer.parseInt(m.group(1))), v.reason()) : v;
        }).toList();
        return refusal.problem().status() == 403 ? ProblemException.forbidden(named) : ProblemException.invalid(named);
    }

    private static boolean blank(Row row) {
        for (int c = WorkbookLayout.VALUE; c <= WorkbookLayout.CORRECTION_REASON; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "達成", "achieved" -> Outcome.ACHIEVED;
            case "未達成", "not_achieved" -> Outcome.NOT_ACHIEVED;
            default -> null;
        };
    }

    private static String text(Row row, int column) {
        if (row == null || row.getCell(column) == null) {
            return null;
        }
        Cell cell = row.getCell(column);
        String text = switch (cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The cells of one row, each read or refused with its reference. */
    private record Reader(Row row, int number, List<Violation> violations) {

        String text(int column) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.FORMULA && !((XSSFCell) cell).getCTCell().isSetV()) {
                refuse(column, "has a formula whose value was never saved: open the workbook in Excel and save it, or type the value");
                return null;
            }
            if (cell != null && cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR) {
                refuse(column, "has a formula that gives an error");
                return null;
            }
            String text = WorkbookMeasurements.text(row, column);
            if (text != null && Text.fault(text) != null) {
                refuse(column, Text.fault(text));
                return null;
            }
            return text;
        }

        /** The members the row is for, as its member column names them (dimension=member;…); none for the indicator's own row. */
        Map<String, String> members() {
            String key = text(WorkbookLayout.MEMBER);
            if (key == null) {
                return null;
            }
            try {
                return MemberKeys.members(key);
            } catch (IllegalArgumentException e) {
                refuse(WorkbookLayout.MEMBER, "'" + Text.excerpt(key) + "' " + e.getMessage());
                return null;
            }
        }

        /** A number as typed (the cell's text, read): a numeric cell, or text with full-width digits, grouped thousands or a trailing ％. */
        BigDecimal number(int column, String text) {
            Cell cell = row.getCell(column);
            if (text == null) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                return new BigDecimal(text);
            }
            String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", "");
            if (normal.endsWith("%")) {
                normal = normal.substring(0, normal.length() - 1);
            }
            if (GROUPED.matcher(normal).matches()) {
                normal = normal.replace(",", "");
            }
            if (!DECIMAL.matcher(normal).matches()) {
                refuse(column, "'" + Text.excerpt(text) + "' is not a number (or 達成 / 未達成 for a qualitative indicator)");
                return null;
            }
            return new BigDecimal(normal);
        }

        MeasurementStatus status() {
            String text = text(WorkbookLayout.STATUS);
            if (text == null) {
                refuse(WorkbookLayout.STATUS, "is empty: choose 確定値, 速報値 or 集計中");
                return null;
            }
            MeasurementStatus status = WorkbookLayout.STATUSES.get(text);
            if (status == null) {
                status = Vocabulary.parse(MeasurementStatus.class, text.toLowerCase(Locale.ROOT)).orElse(null);
            }
            if (status == null) {
                refuse(WorkbookLayout.STATUS, "'" + Text.excerpt(text) + "' is not a status: choose 確定値, 速報値 or 集計中");
            }
            return status;
        }

        /** A date as a date cell (a serial number) or as text 2025-09-30 or 2025/9/30. */
        LocalDate date(int column) {
            Cell cell = row.getCell(column);
            String text = text(column);
            if (text == null) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
            }
            String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
            try {
                Matcher slashed = SLASHED.matcher(normal);
                return slashed.matches() ? LocalDate.of(Integer.parseInt(slashed.group(1)), Integer.parseInt(slashed.group(2)),
                    Integer.parseInt(slashed.group(3))) : LocalDate.parse(normal, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeException e) {
                refuse(column, "'" + Text.excerpt(text) + "' is not a date such as 2025/9/30");
                return null;
            }
        }

        private void refuse(int column, String reason) {
            violations.add(new Violation(WorkbookLayout.cell(column, number), reason));
        }
    }
}
