package nl.proeftuin.core.api.triage;

import java.time.LocalDate;
import java.util.Map;

/**
 * A candidate triage to replay over a cohort's stored triage facts (switches, issue 15 part 4).
 *
 * @param pluginId      a triage plugin present now (bound or not)
 * @param configuration its configuration, checked as a binding's is (may be empty)
 * @param from          the cohort's first day (inclusive, Europe/Amsterdam), the day the triage was decided
 * @param to            the cohort's last day (inclusive)
 * @param municipality  the cases' municipality, or null for every municipality
 * @since 1.1
 */
public record ReplayInput(String pluginId, Map<String, String> configuration, LocalDate from, LocalDate to,
        String municipality) {
}
