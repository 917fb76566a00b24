package nl.proeftuin.core.engine.internal;

import static nl.proeftuin.core.engine.internal.Check.NAME;
import static nl.proeftuin.core.engine.internal.Check.SHORT_TEXT;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.Membership;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.PersonRectification;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.privacy.PrivacyStore;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import nl.proeftuin.core.store.cases.StoredPerson;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.region.MunicipalityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Persons, relationships and households: checks the input, then writes through the
 * {@link FamilyStore} in one database transaction per call.
 *
 * <p>Ids given in the request body that do not exist (a person in a relationship or membership) are
 * invalid input (400) naming the field; an unknown id in the path (the household) is a 404.
 */
@Component(service = FamilyService.class)
public class TransactionalFamilyService implements FamilyService {

    /** The oldest age the platform accepts: "0 to 100" in the field, with margin. */
    static final int MAX_AGE = 120;
    /** Dutch postal code: four digits (not starting with 0), optional space, two letters. */
    private static final String POSTAL_CODE = "[1-9][0-9]{3} ?[A-Za-z]{2}";

    private final Domain domain;
    private final NationalIdProtection nationalIds;
    /** The region's register: a household's municipality must be in it. */
    private final MunicipalityStore municipalities;
    /** Keeps the rectifications (with their old values). */
    private final PrivacyStore privacy;

    /**
     * @param database    the platform database
     * @param family      persons, relationships, households
     * @param nationalIds protects the BSN before it is stored
     * @param municipalities the region's register of municipalities
     * @param cases       the cases, whose history records a rectification of a member
     * @param privacy     keeps the rectifications
     */
    @Activate
    public TransactionalFamilyService(@Reference Database database, @Reference FamilyStore family,
            @Reference NationalIdProtection nationalIds, @Reference MunicipalityStore municipalities,
            @Reference CaseStore cases, @Reference PrivacyStore privacy) {
        this(database, family, nationalIds, municipalities, cases, privacy, Clock.systemUTC());
    }

    TransactionalFamilyService(Database database, FamilyStore family, NationalIdProtection nationalIds,
            MunicipalityStore municipalities, CaseStore cases, PrivacyStore privacy, Clock clock) {
        this.municipalities = municipalities;
        this.privacy = privacy;
        // Persons and households, and the cases' history for a rectification: the plan store is not needed.
        this.domain = new Domain(database, family, cases, null, clock);
        this.nationalIds = nationalIds;
    }

    @Override
    public Person createPerson(Actor actor, PersonInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String given = Check.text("givenName", input.givenName(), NAME);
        String familyName = Check.text("familyName", input.familyName(), NAME);
        LocalDate dob = Check.required("dateOfBirth", input.dateOfBirth());
        LocalDate today = domain.today();
        Check.notInFuture("dateOfBirth", dob, today);
        if (dob.isBefore(today.minusYears(MAX_AGE + 1).plusDays(1))) {
            throw new InvalidInputException("dateOfBirth", "gives an age over " + MAX_AGE);
        }
        String bsn = Check.bsn("nationalId", input.nationalId());
        ProtectedNationalId protectedBsn = bsn == null ? null : nationalIds.protect(bsn);
        return domain.write(c -> {
            if (protectedBsn != null) {
                var known = domain.family.personIdByNationalIdDigest(c, protectedBsn.lookupDigest());
                if (known.isPresent()) {
                    throw new RuleViolationException("person-already-recorded",
                            "a person with this BSN is already recorded as " + known.get() + ": use that record");
                }
            }
            StoredPerson p = new StoredPerson(Domain.newId(), given, familyName, dob, null, domain.now(), actor.id());
            domain.family.insertPerson(c, p, protectedBsn);
            return domain.person(domain.family.person(c, p.id()).orElseThrow());
        });
    }

