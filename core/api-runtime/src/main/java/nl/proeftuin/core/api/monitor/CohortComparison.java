package nl.proeftuin.core.api.monitor;

import java.time.Instant;
import java.util.List;

/**
 * Two or more cohorts side by side (issue 15).
 *
 * @param computedAt when
 * @param method     how the intervals are computed (in words)
 * @param minimum    the smallest count a figure may rest on before it carries a warning
 * @param cohorts    per cohort: its label, how it was chosen, its case count and its warnings
 * @param indicators every indicator, each across the cohorts
 */
public record CohortComparison(Instant computedAt, String method, int minimum, List<Cohort> cohorts,
        List<IndicatorComparison> indicators) {

    /**
     * @param municipalities the municipalities the cohort covers (null: the region)
     * @param warning        null, or (English) why its figures cannot carry a conclusion
     * @param warningNl      the same in Dutch
     */
    public record Cohort(CohortSpec spec, List<String> municipalities, long cases, long closed, String warning,
            String warningNl) {
    }
}
