package io.planeval.evaluation.pack;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.planeval.evaluation.chart.ChartPicture;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.support.fiscal.FiscalYears;

/** The pack written in each format from one content: PDF (laid out from the pack template), PowerPoint and Excel. */
final class PackWriters {

    static final String FONT_FAMILY = "IPAexGothic";

    private PackWriters() {
    }

    /** The PDF from the template's XHTML, the font embedded (a subset of it), so it prints the same everywhere. */
    static byte[] pdf(String xhtml, File font) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the committee pack as PDF", e);
        }
    }

    /** The committee table and every indicator, one sheet per goal, numbers as numbers (percent to 10 places). */
    static byte[] xlsx(PackContent pack) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            XSSFSheet summary = workbook.createSheet("KPI達成状況");
            header(summary, bold, List.of("目標", "目標名", "達成", "未達成", "集計中", "目標なし", "計", "KPI達成率（%）", "KGI達成度（%）"));
            int r = 1;
            for (NodeReport goal : pack.goals()) {
                Row row = summary.createRow(r++);
                row.createCell(0).setCellValue(goal.label());
                row.createCell(1).setCellValue(goal.title());
                row.createCell(2).setCellValue(goal.kpis().achieved());
                row.createCell(3).setCellValue(goal.kpis().notAchieved());
                row.createCell(4).setCellValue(goal.kpis().beingTallied());
                row.createCell(5).setCellValue(goal.kpis().noTarget());
                row.createCell(6).setCellValue(goal.kpis().total());
                if (goal.kpiAchievementRate() != null) {
                    row.createCell(7).setCellValue(goal.kpiAchievementRate().percent().doubleValue());
                }
                if (goal.kgiAttainment() != null) {
                    row.createCell(8).setCellValue(goal.kgiAttainment().percent().doubleValue());
                }
            }
            Row note = summary.createRow(r + 1);
            note.createCell(0).setCellValue(pack.report().planTitle() + " " + pack.report().fiscalYearLabel() + "（" + pack.asOfLabel() + "時点）"
                + (pack.tallyingNote() == null ? "" : " " + pack.tallyingNote()));
            for (NodeReport goal : pack.goals()) {
                XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(goal.label() == null ? goal.code() : goal.label()));
                header(sheet, bold, List.of("指標コード", "指標名", "種別", "単位", "年度", "年度（和暦）", "目標値", "目標（定性）", "実績値",
                    "実績（定性）", "達成度（%）", "状況", "要因分析", "改善策"));
                int i = 1;
                for (IndicatorResult result : pack.indicatorsByGoal().getOrDefault(goal.code(), List.of())) {
                    Row row = sheet.createRow(i++);
                    row.createCell(0).setCellValue(result.code());
                    row.createCell(1).setCellValue(result.name());
                    row.createCell(2).setCellValue(result.kind().name());
                    row.createCell(3).setCellValue(result.unit() == null ? "" : result.unit());
                    row.createCell(4).setCellValue(result.fiscalYear());
                    row.createCell(5).setCellValue(FiscalYears.label(result.fiscalYear()));
                    var target = result.working().target();
                    if (target != null && target.value() != null) {
                        row.createCell(6).setCellValue(target.value().doubleValue());
                    }
                    if (target != null && target.text() != null) {
                        row.createCell(7).setCellValue(target.text());
                    }
                    var actual = result.working().actual();
                    if (actual != null && actual.value() != null) {
                        row.createCell(8).setCellValue(actual.value().doubleValue());
                    }
                    if (actual != null && actual.outcome() != null) {
                        row.createCell(9).setCellValue(Figures.actual(result));
                    }
                    if (result.attainment() != null) {
                        row.createCell(10).setCellValue(result.attainment().percent().doubleValue());
                    }
                    row.createCell(11).setCellValue(result.statusLabel());
                    if (result.causes() != null) {
                        row.createCell(12).setCellValue(result.causes());
                    }
                    if (result.actions() != null) {
                        row.createCell(13).setCellValue(result.actions());
                    }
                }
                sheet.setColumnWidth(1, 50 * 256);
                sheet.createFreezePane(2, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the committee pack as Excel", e);
        }
    }

    /** The slides: a cover, then per goal its KPI status, KGIs, highlights and written evaluation, as editable text. */
    static byte[] pptx(PackContent pack) {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.setPageSize(new Dimension(960, 540));
            XSLFSlide cover = show.createSlide();
            text(cover, pack.name(), 60, 150, 840, 60, 32.0, true);
            text(cover, pack.report().planTitle() + "\n" + pack.report().fiscalYearLabel() + "の評価（" + pack.asOfLabel() + "時点）"
                + (pack.tallyingNote() == null ? "" : "\n" + pack.tallyingNote()), 60, 230, 840, 120, 20.0, false);
            for (NodeReport goal : pack.goals()) {
                XSLFSlide slide = show.createSlide();
                text(slide, goal.label() + " " + goal.title(), 30, 20, 900, 40, 24.0, true);
                text(slide, "KPI達成状況：達成 " + goal.kpis().achieved() + "　未達成 " + goal.kpis().notAchieved() + "　集計中 "
                    + goal.kpis().beingTallied() + "　目標なし " + goal.kpis().noTarget() + "　計 " + goal.kpis().total()
                    + "\nKPI達成率 " + (goal.kpiAchievementRate() == null ? "–" : goal.kpiAchievementRate().display())
                    + "　KGI達成度 " + (goal.kgiAttainment() == null ? "集計中" : goal.kgiAttainment().display()), 30, 70, 900, 50, 16.0, false);
                XSLFTable table = slide.createTable();
                table.setAnchor(new Rectangle2D.Double(30, 130, 900, 30));
                row(table, List.of("KGI", "目標", "実績", "達成度", "状況"), true);
                for (IndicatorResult kgi : goal.kgis()) {
                    row(table, List.of(kgi.name(), Figures.target(kgi), Figures.actual(kgi), Figures.attainment(kgi), kgi.statusLabel()), false);
                }
                table.setColumnWidth(0, 380);
                for (int c = 1; c < 5; c++) {
                    table.setColumnWidth(c, 130);
                }
                StringBuilder words = new StringBuilder();
                if (goal.narrative() != null) {
                    if (goal.narrative().highlights() != null && !goal.narrative().highlights().isEmpty()) {
                        words.append("主な成果\n");
                        goal.narrative().highlights().forEach(line -> words.append("・").append(line).append('\n'));
                    }
                    words.append("評価\n").append(goal.narrative().evaluation());
                }
                if (!words.isEmpty()) {
                    text(slide, words.toString(), 30, 150 + 30 * (goal.kgis().size() + 1), 900, 200, 12.0, false);
                }
                chartSlides(show, goal, pack);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the committee pack as PowerPoint", e);
        }
    }

    /** Width in points of a KGI's chart on a slide: two side by side. */
    private static final double SLIDE_CHART_WIDTH = 440;
    private static final int CHARTS_PER_SLIDE = 4;

    /** The goal's KGI charts, four to a slide: each its picture with its labels as text boxes over it. */
    private static void chartSlides(XMLSlideShow show, NodeReport goal, PackContent pack) {
        List<IndicatorResult> charted = pack.chartedKgis(goal);
        for (int first = 0; first < charted.size(); first += CHARTS_PER_SLIDE) {
            XSLFSlide slide = show.createSlide();
            text(slide, goal.label() + " " + goal.title() + "：KGIの推移", 30, 15, 900, 36, 20.0, true);
            List<IndicatorResult> kgis = charted.subList(first, Math.min(charted.size(), first + CHARTS_PER_SLIDE));
            for (int i = 0; i < kgis.size(); i++) {
                ChartPicture picture = pack.chart(kgis.get(i).code());
                double scale = SLIDE_CHART_WIDTH / picture.width();
                double x = 30 + (i % 2) * (SLIDE_CHART_WIDTH + 20);
                double y = 60 + (i / 2) * (picture.height() * scale + 40);
                text(slide, kgis.get(i).name(), x, y, SLIDE_CHART_WIDTH, 22, 12.0, true);
                XSLFPictureShape image = slide.createPicture(show.addPicture(picture.png(), PictureData.PictureType.PNG));
                image.setAnchor(new Rectangle2D.Double(x, y + 24, SLIDE_CHART_WIDTH, picture.height() * scale));
                for (ChartPicture.Label label : picture.labels()) {
                    XSLFTextBox box = text(slide, label.text(), x + label.left() * scale, y + 24 + label.top() * scale, label.width() * scale,
                        ChartPicture.LABEL_HEIGHT * scale, ChartPicture.LABEL_SIZE * scale, false);
                    box.setInsets(new Insets2D(0, 0, 0, 0));
                    box.getTextParagraphs().forEach(p -> p.setTextAlign(label.align() == ChartPicture.Align.RIGHT
                        ? TextParagraph.TextAlign.RIGHT : TextParagraph.TextAlign.CENTER));
                }
            }
            text(slide, pack.chartLegend(), 30, 500, 900, 24, 11.0, false);
        }
    }

    private static void header(XSSFSheet sheet, CellStyle bold, List<String> headings) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headings.size(); c++) {
            row.createCell(c).setCellValue(headings.get(c));
            row.getCell(c).setCellStyle(bold);
        }
    }

    private static XSLFTextBox text(XSLFSlide slide, String text, double x, double y, double width, double height, double size, boolean bold) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new Rectangle2D.Double(x, y, width, height));
        box.clearText();
        String[] lines = text.split("\n", -1);
        for (String line : lines) {
            var run = box.addNewTextParagraph().addNewTextRun();
            run.setText(line);
            run.setFontSize(size);
            run.setBold(bold);
            run.setFontFamily(FONT_FAMILY);
        }
        return box;
    }

    private static void row(XSLFTable table, List<String> cells, boolean heading) {
        XSLFTableRow row = table.addRow();
        for (String cell : cells) {
            var run = row.addCell().addNewTextParagraph().addNewTextRun();
            run.setText(cell);
            run.setFontSize(12.0);
            run.setBold(heading);
            run.setFontFamily(FONT_FAMILY);
        }
    }
}
