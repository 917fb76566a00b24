package nl.proeftuin.core.api.monitor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The pilot's outcome monitor: figures a steering group looks at, computed from the stored cases,
 * per municipality and for the whole region. For learning, not blame: the figures are about cases
 * and families, never ranked per professional.
 *
 * <p>Definitions (the same in the web UI and the CSV export):
 * <ul>
 * <li><b>lead time to first help</b>: calendar days from the day the signal was received to the
 * first help, which is the earliest of the first family-plan version saved and the first care
 * request sent to a provider. Cases without first help yet are counted apart
 * ({@link OutcomeFigures#waitingForFirstHelp()}), not in the distribution.</li>
 * <li><b>active professionals per family</b>: distinct professionals with an active assignment in
 * each open case.</li>
 * <li><b>handovers per case</b>: recorded handovers of the fixed professional or the casusregie,
 * over all cases (open and closed).</li>
 * <li><b>voluntary versus compulsory</b>: for each of the last twelve calendar months, the cases
 * open at the end of that month by the framework they were in at that moment.</li>
 * <li><b>waiting time for care</b>: calendar days from a care request sent to its allocation by the
 * provider; requests not yet allocated are counted apart.</li>
 * </ul>
 */
@ProviderType
public interface OutcomeMonitor {

    /**
     * The monitor for one municipality, or for the region.
     *
     * @param municipality the municipality, or null for the whole region
     * @return the figures for that scope, with one summary row per municipality and one for the region
     */
    OutcomeReport report(String municipality);
}
