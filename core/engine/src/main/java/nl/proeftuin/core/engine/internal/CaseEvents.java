package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.ClosingOutcome;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.TeamPosition;
import nl.proeftuin.core.store.cases.CaseStore;

/**
 * The case's events, typed and owned by the engine: one {@link Type} per kind of change and one
 * record per type with the change's data. The engine decides the data's shape (written with
 * Jackson into {@code case_event.payload}) and which events a local team hears ({@link Type#outbound}):
 * the store only writes what it is given. The human sentence ({@code detail}) is for people; no
 * figure is ever read from it (see {@link JdbcOutcomeMonitor} and decision 0014).
 */
final class CaseEvents {

    /** Thread-safe once configured; one for the bundle. Dates as ISO strings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CaseEvents() {
    }

    /** What happened; {@link #outbound()} is the type a local team hears it as, if it hears it at all. */
    enum Type {
        CASE_OPENED("CASE_OPENED"),
        PHASE_CHANGED("PHASE_CHANGED"),
        FRAMEWORK_CHANGED("FRAMEWORK_CHANGED"),
        CASE_CLOSED("CASE_CLOSED"),
        ASSIGNED("TEAM_CHANGED"),
        HANDOVER("TEAM_CHANGED"),
        ASSIGNMENT_ENDED("TEAM_CHANGED"),
        PLAN_VERSION_SAVED("PLAN_VERSION"),
        REVIEW_RECORDED(null),
        EVALUATION_RECORDED(null),
        COURT_REQUESTED(null),
        TRIAGE_ASSESSED(null),
        TRIAGE_FALLBACK(null),
        TRIAGE_PENDING(null),
        TRIAGED(null),
        CARE_PATH_STEP(null),
        REPEAT_INCIDENT(null),
        MAATWERK_REQUESTED(null),
        MAATWERK_DECIDED(null),
        CARE_REQUESTED(null),
        CARE_ALLOCATED(null),
        /** A member's data was rectified (GDPR art. 16); the local team holding it hears it (art. 19). */
        PERSON_RECTIFIED("PERSON_RECTIFIED"),
        // --- living (issue 14, decision 0032)
        CHILD_MEASURE_RECORDED(null),
        CHILD_MEASURE_ENDED(null),
        REVIEW_REQUESTED(null),
        SIGNAL_LINKED(null),
        OPENED_BESIDE_OPEN_CASES(null),
        MEMBER_ADDED(null),
        MEMBER_ROLES_CHANGED(null),
        MEMBERSHIP_ENDED(null),
        AUTHORITY_RECORDED(null),
        AUTHORITY_ENDED(null),
        // --- muni (issue 14 part 4)
        /** The municipality decided on a care request in the platform. */
        CARE_DECIDED(null),
        // --- muni (issue 14 part 5)
        /** The case waits (for a GI worker, care, a Raad investigation), with who is responsible meanwhile. */
        WAIT_STARTED(null),
        /** A wait ended. */
        WAIT_ENDED(null),
        // --- living (issue 14, decision 0038)
        /** The family moved: the case's responsible municipality is another one. */
        MUNICIPALITY_MOVED(null),
        /** A measure was evaluated before its end: extension requested or not. */
        MEASURE_EVALUATED(null),
        /** The Raad took on an investigation of a child of the case. */
        RAAD_INVESTIGATION_REQUESTED(null),
        /** The Raad reported on its investigation. */
        RAAD_REPORTED(null),
        /** A signal's reporter was recorded, to be told what happens next. */
        REPORTER_RECORDED(null),
        /** The reporter was told what happens next. */
        REPORTER_TOLD(null);

        private final String outbound;

        Type(String outbound) {
            this.outbound = outbound;
        }

        /** @return the outbound event type a local team hears, or empty when it does not hear this one */
        Optional<String> outbound() {
            return Optional.ofNullable(outbound);
        }
    }

    /** The data of one event; its record type fixes its {@link Type}. */
    sealed interface Payload {
        Type type();
    }

    /** @param origin SIGNAL or LOCAL_TEAM */
    record CaseOpened(String municipality, String origin, int members) implements Payload {
        public Type type() {
            return Type.CASE_OPENED;
        }
    }

    record PhaseChanged(Phase from, Phase to) implements Payload {
        public Type type() {
            return Type.PHASE_CHANGED;
        }
    }

