package nl.proeftuin.core.api;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.PersonRectification;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipInput;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persons, their relationships and their households. Every write is one transaction.
 *
 * @throws InvalidInputException on invalid input (all methods)
 * @throws NotFoundException     for unknown ids (all methods)
 */
@ProviderType
public interface FamilyService {

    /** Records a person. */
    Person createPerson(Actor actor, PersonInput input);

    /**
     * Rectifies one field of a person (GDPR art. 16) like any other change of the family's data: in one
     * transaction the person is changed, the rectification kept with its old value, and every case the
     * person is a member of records the change in its history, which its local team hears (art. 19).
     *
     * @param field    {@code givenName}, {@code familyName} or {@code dateOfBirth}
     * @param newValue the new value; a date as yyyy-mm-dd
     * @param reason   why
     */
    PersonRectification rectifyPerson(Actor actor, String personId, String field, String newValue, String reason);

    /** Reads a person. */
    Person person(String personId);

    /** Persons whose given or family name contains {@code name} (case-insensitive), at most 100. */
    List<Person> findPersons(String name);

    /** Records a relationship between two recorded persons. */
    Relationship relate(Actor actor, RelationshipInput input);

    /** The relationships a person is part of (either side). */
    List<Relationship> relationships(String personId);

    /** Records a household. */
    Household createHousehold(Actor actor, HouseholdInput input);

    /** Reads a household with its members. */
    Household household(String householdId);

    /** Adds a membership period of a person to a household. */
    Household addMember(Actor actor, String householdId, MembershipInput input);
}
