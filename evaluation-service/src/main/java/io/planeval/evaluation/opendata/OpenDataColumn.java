package io.planeval.evaluation.opendata;

import java.util.function.Function;

/**
 * A column of the open-data CSV: its name (the header), its Japanese title, its CSV on the Web datatype, and how a
 * row fills it. The CSV and its CSVW metadata are both written from the one list, so they cannot disagree.
 */
record OpenDataColumn(String name, String title, String datatype, boolean required, String description,
                      Function<OpenDataRow, String> value) {
}
