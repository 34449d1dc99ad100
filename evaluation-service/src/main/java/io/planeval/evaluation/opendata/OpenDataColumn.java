package io.planeval.evaluation.opendata;

import java.util.function.Function;

/**
 * A column of an open-data CSV: its name (the header), its Japanese title, its CSV on the Web datatype, and how a
 * row fills it. A CSV and its CSVW metadata are both written from one list, so they cannot disagree.
 */
record OpenDataColumn<R>(String name, String title, String datatype, boolean required, String description,
                         Function<R, String> value) {
}
