package io.planeval.evaluation.members;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.WholeFigure;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.support.http.Page;

/** A broken-down indicator's members for a fiscal year as of a moment, a page at a time, with the whole they make. */
@Schema(name = "MemberPage")
public record MemberPage(
    String planCode,
    String indicatorCode,
    String name,
    String unit,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(description = "Its dimensions (code and name), in order") List<Dimension> dimensions,
    WholeFigure whole,
    Aggregation aggregation,
    @Schema(description = "Every cell (one member of every dimension)", example = "35") int expected,
    @Schema(description = "The cells with a counted figure for the year", example = "34") int reported,
    @Schema(description = "The indicator's own result: its figure (derived or reported), with its members' aggregate in the working")
    IndicatorResult result,
    @Schema(description = "Every cell in the order asked for; missing ones have reported = false") List<MemberResult> items,
    @Schema(description = Page.NEXT_CURSOR) String nextCursor) {

    @Schema(name = "MemberDimension")
    public record Dimension(String code, String name) {
        static Dimension of(IndicatorChanged.Dimension d) {
            return new Dimension(d.code(), d.name());
        }
    }
}
