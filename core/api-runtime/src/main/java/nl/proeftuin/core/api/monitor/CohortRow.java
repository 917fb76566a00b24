package nl.proeftuin.core.api.monitor;

import java.time.LocalDate;

/**
 * One case of a cohort, for the researchers' CSV: the case id is for the caller to pseudonymise and
 * never leaves the platform in clear; no names, BSN or dates of birth.
 */
public record CohortRow(String cohort, String caseId, String municipality, LocalDate signalReceivedOn,
        String framework, String triagePlugin, String configurationHash, Long bindingRevision, Integer leadTimeDays,
        int professionals, int handovers, int raadRequests, String measureType, String outcome, LocalDate closedOn,
        boolean repeatSignal) {
}
