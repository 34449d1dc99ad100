"""A county system's work through the Python clients OpenAPI Generator made from planeval's documents
(python-pydantic-v1, on Debian's python3-pydantic, python3-urllib3 and python3-dateutil), unchanged: a plan, an
indicator (retrying the 409 while indicator-service learns of the plan), a single post with an Idempotency-Key and its
replay, a bulk post, the evaluation read back, and an indicator's revisions a page at a time.

Usage: county_system.py PLAN_URL INDICATOR_URL EVALUATION_URL TOKEN PLAN_CODE; prints one line per step, exits 0
when every step answered as expected.
"""
import sys
import time

import planeval_evaluation
import planeval_indicator
import planeval_plan


def configured(module, url, token):
    configuration = module.Configuration(host=url, access_token=token)
    return module.ApiClient(configuration)


def main(plan_url, indicator_url, evaluation_url, token, plan_code):
    plans = planeval_plan.PlansApi(configured(planeval_plan, plan_url, token))
    plan = planeval_plan.PlanDocument(
        title="群馬県行財政改革大綱（郡の試行）", first_fiscal_year=2020, last_fiscal_year=2024, levels=["目標", "方針"],
        status="active", open_data=False,
        nodes=[planeval_plan.NodeDocument(code="G1", label="目標１", title="DXの推進", level=1),
               planeval_plan.NodeDocument(code="P1", label="方針１", title="行政手続のオンライン化", level=2, parent="G1")])
    written = plans.put_plan(plan_code, plan)
    print("plan", written.code, written.version, written.first_fiscal_year_label)

    indicators = planeval_indicator.IndicatorsApi(configured(planeval_indicator, indicator_url, token))
    definition = planeval_indicator.Indicator(
        node_code="G1", kind="kgi", name="オンライン申請件数", unit="件", direction="higher_is_better", method="ratio",
        target=planeval_indicator.Target(value=1000, fiscal_year=2024))
    for attempt in range(40):
        try:
            defined = indicators.put_indicator(plan_code, "KGI1", definition)
            break
        except planeval_indicator.ApiException as refused:
            if refused.status != 409:
                raise
            time.sleep(float(refused.headers.get("Retry-After", "1")) / 4)
    else:
        raise SystemExit("indicator-service never learnt of the plan")
    print("indicator", defined.code, defined.version, "after", attempt, "retries")

    measurements = planeval_indicator.MeasurementsApi(configured(planeval_indicator, indicator_url, token))
    figure = planeval_indicator.MeasurementInput(fiscal_year=2023, value=640, status="final", source_system="郡の申請システム")
    first = measurements.post_measurement_with_http_info(plan_code, "KGI1", figure, idempotency_key=plan_code + "-2023")
    again = measurements.post_measurement_with_http_info(plan_code, "KGI1", figure, idempotency_key=plan_code + "-2023")
    assert first.data.revision == again.data.revision == 1, (first.data, again.data)
    assert again.headers.get("Idempotent-Replayed") == "true", again.headers
    print("single", first.status_code, first.data.revision, "replayed", again.headers.get("Idempotent-Replayed"))

    bulk = measurements.post_measurements([
        planeval_indicator.MeasurementInput(plan_code=plan_code, indicator_code="KGI1", fiscal_year=2024, value=1200,
                                            status="final", note="R6実績"),
        planeval_indicator.MeasurementInput(plan_code=plan_code, indicator_code="KGI1", fiscal_year=2022, value=310,
                                            status="preliminary")])
    assert bulk.count == 2, bulk
    print("bulk", bulk.count)

    results = planeval_evaluation.EvaluationApi(configured(planeval_evaluation, evaluation_url, token))
    for attempt in range(100):
        result = results.get_indicator_evaluation(plan_code, "KGI1", fiscal_year=2024)
        if result.status == "achieved":
            break
        time.sleep(0.1)
    assert result.status == "achieved" and result.attainment.display == "120%", result
    print("evaluation", result.code, result.status, result.attainment.display, result.working.formula)
    report = results.get_evaluation(plan_code, fiscal_year=2024)
    print("report", report.plan_code, report.totals.kgis[0].code, report.totals.kgi_attainment.display)

    pages, cursor, seen = 0, None, []
    while True:
        page = measurements.list_measurements(plan_code, "KGI1", limit=1, cursor=cursor)
        pages += 1
        seen.extend(item.fiscal_year for item in page.items)
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(seen) == [2022, 2023, 2024], seen
    print("revisions", pages, "pages", sorted(seen))


if __name__ == "__main__":
    main(*sys.argv[1:6])