    @Override
    public PersonRectification rectifyPerson(Actor actor, String personId, String field, String newValue,
            String reason) {
        Check.actor(actor);
        String what = Check.text("field", field, 40);
        String value = Check.text("newValue", newValue, NAME);
        String why = Check.text("reason", reason, 2000);
        LocalDate dob = null;
        switch (what) {
            case "givenName", "familyName" -> {
            }
            case "dateOfBirth" -> {
                try {
                    dob = LocalDate.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInputException("newValue", "must be a date yyyy-mm-dd");
                }
                LocalDate today = domain.today();
                if (dob.isAfter(today) || dob.isBefore(today.minusYears(MAX_AGE))) {
                    throw new InvalidInputException("newValue", "is not a plausible date of birth");
                }
            }
            default -> throw new InvalidInputException("field", "must be givenName, familyName or dateOfBirth");
        }
        LocalDate newDob = dob;
        // A case opened or joined by the person at this moment: its transaction holds the person's row
        // (its summary refresh locks the members) and commits before the lock below is granted, so the case
        // is found only then, after the cases were locked. Locking it then would take the case after the
        // person (the reverse of every case write's order): the transaction starts again instead.
        for (int attempt = 1;; attempt++) {
            try {
                return rectifyOnce(actor, personId, what, value, why, newDob, attempt == RECTIFY_ATTEMPTS);
            } catch (CasesChanged e) {
                // rolled back; the next attempt locks the new case too
            }
        }
    }

