package io.planeval.evaluation.dashboard;

import io.planeval.contracts.Vocabulary.ChangeKind;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.forecast.PlanForecast;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The dashboard's words: Japanese here, English in messages/msg_en.properties. Data (titles, names) stay as written. */
@MessageBundle(value = "msg", locale = "ja")
// Templates name a status by its constant ({EvaluationStatus:ACHIEVED}), e.g. for a column heading.
@TemplateData(target = EvaluationStatus.class, namespace = "EvaluationStatus")
// Labels pick a review state's words by its constant's name ({#when state.name}).
@TemplateData(target = ReviewState.class, namespace = "ReviewState")
@TemplateData(target = MeasurementStatus.class, namespace = "MeasurementStatus")
@TemplateData(target = ForecastVerdict.class, namespace = "ForecastVerdict")
@TemplateData(target = ChangeKind.class, namespace = "ChangeKind")
public interface Labels {

    @Message("planeval 評価ダッシュボード")
    String app();

    @Message("計画一覧")
    String plans();

    @Message("公開されている計画")
    String openPlans();

    @Message("公開されている計画はまだありません。")
    String noPlans();

    @Message("年度")
    String fiscalYear();

    @Message("時点")
    String asOf();

    @Message("最新")
    String latest();

    @Message("表示")
    String show();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLang();

    @Message("KPIの達成状況（{year}）")
    String kpiTable(String year);

    @Message("目標")
    String goal();

    @Message("計")
    String total();

    @Message("KPI達成率")
    String kpiRate();

    @Message("KGI達成度")
    String kgiAttainment();

    @Message("未達成のKPI")
    String unachievedKpis();

    @Message("全体")
    String totals();

    @Message("指標")
    String indicator();

    @Message("目標値")
    String target();

    @Message("実績値")
    String actual();

    @Message("達成度")
    String attainment();

    @Message("状況")
    String status();

    /** In Japanese, the label the committee's table, the API and the open data print (EvaluationStatus.label). */
    @Message("{status.label}")
    String statusLabel(EvaluationStatus status);

    @Message("CSVをダウンロード")
    String csv();

    @Message("2時点間の変化")
    String changes();

    @Message("変化した指標はありません。")
    String noChanges();

    @Message("から")
    String from();

    @Message("まで")
    String to();

    @Message("前")
    String before();

    @Message("後")
    String after();

    @Message("下位の階層")
    String children();

    @Message("この階層の指標")
    String ownIndicators();

    @Message("KGI")
    String kgis();

    @Message("種別")
    String kind();

    @Message("単位")
    String unit();

    @Message("基準値")
    String baseline();

    @Message("中間目標")
    String milestones();

    @Message("算定方法")
    String method();

    @Message("算定式")
    String formula();

    @Message("理由")
    String reason();

    @Message("報告の履歴")
    String revisions();

    @Message("版")
    String revision();

    @Message("記録日時")
    String recordedAt();

    @Message("報告者")
    String recordedBy();

    @Message("実績値の推移")
    String chart();

    @Message("実績値（実線）、目標への道筋（破線：基準値・中間目標・目標値）、実績の傾向（点線：最終目標の年度まで）")
    String chartLegend();

    @Message("{name}の実績値の推移と目標への道筋（実績値 / 基準値・中間目標・目標値 / 傾向）：{summary}")
    String chartDescription(String name, String summary);

    @Message("測定値が報告されると、このページは自動で更新されます。")
    String live();

    @Message("過去の時点を表示しています（自動更新なし）。")
    String notLive();

    @Message("この計画は公開されていません（またはありません）。閲覧権限のある方はログインするとすべての計画を見られます。")
    String notPublic();

    @Message("ログイン")
    String signIn();

    @Message("ログアウト")
    String signOut();

    @Message("ページが見つかりません")
    String notFound();

    @Message("評価")
    String evaluation();

    @Message("委員会資料")
    String pack();

    @Message("主な成果")
    String highlights();

    @Message("要因分析")
    String causes();

    @Message("改善策")
    String actions();

    @Message("審査")
    String review();

    // By the constant's name: a vocabulary word's toString() is its wire word.
    @Message("{#when state.name}{#is 'SUBMITTED'}承認待ち{#is 'APPROVED'}承認済み{#else}差し戻し{/when}")
    String reviewLabel(ReviewState state);

    @Message("提出状況")
    String completeness();

    @Message("{year}の実績はまだ報告されていません。")
    String noFiguresYet(String year);

    @Message("非公開（閲覧者のみ）")
    String restricted();

    /** The live notice; the script puts the number of changed rows in place of the asterisk. */
    @Message("最新の数値に更新しました（変わった行：*）")
    String updated();

    @Message("この条件では表示できません")
    String cannotShow();

    @Message("この時点では、この計画はまだ記録されていません")
    String notYetRecorded();

    @Message("この計画が記録された最初の日")
    String earliestMoment();

    @Message("計画の最新の状況へ戻る")
    String backToPlan();

    @Message("構成団体等の数値")
    String members();

    @Message("区分")
    String member();

    @Message("{reported}／{expected}が報告済み")
    String membersReported(int reported, int expected);

    @Message("未報告の区分がある間、全体の数値は集計中です。")
    String membersIncomplete();

    @Message("全体の数値と内訳の集計が一致しません。")
    String membersDisagree();

    @Message("内訳から算出")
    String derivedWhole();

    @Message("報告期限")
    String dueDate();

    @Message("期限まであと{days}営業日")
    String daysLeft(int days);

    @Message("期限を{days}営業日経過")
    String daysPast(int days);

