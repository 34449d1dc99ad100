package io.planeval.evaluation.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.support.fiscal.FiscalYears;

/** What the dashboard's templates show besides the API's own answers. */
final class Views {

    private Views() {
    }

    /**
     * A page's surroundings: its language, title, trail, the link to the other language, the stream that keeps it
     * live, who signed in (null: nobody) and where to sign in.
     */
    record Chrome(String lang, String title, List<Crumb> crumbs, String self, String otherLanguage, String stream, String user,
                  String signIn) {
    }

    record Crumb(String label, String href) {
    }

    /** Working days to the due date (left) or past it (past), one of them 0; absent beyond the holiday list. */
    record Due(int left, int past) {

        static Due of(Integer workingDaysToDue) {
            return workingDaysToDue == null ? null : new Due(Math.max(workingDaysToDue, 0), Math.max(-workingDaysToDue, 0));
        }
    }

    /** A plan in the list; {@code restricted}: not open data, shown to a signed-in reader only. */
    record PlanLink(String code, String title, String years, String href, boolean restricted) {
    }

    record YearOption(int year, String label, boolean selected) {
    }

    /** The form that picks a page's fiscal year and moment ({@code dashboard/ask}), sent to {@code action}. */
    record YearForm(String action, String lang, List<YearOption> years, String asOf) {
    }

    /** A reported figure as the history lists it; {@code review} null where the plan asked for none. */
    record Revision(String fiscalYear, int revision, String value, MeasurementStatus status, String recordedAt, String recordedBy,
                    ReviewState review) {
    }

    record Milestone(String fiscalYear, String value) {
    }

    /** An indicator's definition as the page shows it. */
    record Definition(IndicatorKind kind, String unit, String baseline, String target, List<Milestone> milestones, Method method,
                      Direction direction) {
    }

    /** What the reader asked for: language, fiscal year and moment, carried from page to page. */
    record Ask(String lang, Integer fiscalYear, String asOf) {

        static Ask of(String lang, Integer fiscalYear, String asOf) {
            return new Ask("en".equals(lang) ? "en" : "ja", fiscalYear, asOf == null || asOf.isBlank() ? null : asOf);
        }

        Locale locale() {
            return Locale.forLanguageTag(lang);
        }

        boolean live() {
            return asOf == null;
        }

        /** The query that keeps what was asked: "?fiscalYear=2024&lang=en". */
        String query() {
            return query(lang);
        }

        String query(String language) {
            List<String> parts = new ArrayList<>();
            if (fiscalYear != null) {
                parts.add("fiscalYear=" + fiscalYear);
            }
            if (asOf != null) {
                parts.add("asOf=" + encode(asOf));
            }
            if (!"ja".equals(language)) {
                parts.add("lang=" + language);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        String otherLanguage() {
            return "ja".equals(lang) ? "en" : "ja";
        }

        /** An aside as the page's language writes it: （令和6年度）, (FY2024). */
        String inParentheses(String text) {
            return "ja".equals(lang) ? "（" + text + "）" : " (" + text + ")";
        }

        /** A fiscal year as the page's language writes it: 令和6年度, FY2024. */
        String year(int fiscalYear) {
            return "ja".equals(lang) ? FiscalYears.label(fiscalYear) : "FY" + fiscalYear;
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
