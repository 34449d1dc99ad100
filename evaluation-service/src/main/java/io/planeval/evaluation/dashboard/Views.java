package io.planeval.evaluation.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Locale;

import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.evaluation.report.Rate;
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

    /**
     * The form that picks a page's fiscal year and moment ({@code dashboard/ask}), sent to {@code action}: the moment's
     * day in the date field, and the moment as asked beside it (null: the latest).
     */
    record YearForm(String action, String lang, List<YearOption> years, String asOfDay, String asOfShown) {
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

    /**
     * How a rate moved from the year before: up, down or same, with the earlier figure for those who read it in words
     * (the arrow alone is decoration).
     */
    record Trend(String direction, String arrow, String previous) {

        /** The movement from {@code before} to {@code now}; null where either year has no rate. */
        static Trend of(Rate now, Rate before) {
            if (now == null || before == null || now.percent() == null || before.percent() == null) {
                return null;
            }
            int sign = now.percent().compareTo(before.percent());
            return sign > 0 ? new Trend("up", "↑", before.display()) : sign < 0 ? new Trend("down", "↓", before.display())
                : new Trend("same", "→", before.display());
        }

        /** Each goal's (and, under "totals", the whole plan's) movement of one rate between two reports of a plan. */
        static Map<String, Trend> byGoal(PlanReport now, PlanReport before, Function<NodeReport, Rate> rate) {
            Map<String, Trend> trends = new HashMap<>();
            if (before == null) {
                return trends;
            }
            Map<String, NodeReport> earlier = new HashMap<>();
            before.goals().forEach(goal -> earlier.put(goal.code(), goal));
            for (NodeReport goal : now.goals()) {
                NodeReport then = earlier.get(goal.code());
                Trend trend = then == null ? null : of(rate.apply(goal), rate.apply(then));
                if (trend != null) {
                    trends.put(goal.code(), trend);
                }
            }
            Trend whole = of(rate.apply(now.totals()), rate.apply(before.totals()));
            if (whole != null) {
                trends.put("totals", whole);
            }
            return trends;
        }
    }

    /**
     * A goal's share of what changed between two moments: how many of its indicators (and levels' written evaluations)
     * changed, and how many of those became achieved or not achieved.
     */
    record ChangeSummary(String code, String label, String title, int changed, int nowAchieved, int nowNotAchieved) {

        /** One row per goal that has a change, in the plan's order. */
        static List<ChangeSummary> of(PlanChanged.Plan plan, List<Change> changes) {
            Map<String, PlanChanged.Node> byCode = new HashMap<>();
            plan.nodes().forEach(node -> byCode.put(node.code(), node));
            Map<String, int[]> counts = new HashMap<>();
            for (Change change : changes) {
                PlanChanged.Node node = byCode.get(change.nodeCode() != null ? change.nodeCode() : change.code());
                while (node != null && node.parent() != null) {
                    node = byCode.get(node.parent());
                }
                if (node == null) {
                    continue;
                }
                int[] count = counts.computeIfAbsent(node.code(), code -> new int[3]);
                count[0]++;
                EvaluationStatus before = change.from() == null ? null : change.from().status();
                EvaluationStatus after = change.to() == null ? null : change.to().status();
                if (after != before && after == EvaluationStatus.ACHIEVED) {
                    count[1]++;
                } else if (after != before && after == EvaluationStatus.NOT_ACHIEVED) {
                    count[2]++;
                }
            }
            return plan.nodes().stream().filter(node -> node.parent() == null && counts.containsKey(node.code()))
                .sorted(Comparator.comparingInt(PlanChanged.Node::position))
                .map(goal -> new ChangeSummary(goal.code(), goal.label(), goal.title(), counts.get(goal.code())[0],
                    counts.get(goal.code())[1], counts.get(goal.code())[2]))
                .toList();
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