    @Message("本日が期限")
    String dueToday();

    @Message("所管")
    String organisation();

    @Message("対象")
    String expected();

    @Message("確定")
    String reportedFinal();

    @Message("速報値のみ")
    String preliminary();

    @Message("承認待ち")
    String awaitingReview();

    @Message("未報告")
    String missing();

    @Message("期限超過")
    String overdue();

    @Message("所管なし")
    String unassigned();

    @Message("未確定 {count} 件")
    String owes(int count);

    @Message("未報告")
    String notReported();

    @Message("{#when status.name}{#is 'FINAL'}確定値{#is 'PRELIMINARY'}速報値{#else}集計中{/when}")
    String measurementStatus(MeasurementStatus status);

    @Message("承認待ちの報告（集計に含まれていません）：{value}（{revision}版）")
    String pending(String value, int revision);

    @Message("{#when method.name}{#is 'RATIO'}実績値÷目標値{#is 'INVERSE_RATIO'}目標値÷実績値{#is 'PROGRESS_FROM_BASELINE'}基準値からの進捗{#else}達成・未達成の報告{/when}")
    String methodLabel(Method method);

    @Message("{#when direction.name}{#is 'HIGHER_IS_BETTER'}高いほど良い{#is 'LOWER_IS_BETTER'}低いほど良い{#else}定性{/when}")
    String directionLabel(Direction direction);
    @Message("達成見通し")
    String forecast();

    @Message("基準値とその後の年度の実績値を通る回帰直線（最小二乗法）を最終目標の年度まで延ばして判定します。遅れ：目標に届かず、最新の実績値も目標への道筋を下回る。要注意：目標に届かないが、最新の実績値は道筋の上。")
    String forecastMethod();

    @Message("目標別の見通し")
    String forecastByGoal();

    @Message("指標別の見通し（遅れ・要注意が先）")
    String forecastByIndicator();

    @Message("見通し")
    String verdict();

    @Message("{verdict.label}")
    String verdictLabel(ForecastVerdict verdict);

    @Message("最終年度の予測値")
    String projected();

    @Message("根拠")
    String working();

    @Message("集計の遅れ")
    String overdueTallies();

    @Message("公表予定日を過ぎても「集計中」のままの実績値です。")
    String overdueExplained();

    @Message("遅れている集計はありません。")
    String noOverdue();

    @Message("{count}件")
    String overdueCount(int count);

    @Message("公表予定日")
    String expectedDate();

    @Message("経過日数")
    String daysOverdue();

    @Message("確定した報告")
    String fixedReports();

    @Message("委員会に報告した時点の評価を、そのまま保存しています。")
    String fixedReportsExplained();

    @Message("確定した報告はまだありません。")
    String noReports();

    @Message("名称")
    String reportName();

    @Message("確定日時")
    String fixedAt();

    @Message("ダウンロード")
    String downloads();

    @Message("内容のハッシュ値")
    String contentHash();

    @Message("要因分析のない未達成")
    String unexplainedMisses();

    @Message("確定後の変化")
    String changesSince();

    @Message("確定後に変化した指標はありません。")
    String noChangesSince();

    @Message("変更履歴")
    String audit();

    @Message("計画・指標・実績値・審査・評価文の変更を新しい順に示します。")
    String auditExplained();

    @Message("日時")
    String changedAt();

    @Message("変更の種類")
    String changeKind();

    @Message("{#when kind.name}{#is 'PLAN'}計画{#is 'INDICATOR'}指標の定義{#is 'MEASUREMENT'}実績値{#is 'REVIEW'}審査{#is 'NODE_NARRATIVE'}階層の評価文{#else}指標の要因分析・改善策{/when}")
    String changeKindLabel(ChangeKind kind);

    @Message("対象")
    String subject();

    @Message("変更者")
    String changedBy();

    @Message("備考")
    String note();

    @Message("次のページ")
    String nextPage();

    @Message("過去の計画からの推移")
    String lineage();

    @Message("計画")
    String plan();

    @Message("{year}：{previous}")
    String trend(String year, String previous);

    @Message("（{year}の{previous}から{#when direction}{#is 'up'}上昇{#is 'down'}低下{#else}横ばい{/when}）")
    String trendInWords(String direction, String year, String previous);

    @Message("{year}の評価の、{from}から{to}までの変化")
    String changesCover(String year, String from, String to);

    @Message("目標別の変化")
    String changesByGoal();

    @Message("変化した指標等")
    String changedCount();

    @Message("達成に")
    String nowAchieved();

    @Message("未達成に")
    String nowNotAchieved();

    @Message("変化した指標と階層の評価")
    String changedIndicators();

    @Message("評価ダッシュボードで詳しく見る")
    String seeMore();

    /** The forecast's working in words: the line, or why there is none. The API's formula and reason say it in English. */
    @Message("{#if f.projected != null}{f.points.size}点を通る回帰直線で1年あたり{f.slopePerYear.grouped}、{f.targetFiscalYear}年度は{f.projected.grouped}の見込み（目標値{f.target.grouped}）"
        + "{#if f.verdict.name != 'ON_TRACK' && f.requiredAtLatest != null}。最新の実績値の年度の道筋は{f.requiredAtLatest.grouped}{/if}"
        + "{#else if f.target == null}数値の最終目標がないため判定できません{#else}実績値が{f.points.size}点で、傾向を求めるには2点以上が必要です{/if}")
    String forecastWorking(PlanForecast.IndicatorForecast f);

    @Message("計画全体の変更履歴")
    String wholeAudit();
}
