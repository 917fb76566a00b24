package nl.proeftuin.core.audit.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.audit.AccessLogEntry;

/**
 * Everything the platform holds about one person (GDPR art. 15), as stored: every row about the
 * person, column by column, except restricted items of anyone else and the BSN (held encrypted; only
 * its last three digits are shown).
 *
 * @param generatedAt     when the export was made
 * @param personId        the person
 * @param person          the person record
 * @param safeAddress     the person's own safe address when it names them ("person:&lt;id&gt;"), else null
 * @param relationships   the relationships they are part of
 * @param households      their household memberships with the household
 * @param cases           the cases they are a member of, with their roles in each
 * @param entries         the case entries about them (restricted entries only when they name the person)
 * @param consents        the consents they gave or refused
 * @param planVersions    the plans of their cases, every version
 * @param rectifications  the corrections made to their data, with the old values
 * @param erasureRequests their erasure requests and the decisions
 * @param legalHolds      legal holds on them or their cases
 * @param accessLog       who looked at or changed their data (without entries about restricted data)
 */
public record PersonalDataExport(Instant generatedAt, String personId, Map<String, Object> person,
        SafeAddress safeAddress, List<Map<String, Object>> relationships, List<Map<String, Object>> households,
        List<Map<String, Object>> cases, List<Map<String, Object>> entries, List<Map<String, Object>> consents,
        List<Map<String, Object>> planVersions, List<Rectification> rectifications,
        List<ErasureRequest> erasureRequests, List<LegalHold> legalHolds, List<AccessLogEntry> accessLog) {
}
