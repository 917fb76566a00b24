package nl.proeftuin.core.api.monitor;

import java.time.Instant;
import java.util.List;

/**
 * The outcome monitor for one scope (see {@link OutcomeMonitor} for the definitions).
 *
 * @param municipality   the municipality the figures are for, or null for the region
 * @param computedAt     when the figures were computed
 * @param figures        the figures for that scope, with their distributions
 * @param rows           one summary row per municipality that has cases (alphabetical), then the region's
 *                       (its {@code municipality} null)
 */
public record OutcomeReport(String municipality, Instant computedAt, OutcomeFigures figures,
        List<OutcomeFigures> rows) {
}