    /** Rolls an attempt of a rectification back: the person joined a case while it locked their cases. */
    private static final class CasesChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CasesChanged() {
            super(null, null, false, false);
        }
    }

    /** How often a rectification starts again when the person joined a case while it locked their cases. */
    static final int RECTIFY_ATTEMPTS = 5;

    /** One attempt; {@link CasesChanged} when the person's cases changed under it, unless it is the last. */
    private PersonRectification rectifyOnce(Actor actor, String personId, String what, String value, String why,
            LocalDate newDob, boolean last) {
        return domain.write(c -> {
            Check.required("personId", personId);
            // the person's cases first, then the person: the order every case write takes (the case, then
            // at its summary refresh its members, decision 0042), so a rectification and a write to one
            // of the person's cases never wait for each other in opposite order (a deadlock)
            List<String> caseIds = privacy.casesOf(c, personId).stream().sorted().toList();
            List<StoredCase> locked = new java.util.ArrayList<>();
            for (String caseId : caseIds) {
                domain.cases.lock(c, caseId).ifPresent(locked::add);
            }
            StoredPerson p = domain.family.lockPerson(c, personId)
                    .orElseThrow(() -> new NotFoundException("person " + personId));
            if (!last && !caseIds.containsAll(privacy.casesOf(c, personId))) {
                throw new CasesChanged();
            }
            String old = switch (what) {
                case "givenName" -> p.givenName();
                case "familyName" -> p.familyName();
                default -> String.valueOf(p.dateOfBirth());
            };
            domain.family.rectifyPerson(c, personId, what.equals("givenName") ? value : p.givenName(),
                    what.equals("familyName") ? value : p.familyName(), newDob != null ? newDob : p.dateOfBirth());
            PersonRectification r = new PersonRectification(Domain.newId(), personId, what, old, value, why,
                    domain.now(), actor.id());
            privacy.insertRectification(c, new PrivacyStore.StoredRectification(r.id(), personId, what, old, value, why,
                    r.madeAt(), actor.id()));
            // every open case of the person records it (its version moves, so no client keeps the old
            // name from a 304), and a local team that holds the person's data hears it. A closed case
            // takes no change: an event there would also restart its retention clock. The reason stays
            // in the rectification record: the other cases' readers need not know why.
            for (StoredCase k : locked) {
                if (k.status() != CaseStatus.CLOSED) {
                    domain.touch(c, k, actor, new CaseEvents.PersonRectified(personId, r.id(), what),
                            "person " + personId + ": " + what + " rectified", null);
                }
            }
            return r;
        });
    }

    @Override
    public Person person(String personId) {
        return domain.query(c -> domain.person(existingPerson(c, personId)));
    }

    @Override
    public List<Person> findPersons(String name) {
        String text = Check.text("name", name, NAME);
        return domain.query(c -> domain.family.findPersons(c, text, 100).stream().map(domain::person).toList());
    }

    @Override
    public Relationship relate(Actor actor, RelationshipInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String from = Check.text("fromPersonId", input.fromPersonId(), Check.ID);
        String to = Check.text("toPersonId", input.toPersonId(), Check.ID);
        if (from.equals(to)) {
            throw new InvalidInputException("toPersonId", "must differ from fromPersonId");
        }
        Check.required("type", input.type());
        Check.notInFuture("since", input.since(), domain.today());
        Check.range("until", input.since(), input.until());
        String note = Check.optionalText("note", input.note(), SHORT_TEXT);
        return domain.write(c -> {
            knownPerson(c, "fromPersonId", from);
            knownPerson(c, "toPersonId", to);
            Relationship r = new Relationship(Domain.newId(), from, to, input.type(), input.since(), input.until(), note);
            domain.family.insertRelationship(c, r, domain.now(), actor.id());
            return r;
        });
    }

    @Override
    public List<Relationship> relationships(String personId) {
        return domain.query(c -> {
            existingPerson(c, personId);
            return domain.family.relationshipsOf(c, personId);
        });
    }

    @Override
    public Household createHousehold(Actor actor, HouseholdInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String address = Check.text("address", input.address(), NAME);
        String postalCode = Check.optionalText("postalCode", input.postalCode(), 7);
        if (postalCode != null) {
            if (!postalCode.matches(POSTAL_CODE)) {
                throw new InvalidInputException("postalCode", "is not a Dutch postal code such as 6811 AB");
            }
            postalCode = postalCode.substring(0, 4) + " " + postalCode.substring(postalCode.length() - 2).toUpperCase(Locale.ROOT);
        }
        String given = Check.text("municipality", input.municipality(), NAME);
        Municipalities.key("municipality", given);
        String code = postalCode;
        return domain.write(c -> {
            Household h = new Household(Domain.newId(), address, code,
                    Municipalities.canonical(municipalities, c, "municipality", given), List.of());
            domain.family.insertHousehold(c, h, domain.now(), actor.id());
            return h;
        });
    }

    @Override
    public Household household(String householdId) {
        return domain.query(c -> existingHousehold(c, householdId));
    }

    @Override
    public Household addMember(Actor actor, String householdId, MembershipInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String personId = Check.text("personId", input.personId(), Check.ID);
        LocalDate since = Check.required("since", input.since());
        Check.notInFuture("since", since, domain.today());
        Check.range("until", since, input.until());
        return domain.write(c -> {
            Household h = existingHousehold(c, householdId);
            knownPerson(c, "personId", personId);
            for (Membership m : h.members()) {
                if (m.personId().equals(personId) && overlaps(m.since(), m.until(), since, input.until())) {
                    throw new RuleViolationException("membership-overlaps", "person " + personId
                            + " already lives in this household from " + m.since()
                            + (m.until() == null ? "" : " until " + m.until()));
                }
            }
            domain.family.insertMembership(c, householdId, new Membership(personId, since, input.until()));
            return existingHousehold(c, householdId);
        });
    }

    /** Periods with an exclusive end (moving out and in on one day does not overlap); null = open. */
    private static boolean overlaps(LocalDate s1, LocalDate u1, LocalDate s2, LocalDate u2) {
        return (u2 == null || s1.isBefore(u2)) && (u1 == null || s2.isBefore(u1));
    }

    private StoredPerson existingPerson(Connection c, String personId) throws SQLException {
        Check.required("personId", personId);
        return domain.family.person(c, personId).orElseThrow(() -> new NotFoundException("person " + personId));
    }

    private void knownPerson(Connection c, String field, String personId) throws SQLException {
        if (domain.family.person(c, personId).isEmpty()) {
            throw new InvalidInputException(field, "no person is recorded with id " + personId);
        }
    }

    private Household existingHousehold(Connection c, String householdId) throws SQLException {
        Check.required("householdId", householdId);
        return domain.family.household(c, householdId)
                .orElseThrow(() -> new NotFoundException("household " + householdId));
    }
}
