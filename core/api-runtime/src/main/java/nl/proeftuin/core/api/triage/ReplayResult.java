package nl.proeftuin.core.api.triage;

import java.time.LocalDate;
import java.util.List;

/**
 * What a candidate triage would have decided for a cohort, in counts only (no case content).
 *
 * @param pluginId          the candidate plugin
 * @param bundleVersion     its bundle's version
 * @param configurationHash SHA-256 (hex) of its configuration, as a binding's
 * @param from              the cohort's first day
 * @param to                the cohort's last day
 * @param municipality      the cohort's municipality, or null for all
 * @param cases             cases replayed (one stored decision each: the latest in the period)
 * @param differing         cases whose decision would have differed
 * @param failed            cases where the candidate failed, overran or answered nothing usable (counted as
 *                          {@code MANUAL_TRIAGE}, as live triage falls back)
 * @param table             old decision x new decision with case counts, non-zero cells only, sorted
 * @since 1.1
 */
public record ReplayResult(String pluginId, String bundleVersion, String configurationHash, LocalDate from,
        LocalDate to, String municipality, int cases, int differing, int failed, List<ReplayCell> table) {
}
