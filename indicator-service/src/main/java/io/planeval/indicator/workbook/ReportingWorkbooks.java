package io.planeval.indicator.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
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
import io.planeval.indicator.indicators.CodeLists;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.members.MemberKeys;
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
        List<SheetRow> rows = new ArrayList<>(indicators.stream().map(i -> new SheetRow(i, MemberKeys.WHOLE, i.name)).toList());
        rows.addAll(municipalityRows(planCode, plan, scope));
        return write(plan, year, rows, lastYear(rows, year - 1));
    }

    /** A row of the sheet: an indicator's own figure (member key empty), or a municipality's part of it. */
    private record SheetRow(Indicator indicator, String memberKey, String name) {
    }

    /**
     * A municipality's rows: its own part of each indicator broken down by municipality alone (a cell is then one
     * municipality), named with the municipality.
     */
    private List<SheetRow> municipalityRows(String planCode, KnownPlan plan, String organisation) {
        if (organisation == null || CodeLists.builtIn(CodeLists.MUNICIPALITY).orElseThrow().members().get(organisation) == null) {
            return List.of();
        }
        return entityManager.createQuery("FROM Indicator WHERE planCode = :plan AND breakdown IS NOT NULL ORDER BY code", Indicator.class)
            .setParameter("plan", planCode)
            .getResultList().stream()
            .filter(i -> plan.nodeCodes.contains(i.nodeCode) && i.formula == null && i.breakdown.dimensions().size() == 1)
            .flatMap(i -> i.breakdown.dimensions().get(0).members().stream()
                .filter(m -> CodeLists.MUNICIPALITY.equals(i.breakdown.dimensions().get(0).code()) && m.code().equals(organisation))
                .map(m -> new SheetRow(i, MemberKeys.key(Map.of(CodeLists.MUNICIPALITY, m.code())), i.name + "（" + m.name() + "）")))
            .toList();
    }

    /** Each row's whole-year figure in force for the year, as the sheet shows it: a number, or 達成/未達成; by row key. */
    private Map<String, Object> lastYear(List<SheetRow> sheetRows, int year) {
        Map<String, Object> figures = new HashMap<>();
        if (sheetRows.isEmpty()) {
            return figures;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT ON (m.indicator_id, m.member_key) m.indicator_id, m.member_key, m.value, m.outcome
                FROM measurement m JOIN unnest(CAST(:ids AS bigint[]), CAST(:keys AS text[])) AS r (id, member_key)
                  ON r.id = m.indicator_id AND r.member_key = m.member_key
                WHERE m.fiscal_year = :year AND m.quarter IS NULL AND m.month IS NULL AND m.review = 'approved'
                ORDER BY m.indicator_id, m.member_key, m.revision DESC""")
            .setParameter("ids", sheetRows.stream().map(r -> r.indicator().id).toArray(Long[]::new))
            .setParameter("keys", sheetRows.stream().map(SheetRow::memberKey).toArray(String[]::new))
            .setParameter("year", year)
            .getResultList();
        for (Object[] row : rows) {
            Object figure = row[2] != null ? row[2] : "achieved".equals(row[3]) ? "達成" : "not_achieved".equals(row[3]) ? "未達成" : null;
            if (figure != null) {
                figures.put(((Number) row[0]).longValue() + "/" + row[1], figure);
            }
        }
        return figures;
    }

    private static byte[] write(KnownPlan plan, int year, List<SheetRow> rows, Map<String, Object> lastYear) {
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
            for (SheetRow sheetRow : rows) {
                Indicator indicator = sheetRow.indicator();
                Row row = sheet.createRow(r++);
                row.createCell(WorkbookLayout.CODE).setCellValue(indicator.code);
                row.createCell(WorkbookLayout.NAME).setCellValue(sheetRow.name());
                if (!sheetRow.memberKey().isEmpty()) {
                    row.createCell(WorkbookLayout.MEMBER).setCellValue(sheetRow.memberKey());
                }
                row.createCell(WorkbookLayout.UNIT).setCellValue(Objects.toString(indicator.unit, ""));
                BigDecimal target = targetOf(indicator, year);
                if (target != null) {
                    row.createCell(WorkbookLayout.TARGET).setCellValue(target.doubleValue());
                } else if (indicator.targetText != null && Objects.equals(indicator.targetFiscalYear, year)) {
                    row.createCell(WorkbookLayout.TARGET).setCellValue(indicator.targetText);
                }
                Object last = lastYear.get(indicator.id + "/" + sheetRow.memberKey());
                if (last instanceof BigDecimal number) {
                    row.createCell(WorkbookLayout.LAST_YEAR).setCellValue(number.doubleValue());
                } else if (last != null) {
                    row.createCell(WorkbookLayout.LAST_YEAR).setCellValue(last.toString());
                }
                for (int c = WorkbookLayout.VALUE; c <= WorkbookLayout.CORRECTION_REASON; c++) {
                    row.createCell(c).setCellStyle(editable);
                }
            }
            if (!rows.isEmpty()) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation statuses = helper.createValidation(
                    helper.createExplicitListConstraint(WorkbookLayout.STATUS_CHOICES.toArray(String[]::new)),
                    new CellRangeAddressList(1, rows.size(), WorkbookLayout.STATUS, WorkbookLayout.STATUS));
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
