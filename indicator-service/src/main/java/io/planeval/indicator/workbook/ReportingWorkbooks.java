package io.planeval.indicator.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.planeval.contracts.Vocabulary.WholeFigure;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;

/**
 * The workbook a department fills in: one row per indicator it reports for the plan, with its target and last
 * year's figure beside empty cells for this year's (the status a drop-down of 確定値, 速報値 and 集計中). Only those
 * cells may be edited; the code column is locked, so the workbook posts back to the indicators it was made for.
 */
@ApplicationScoped
public class ReportingWorkbooks {

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] workbook(String planCode, Integer fiscalYear, String organisation) {
        KnownPlan plan = IndicatorService.knownPlan(planCode);
        int year = fiscalYear == null ? plan.lastFiscalYear : fiscalYear;
        if (!plan.covers(year)) {
            throw ProblemException.invalid("fiscalYear", year + " is outside plan " + planCode + " (" + plan.firstFiscalYear + "–"
                + plan.lastFiscalYear + ")");
        }
        boolean anyOrganisation = caller.hasRole(Roles.OPS) || caller.hasRole(Roles.PLAN_ADMIN);
        if (organisation != null && !anyOrganisation && !organisation.equals(caller.organisation())) {
            throw ProblemException.forbidden(List.of(new Violation("organisation", "a reporter's workbook holds its own organisation's "
                + "indicators (" + caller.organisation() + ")")));
        }
        String scope = anyOrganisation ? organisation : caller.organisation();
        List<Indicator> indicators = entityManager.createQuery("""
                FROM Indicator WHERE planCode = :plan AND (:organisation IS NULL OR organisation = :organisation)
                ORDER BY code""", Indicator.class)
            .setParameter("plan", planCode)
            .setParameter("organisation", scope)
            .getResultList().stream()
            .filter(i -> plan.nodeCodes.contains(i.nodeCode))
            // A derived whole is made from its members' figures, which the sheet's one row per indicator cannot hold; a
            // computed figure from other indicators'.
            .filter(i -> i.breakdown == null || i.breakdown.whole() != WholeFigure.DERIVED)
            .filter(i -> i.formula == null)
            .toList();
        return write(plan, year, indicators, lastYear(indicators, year - 1));
    }

    /** Each indicator's whole-year figure in force for the year, as the sheet shows it: a number, or 達成/未達成. */
    private Map<Long, Object> lastYear(List<Indicator> indicators, int year) {
        Map<Long, Object> figures = new HashMap<>();
        if (indicators.isEmpty()) {
            return figures;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT ON (indicator_id) indicator_id, value, outcome FROM measurement
                WHERE indicator_id = ANY(CAST(:ids AS bigint[])) AND fiscal_year = :year AND quarter IS NULL AND month IS NULL
                  AND review = 'approved' AND member_key = ''
                ORDER BY indicator_id, revision DESC""")
            .setParameter("ids", indicators.stream().map(i -> i.id).toArray(Long[]::new))
            .setParameter("year", year)
            .getResultList();
        for (Object[] row : rows) {
            Object figure = row[1] != null ? row[1] : "achieved".equals(row[2]) ? "達成" : "not_achieved".equals(row[2]) ? "未達成" : null;
            if (figure != null) {
                figures.put(((Number) row[0]).longValue(), figure);
            }
        }
        return figures;
    }

    private static byte[] write(KnownPlan plan, int year, List<Indicator> indicators, Map<Long, Object> lastYear) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(WorkbookLayout.SHEET);
            CellStyle editable = workbook.createCellStyle();
            editable.setLocked(false);
            CellStyle heading = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < WorkbookLayout.HEADINGS.size(); c++) {
                header.createCell(c).setCellValue(WorkbookLayout.HEADINGS.get(c) + (c == WorkbookLayout.VALUE ? "（" + FiscalYears.label(year) + "）" : ""));
                header.getCell(c).setCellStyle(heading);
            }
            int r = 1;
            for (Indicator indicator : indicators) {
                Row row = sheet.createRow(r++);
                row.createCell(WorkbookLayout.CODE).setCellValue(indicator.code);
                row.createCell(WorkbookLayout.NAME).setCellValue(indicator.name);
                row.createCell(WorkbookLayout.UNIT).setCellValue(Objects.toString(indicator.unit, ""));
                BigDecimal target = targetOf(indicator, year);
                if (target != null) {
                    row.createCell(WorkbookLayout.TARGET).setCellValue(target.doubleValue());
                } else if (indicator.targetText != null && Objects.equals(indicator.targetFiscalYear, year)) {
                    row.createCell(WorkbookLayout.TARGET).setCellValue(indicator.targetText);
                }
                Object last = lastYear.get(indicator.id);
                if (last instanceof BigDecimal number) {
                    row.createCell(WorkbookLayout.LAST_YEAR).setCellValue(number.doubleValue());
                } else if (last != null) {
                    row.createCell(WorkbookLayout.LAST_YEAR).setCellValue(last.toString());
                }
                for (int c = WorkbookLayout.VALUE; c <= WorkbookLayout.CORRECTION_REASON; c++) {
                    row.createCell(c).setCellStyle(editable);
                }
            }
            if (!indicators.isEmpty()) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation statuses = helper.createValidation(
                    helper.createExplicitListConstraint(WorkbookLayout.STATUS_CHOICES.toArray(String[]::new)),
                    new CellRangeAddressList(1, indicators.size(), WorkbookLayout.STATUS, WorkbookLayout.STATUS));
                statuses.setShowErrorBox(true);
                sheet.addValidationData(statuses);
            }
            for (int c = 0; c < WorkbookLayout.HEADINGS.size(); c++) {
                sheet.setColumnWidth(c, (c == WorkbookLayout.NAME || c >= WorkbookLayout.NOTE ? 40 : 14) * 256);
            }
            sheet.createFreezePane(2, 1);
            // Locked cells are those not marked editable: the codes and what the plan says stay as they were made.
            sheet.protectSheet("");
            XSSFSheet about = workbook.createSheet(WorkbookLayout.ABOUT);
            about.createRow(0).createCell(0).setCellValue(WorkbookLayout.FORMAT);
            about.createRow(1).createCell(0).setCellValue(plan.code);
            about.createRow(2).createCell(0).setCellValue(year);
            workbook.setSheetHidden(workbook.getSheetIndex(about), true);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a reporting workbook", e);
        }
    }

    /** The value the year is judged against: a milestone of the year, or the final target in its year. */
    private static BigDecimal targetOf(Indicator indicator, int year) {
        if (Objects.equals(indicator.targetFiscalYear, year) && indicator.targetValue != null) {
            return indicator.targetValue;
        }
        return indicator.milestones == null ? null : indicator.milestones.stream()
            .filter(m -> Objects.equals(m.fiscalYear(), year)).map(m -> m.value()).findFirst().orElse(null);
    }
}
