package nl.proeftuin.core.audit.privacy;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The GDPR rights and retention. Every call is logged in the access log with its own action (EXPORT,
 * RECTIFICATION, ERASURE, PURGE). Who may call what is decided by the caller (the REST layer's roles).
 */
@ProviderType
public interface PrivacyService {

    /** Everything held about a person (right of access). */
    PersonalDataExport export(Reader reader, String personId);

    /** Corrects a person's given name, family name or date of birth; the old value stays in the history. */
    Rectification rectify(Reader writer, String personId, RectificationInput input);

    /** The corrections made to a person's data, oldest first. */
    List<Rectification> rectifications(String personId);

    /** Records an erasure request; a second person decides it. */
    ErasureRequest requestErasure(Reader requester, String personId, ErasureRequestInput input);

    /**
     * Approves and carries out an erasure request: erases the person's data where the law allows it,
     * else records it as REFUSED with the reason (a legal hold; a case file under retention).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code four-eyes} when the approver asked for it;
     *                                                      {@code erasure-decided} when already decided
     */
    ErasureRequest approveErasure(Reader approver, String requestId, ErasureDecisionInput input);

    /** Rejects an erasure request (also a second person). */
    ErasureRequest rejectErasure(Reader decider, String requestId, ErasureDecisionInput input);

    /** A person's erasure requests, oldest first. */
    List<ErasureRequest> erasureRequests(String personId);

    /**
     * One erasure request, whatever its status: the caller learns whose it is before it lets a decision
     * through (the REST layer checks the person against the decider's municipalities). Not logged: it
     * reads nothing of the person but their id, and the decision that follows is logged.
     *
     * @return the request, or empty for an unknown id
     * @since 1.3
     */
    Optional<ErasureRequest> erasureRequest(String requestId);

    /** Places a legal hold on a person or case. */
    LegalHold placeHold(Reader writer, LegalHoldInput input);

    /** Lifts a legal hold. */
    LegalHold liftHold(Reader writer, String holdId, ErasureDecisionInput input);

    /** The legal holds on a person or case (lifted ones too). */
    List<LegalHold> holds(String subjectId);

    /**
     * One legal hold, lifted or not: the caller learns its subject before it lets a lift through (the REST
     * layer checks the person or case against the user's municipalities). Not logged: the lift is.
     *
     * @return the hold, or empty for an unknown id
     * @since 1.3
     */
    Optional<LegalHold> hold(String holdId);

    /**
     * Applies the configured retention: removes closed cases and persons past their retention period,
     * except what a legal hold keeps.
     *
     * @param dryRun when true, only reports
     */
    PurgeReport purge(String actorId, boolean dryRun);

    /**
     * The pseudonymised export for the outcome monitor, as CSV: one line per case member with keyed
     * (HMAC) pseudonyms of person and case, an age band, the family roles and the case's municipality,
     * status, phase, framework and month opened; no names, BSN or dates of birth.
     */
    String monitorExport(Reader reader);

    /**
     * The keyed (HMAC) pseudonyms of cases, the same as {@link #monitorExport}'s: for the cohort
     * comparison's case-level CSV (issue 15). Logged in the access log as an export.
     *
     * @param purpose what the export is, in the log
     * @return case id to pseudonym
     */
    java.util.Map<String, String> casePseudonyms(Reader reader, String purpose, java.util.Collection<String> caseIds);
}
