package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPerson;

/**
 * What the three services share: the stores, the clock, one transaction per call, the case lock with
 * its version check, and how a case is shown. Not a component: each service builds one from its own
 * references.
 */
final class Domain {

    final Database database;
    final FamilyStore family;
    final CaseStore cases;
    final PlanStore plans;
    private final Clock clock;
    /** Records the variant in force at a case's opening (cohorts, V26); null where not wired (some unit tests). */
    CaseVariants variants;

    Domain(Database database, FamilyStore family, CaseStore cases, PlanStore plans, Clock clock) {
        this.database = database;
        this.family = family;
        this.cases = cases;
        this.plans = plans;
        this.clock = clock;
    }

    /** Runs a write as one transaction; domain exceptions pass through after the rollback. */
    <T> T write(Database.SqlWork<T> work) {
        return transaction(database, work);
    }

    /** Runs work as one transaction on a database; for components that need no case stores. */
    static <T> T transaction(Database database, Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Runs plain reads (no write, no row lock) on one connection without a transaction. Each statement sees
     * what it would see in the read-committed transaction of {@link #read}, and on an embedded H2 file the
     * work stays on the caller's thread instead of being handed to the database's own (decision 0052).
     */
    <T> T query(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Runs reads on one connection in one transaction, so a row lock they take ({@code SELECT ... FOR UPDATE})
     * holds until it ends. Both databases run at read committed: each statement sees what was committed when
     * it started, not one state for the whole transaction.
     */
    <T> T read(Database.SqlWork<T> work) {
        return write(work);
    }

    /** Now, to the millisecond: what is stored is exactly what is returned (both databases keep micros). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today as a Dutch calendar day: the platform's days are Europe/Amsterdam's, whatever the server's zone. */
    LocalDate today() {
        return DutchDay.today(clock);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    Person person(StoredPerson p) {
        int age = Period.between(p.dateOfBirth(), today()).getYears();
        return new Person(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), Math.max(0, age),
                p.nationalIdMasked(), p.createdAt(), p.createdBy());
    }

    /** The case, for reading: 404 when unknown. */
    StoredCase existingCase(Connection c, String caseId) throws SQLException {
        return cases.find(c, Check.required("caseId", caseId)).orElseThrow(() -> new NotFoundException("case " + caseId));
    }

    /**
     * Locks an open case for a change: 404 when unknown, 412 when {@code expectedVersion} is given
     * and not current, 409 {@code case-closed} when closed.
     */
    StoredCase lockOpen(Connection c, String caseId, Long expectedVersion) throws SQLException {
        StoredCase k = cases.lock(c, Check.required("caseId", caseId))
                .orElseThrow(() -> new NotFoundException("case " + caseId));
        if (expectedVersion != null && expectedVersion != k.version()) {
            throw new StaleVersionException("case " + caseId, expectedVersion, k.version());
        }
        if (k.status() == CaseStatus.CLOSED) {
            throw new RuleViolationException("case-closed",
                    "case " + caseId + " is closed (" + k.closedReason() + "): it takes no further changes");
        }
        return k;
    }

    /**
     * Writes a changed case with its version incremented, and appends the event to its history.
     *
     * @param before the case as locked
     * @param after  the new state (its version is ignored)
     * @return the case as written
     */
    StoredCase commit(Connection c, StoredCase before, StoredCase after, Actor actor, CaseEvents.Payload data,
            String detail, String reason) throws SQLException {
        StoredCase next = new StoredCase(after.id(), before.version() + 1, after.municipality(), after.status(),
                after.closedReason(), after.signal(), after.phase(), after.framework(), after.measure(), after.openedAt(),
                after.openedBy());
        if (!cases.update(c, next, before.version())) {
            // Cannot happen under the row lock; kept so a missing lock shows as 412, never as a lost update.
            StoredCase now = existingCase(c, before.id());
            throw new StaleVersionException("case " + before.id(), before.version(), now.version());
        }
        event(c, before.id(), actor, data, detail, reason);
        return next;
    }

    /** Touches the case: version + 1 and an event, the state unchanged. */
    StoredCase touch(Connection c, StoredCase k, Actor actor, CaseEvents.Payload data, String detail, String reason)
            throws SQLException {
        return commit(c, k, k, actor, data, detail, reason);
    }

    /**
     * Appends an event to the case's history, in the caller's transaction: its typed data as the
     * payload, the sentence for people, and, when a local team hears this type, its outbox message.
     *
     * @param data   what happened, typed; the monitor and the outbox read this, never {@code detail}
     * @param detail a readable sentence for the history (free to reword)
     */
    void event(Connection c, String caseId, Actor actor, CaseEvents.Payload data, String detail, String reason)
            throws SQLException {
        Instant at = now();
        cases.insertEvent(c, caseId, CaseEvents.newEvent(newId(), data, detail, reason, at, actor.id()));
        if (variants != null && data instanceof CaseEvents.CaseOpened opened) {
            variants.opening(c, caseId, opened.municipality(), at);
        }
    }

    List<CaseMember> members(Connection c, String caseId) throws SQLException {
        Map<String, Set<FamilyRole>> roles = cases.members(c, caseId);
        Map<String, StoredPerson> persons = family.persons(c, roles.keySet());
        List<CaseMember> out = new ArrayList<>();
        roles.forEach((id, r) -> out.add(new CaseMember(person(persons.get(id)), Set.copyOf(r))));
        return List.copyOf(out);
    }

    static List<Assignment> active(List<Assignment> all) {
        return all.stream().filter(Assignment::active).toList();
    }

    static int distinctProfessionals(List<Assignment> active) {
        return (int) active.stream().map(Assignment::professionalId).distinct().count();
    }

    static Assignment fixedProfessional(List<Assignment> active) {
        return active.stream().filter(a -> a.role() == ProfessionalRole.FIXED_PROFESSIONAL).findFirst().orElse(null);
    }

    static Assignment casusregie(List<Assignment> active) {
        return active.stream().filter(Assignment::casusregie).findFirst().orElse(null);
    }

    CaseView view(Connection c, StoredCase k) throws SQLException {
        List<Assignment> team = active(cases.assignments(c, k.id()));
        return new CaseView(k.id(), k.version(), k.municipality(), k.status(), k.closedReason(), k.signal(), k.phase(),
                k.framework(), k.measure(), members(c, k.id()), team, distinctProfessionals(team),
                plans.latestNumber(c, k.id()), k.openedAt(), k.openedBy());
    }
}
