package nl.proeftuin.core.audit.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a retention run removed (or, in a dry run, would remove).
 *
 * @param at             when it ran
 * @param dryRun         true when nothing was removed
 * @param retentionYears the retention per record type it applied
 * @param casesPurged    the closed cases past their retention
 * @param personsPurged  the persons past their retention, in no case any more
 * @param held           the cases and persons past retention but kept because of a legal hold
 */
public record PurgeReport(Instant at, boolean dryRun, Map<String, Integer> retentionYears, List<String> casesPurged,
        List<String> personsPurged, List<String> held) {
}