    /** @param measure the measure under COMPULSORY, else null */
    record FrameworkChanged(Framework from, Framework to, Measure measure) implements Payload {
        public Type type() {
            return Type.FRAMEWORK_CHANGED;
        }
    }

    /** @param outcome the structured outcome (issue 15); null in events written before it */
    record CaseClosed(ClosingOutcome outcome) implements Payload {
        public Type type() {
            return Type.CASE_CLOSED;
        }
    }

    record Assigned(String assignmentId, ProfessionalRole role, boolean casusregie) implements Payload {
        public Type type() {
            return Type.ASSIGNED;
        }
    }

    /** @param fromAssignment the assignment that handed over, null when nobody held the position */
    record HandedOver(TeamPosition position, String fromAssignment, String toAssignment, int handovers)
            implements Payload {
        public Type type() {
            return Type.HANDOVER;
        }
    }

    record AssignmentEnded(String assignmentId, ProfessionalRole role) implements Payload {
        public Type type() {
            return Type.ASSIGNMENT_ENDED;
        }
    }

    record PlanVersionSaved(int version) implements Payload {
        public Type type() {
            return Type.PLAN_VERSION_SAVED;
        }
    }

    record ReviewRecorded(String reviewId, int planVersion, boolean supportsCourtRequest) implements Payload {
        public Type type() {
            return Type.REVIEW_RECORDED;
        }
    }

    record EvaluationRecorded(String evaluationId, int planVersion, LocalDate on) implements Payload {
        public Type type() {
            return Type.EVALUATION_RECORDED;
        }
    }

    record CourtRequested(String courtRequestId, String measure, String reviewId, int planVersion) implements Payload {
        public Type type() {
            return Type.COURT_REQUESTED;
        }
    }

    record TriageAssessed(String assessorRole, String recommendation) implements Payload {
        public Type type() {
            return Type.TRIAGE_ASSESSED;
        }
    }

    record TriageFallback(String pluginId) implements Payload {
        public Type type() {
            return Type.TRIAGE_FALLBACK;
        }
    }

    record TriagePending(String pluginId, String bundleVersion, String classification) implements Payload {
        public Type type() {
            return Type.TRIAGE_PENDING;
        }
    }

    record Triaged(String pluginId, String bundleVersion, String classification, String route) implements Payload {
        public Type type() {
            return Type.TRIAGED;
        }
    }

    record CarePathStep(String carePath, String step) implements Payload {
        public Type type() {
            return Type.CARE_PATH_STEP;
        }
    }

    record RepeatIncident(LocalDate occurredOn) implements Payload {
        public Type type() {
            return Type.REPEAT_INCIDENT;
        }
    }

    record MaatwerkRequested(String maatwerkId, String provider, LocalDate decisionDue, String state)
            implements Payload {
        public Type type() {
            return Type.MAATWERK_REQUESTED;
        }
    }

    record MaatwerkDecided(String maatwerkId, String provider, String state) implements Payload {
        public Type type() {
            return Type.MAATWERK_DECIDED;
        }
    }

    record CareRequested(String careRequestId, String category, String productCode, String provider, String state)
            implements Payload {
        public Type type() {
            return Type.CARE_REQUESTED;
        }
    }

    record PersonRectified(String personId, String rectificationId, String field) implements Payload {
        public Type type() {
            return Type.PERSON_RECTIFIED;
        }
    }

    record CareAllocated(String careRequestId, String reference, String category, String provider) implements Payload {
        public Type type() {
            return Type.CARE_ALLOCATED;
        }
    }

    // --- living (issue 14, decision 0032)

    record ChildMeasureRecorded(String measureId, String personId, String measure, LocalDate startDate,
            LocalDate endDate) implements Payload {
        public Type type() {
            return Type.CHILD_MEASURE_RECORDED;
        }
    }

    record ReviewRequested(String reviewRequestId, String reviewerId, int planVersion) implements Payload {
        public Type type() {
            return Type.REVIEW_REQUESTED;
        }
    }

    record SignalLinked(String signalId, String kind, String source, LocalDate receivedOn) implements Payload {
        public Type type() {
            return Type.SIGNAL_LINKED;
        }
    }

    /**
     * @param openCases     the first open cases it was opened beside (at most ten; the separate-case record names
     *                      them all)
     * @param openCaseCount how many there were (0 in events written before it was recorded: count
     *                      {@code openCases} there)
     */
    record OpenedBesideOpenCases(java.util.List<String> openCases, int openCaseCount) implements Payload {
        public Type type() {
            return Type.OPENED_BESIDE_OPEN_CASES;
        }
    }

