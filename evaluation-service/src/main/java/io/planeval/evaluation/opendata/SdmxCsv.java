package io.planeval.evaluation.opendata;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.support.csv.CsvCells;
import io.planeval.support.members.MemberKeys;

/**
 * An open-data plan's figures as SDMX-CSV 2.0 (media type {@value #MEDIA_TYPE}): one observation per indicator, cell
 * and fiscal year with a figure. Dimensions INDICATOR, REF_AREA (a municipality's 全国地方公共団体コード), SEX and AGE
 * (SDMX CL_SEX, CL_AGE codes), one column per dimension of the plan's own, and TIME_PERIOD; {@code _T} (total) where
 * an observation is not broken down by the dimension. Fiscal years are SDMX reporting years ({@code 2024-A1}) starting
 * on the day REPORTING_YEAR_START_DAY gives ({@code --04-01}).
 */
final class SdmxCsv {

    static final String MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0";
    static final String TOTAL = "_T";
    /** The shipped code lists' dimensions and the SDMX cross-domain concepts they are. */
    static final Map<String, String> STANDARD = Map.of("municipality", "REF_AREA", "sex", "SEX", "age", "AGE");

    private SdmxCsv() {
    }

    /** One observation: an indicator's whole (members empty) or a cell's figure, with its result for the year. */
    record Observation(String indicatorCode, String unit, Map<String, String> members, int fiscalYear, Actual figure,
                       Evaluation evaluation) {
    }

    static byte[] write(String planCode, List<Observation> observations) {
        TreeSet<String> own = new TreeSet<>();
        observations.forEach(o -> o.members().keySet().stream().filter(d -> !STANDARD.containsKey(d)).forEach(own::add));
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REF_AREA", "SEX", "AGE"));
        own.forEach(d -> header.add(concept(d)));
        header.addAll(List.of("TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "EVALUATION", "ATTAINMENT_PERCENT",
            "REPORTING_YEAR_START_DAY"));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        List<Observation> sorted = observations.stream().sorted(Comparator.comparing(Observation::indicatorCode)
            .thenComparing(o -> MemberKeys.key(o.members())).thenComparing(Observation::fiscalYear)).toList();
        for (Observation o : sorted) {
            List<String> cells = new ArrayList<>(List.of("dataflow", "PLANEVAL:" + planCode + "(1.0)", "I", o.indicatorCode()));
            STANDARD.entrySet().stream().sorted(Comparator.comparing(e -> header.indexOf(e.getValue())))
                .forEach(e -> cells.add(o.members().getOrDefault(e.getKey(), TOTAL)));
            own.forEach(d -> cells.add(o.members().getOrDefault(d, TOTAL)));
            cells.add(o.fiscalYear() + "-A1");
            cells.add(CsvCells.number(o.figure().value()));
            cells.add(o.unit());
            // SDMX CL_OBS_STATUS: A normal value, P provisional value.
            cells.add(o.figure().status() == MeasurementStatus.FINAL ? "A" : "P");
            cells.add(Vocabulary.wire(o.evaluation().status()));
            cells.add(o.evaluation().attainment() == null ? null : o.evaluation().attainment().setScale(4, RoundingMode.HALF_UP).toPlainString());
            cells.add("--04-01");
            csv.append(String.join(",", cells.stream().map(CsvCells::text).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A plan's own dimension as a column: its code in capitals, as SDMX concepts are written. */
    static String concept(String dimension) {
        return dimension.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** Whether a figure is an observation: counted, with a value. */
    static boolean observed(Actual figure) {
        return figure != null && figure.hasValue();
    }
}
