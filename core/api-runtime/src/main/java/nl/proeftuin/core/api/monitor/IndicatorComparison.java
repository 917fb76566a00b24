package nl.proeftuin.core.api.monitor;

import java.util.List;

/**
 * One indicator across the cohorts, each against the first (the reference).
 *
 * @param indicator the indicator's key, e.g. {@code lead_time_days}
 * @param kind      {@code measure} (a number per case, medians compared) or {@code share} (a yes/no per case, shares compared)
 * @param unit      the unit of the values: {@code days}, {@code professionals}, {@code handovers}, {@code score}, {@code percent}
 * @param cohorts   the figures per cohort, in the request's order
 */
public record IndicatorComparison(String indicator, String kind, String unit, List<CohortFigure> cohorts) {

    /**
     * One cohort's figure for the indicator, and its difference with the first cohort.
     *
     * @param label        the cohort
     * @param count        how many values (cases, requests or members) the figure rests on
     * @param events       for a share: how many of those said yes; null for a measure
     * @param median       for a measure: the median; null without values or for a share
     * @param share        for a share: events / count in percent; null without values or for a measure
     * @param difference   against the first cohort: for a measure the Hodges-Lehmann shift (this minus the
     *                     first), for a share the difference in percentage points; null for the first
     *                     cohort or when either has no values
     * @param low          the 95% confidence interval's lower bound of the difference, or null
     * @param high         its upper bound, or null
     * @param warning      null, or a plain-language warning (English) that a cohort is too small to conclude anything
     * @param warningNl    the same warning in Dutch
     */
    public record CohortFigure(String label, long count, Long events, Double median, Double share, Double difference,
            Double low, Double high, String warning, String warningNl) {
    }
}