    record MemberAdded(String personId, String roles, LocalDate since) implements Payload {
        public Type type() {
            return Type.MEMBER_ADDED;
        }
    }

    record MemberRolesChanged(String personId, String roles, LocalDate since) implements Payload {
        public Type type() {
            return Type.MEMBER_ROLES_CHANGED;
        }
    }

    record MembershipEnded(String personId, LocalDate until) implements Payload {
        public Type type() {
            return Type.MEMBERSHIP_ENDED;
        }
    }

    record AuthorityRecorded(String authorityId, String personId, String holderPersonId, String holderOrganisation,
            LocalDate since) implements Payload {
        public Type type() {
            return Type.AUTHORITY_RECORDED;
        }
    }

    record AuthorityEnded(String authorityId, String personId, LocalDate until) implements Payload {
        public Type type() {
            return Type.AUTHORITY_ENDED;
        }
    }

    record ChildMeasureEnded(String measureId, String personId, String measure, LocalDate endedOn) implements Payload {
        public Type type() {
            return Type.CHILD_MEASURE_ENDED;
        }
    }

    // --- muni (issue 14 part 4)
    record CareDecided(String careRequestId, String provider, String outcome, LocalDate objectionUntil)
            implements Payload {
        public Type type() {
            return Type.CARE_DECIDED;
        }
    }

    // --- muni (issue 14 part 5)
    record WaitStarted(String waitId, String waitFor, String waitingOn, String responsibleId, LocalDate since,
            LocalDate expected) implements Payload {
        public Type type() {
            return Type.WAIT_STARTED;
        }
    }

    record WaitEnded(String waitId, String waitFor, LocalDate on) implements Payload {
        public Type type() {
            return Type.WAIT_ENDED;
        }
    }

    // --- living (issue 14, decision 0038)
    record MunicipalityMoved(String moveId, String from, String to, LocalDate movedOn, int requestsMoved, int waitsMoved)
            implements Payload {
        public Type type() {
            return Type.MUNICIPALITY_MOVED;
        }
    }

    record MeasureEvaluated(String measureId, String personId, String choice, LocalDate evaluatedOn, LocalDate due,
            boolean late) implements Payload {
        public Type type() {
            return Type.MEASURE_EVALUATED;
        }
    }

    record RaadInvestigationRequested(String investigationId, String personId, LocalDate requestedOn,
            LocalDate reportDue) implements Payload {
        public Type type() {
            return Type.RAAD_INVESTIGATION_REQUESTED;
        }
    }

    record RaadReported(String investigationId, String personId, String conclusion, LocalDate reportedOn, boolean late)
            implements Payload {
        public Type type() {
            return Type.RAAD_REPORTED;
        }
    }

    record ReporterRecorded(String reporterId, String signalId, String organisation, LocalDate feedbackDue)
            implements Payload {
        public Type type() {
            return Type.REPORTER_RECORDED;
        }
    }

    record ReporterTold(String reporterId, String outcome, String channel, LocalDate toldOn, boolean late)
            implements Payload {
        public Type type() {
            return Type.REPORTER_TOLD;
        }
    }

    /**
     * One event as the store writes it: the history line, the typed payload and, when a local team
     * hears this type, the outbound type and message.
     */
    static CaseStore.NewEvent newEvent(String id, Payload data, String detail, String reason, Instant at, String by) {
        Type type = data.type();
        String outbound = type.outbound().orElse(null);
        return new CaseStore.NewEvent(id, new CaseEvent(type.name(), detail, reason, at, by), write(data), outbound,
                outbound == null ? null : outboxMessage(id, type, detail));
    }

    /** @return the payload as stored in {@code case_event.payload} */
    static String write(Payload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case event payload " + payload.type() + " cannot be written", e);
        }
    }

    /** @return a stored payload read back as its record */
    static <P extends Payload> P read(String json, Class<P> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("case event payload is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * The outbox message a local team receives: the change named, not the family's details (data
     * minimisation); the reason of an event (a handover note, say) is not sent.
     */
    static String outboxMessage(String eventId, Type type, String detail) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("caseEventId", eventId);
        message.put("caseEventType", type.name());
        message.put("detail", detail);
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox message cannot be written", e);
        }
    }
}
