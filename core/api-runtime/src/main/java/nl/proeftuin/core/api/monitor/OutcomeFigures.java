package nl.proeftuin.core.api.monitor;

import java.util.List;

/**
 * The monitor's figures for one scope (a municipality, or the region when {@code municipality} is null).
 *
 * @param municipality         the municipality, or null for the region
 * @param cases                cases opened (open and closed)
 * @param openCases            cases open now
 * @param leadTimeDays         days from signal to first help, over cases that had first help
 * @param waitingForFirstHelp  open cases without first help yet
 * @param activeProfessionals  active professionals per open case
 * @param handovers            handovers per case
 * @param frameworks           open cases by framework at the end of each of the last twelve months, oldest first
 * @param careWaitingDays      days from a care request to its allocation, over allocated requests
 * @param careRequestsWaiting  care requests not yet allocated
 */
public record OutcomeFigures(String municipality, int cases, int openCases, Distribution leadTimeDays,
        int waitingForFirstHelp, Distribution activeProfessionals, Distribution handovers,
        List<FrameworkMonth> frameworks, Distribution careWaitingDays, int careRequestsWaiting) {
}
