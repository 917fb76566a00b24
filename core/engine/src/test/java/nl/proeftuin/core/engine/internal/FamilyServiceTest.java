package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.api.dto.RelationshipType;
import org.junit.jupiter.api.Test;

class FamilyServiceTest extends EngineTestBase {

    @Test
    void aPersonIsRecordedWithAgeTodayAndTheBsnOnlyMasked() {
        Person p = family.createPerson(ANS, new PersonInput(" Sanne ", "Jansen", LocalDate.of(2016, 3, 13), "123456782"));
        assertEquals("Sanne", p.givenName());
        assertEquals(10, p.age(), "turns 11 tomorrow");
        assertEquals("******782", p.nationalIdMasked());
        assertEquals(START, p.createdAt());
        assertEquals("ans", p.createdBy());
        assertEquals(p, family.person(p.id()));
        assertFalse(family.person(p.id()).toString().contains("123456782"));
    }

    @Test
    void theBsnMustPassTheElevenTest() {
        assertInvalid("nationalId", () -> family.createPerson(ANS, new PersonInput("A", "B", TODAY, "123456789")));
        assertInvalid("nationalId", () -> family.createPerson(ANS, new PersonInput("A", "B", TODAY, "12345678")));
        assertInvalid("nationalId", () -> family.createPerson(ANS, new PersonInput("A", "B", TODAY, "000000000")));
    }

    @Test
    void aBsnCanBeRecordedOnlyOnce() {
        family.createPerson(ANS, new PersonInput("A", "B", TODAY, "111222333"));
        assertRule("person-already-recorded",
                () -> family.createPerson(ANS, new PersonInput("C", "D", TODAY, "111222333")));
    }

    @Test
    void namesAreRequiredAndAtMost200Characters() {
        assertInvalid("givenName", () -> family.createPerson(ANS, new PersonInput(" ", "B", TODAY, null)));
        assertInvalid("familyName", () -> family.createPerson(ANS, new PersonInput("A", "x".repeat(201), TODAY, null)));
        assertInvalid("actor.id", () -> family.createPerson(new nl.proeftuin.core.api.dto.Actor(" ", "x"),
                new PersonInput("A", "B", TODAY, null)));
    }

    @Test
    void aDateOfBirthIsNotInTheFutureAndGivesAnAgeFrom0To120() {
        assertEquals(0, family.createPerson(ANS, new PersonInput("Baby", "B", TODAY, null)).age());
        assertEquals(120, family.createPerson(ANS, new PersonInput("Oud", "B", TODAY.minusYears(120), null)).age());
        assertInvalid("dateOfBirth", () -> family.createPerson(ANS, new PersonInput("A", "B", TODAY.plusDays(1), null)));
        assertInvalid("dateOfBirth", () -> family.createPerson(ANS, new PersonInput("A", "B", TODAY.minusYears(121), null)));
        assertInvalid("dateOfBirth", () -> family.createPerson(ANS, new PersonInput("A", "B", null, null)));
    }

    @Test
    void personsAreFoundByPartOfTheirNameIgnoringCase() {
        String name = unique("Zoek");
        Person p = family.createPerson(ANS, new PersonInput("Lotte", name, TODAY, null));
        assertEquals(List.of(p), family.findPersons(name.toUpperCase().substring(2)));
        assertInvalid("name", () -> family.findPersons(" "));
        assertThrows(NotFoundException.class, () -> family.person("nobody"));
    }

    @Test
    void aRelationshipLinksTwoRecordedPersonsBothWays() {
        Person mother = person("Mira");
        Person child = person("Tim");
        Relationship r = family.relate(ANS, new RelationshipInput(mother.id(), child.id(), RelationshipType.PARENT_OF,
                null, null, "stiefmoeder"));
        assertEquals(List.of(r), family.relationships(mother.id()));
        assertEquals(List.of(r), family.relationships(child.id()));
    }

    @Test
    void aRelationshipNeedsTwoDifferentKnownPersonsAndADateRange() {
        Person a = person("A");
        Person b = person("B");
        assertInvalid("toPersonId", () -> family.relate(ANS, new RelationshipInput(a.id(), a.id(),
                RelationshipType.SIBLING_OF, null, null, null)));
        assertInvalid("toPersonId", () -> family.relate(ANS, new RelationshipInput(a.id(), "unknown",
                RelationshipType.SIBLING_OF, null, null, null)));
        assertInvalid("until", () -> family.relate(ANS, new RelationshipInput(a.id(), b.id(),
                RelationshipType.EX_PARTNER_OF, TODAY.minusDays(1), TODAY.minusDays(2), null)));
        assertInvalid("type", () -> family.relate(ANS, new RelationshipInput(a.id(), b.id(), null, null, null, null)));
        assertThrows(NotFoundException.class, () -> family.relationships("unknown"));
    }

    @Test
    void aHouseholdHasMembersWithPeriodsThatDoNotOverlap() {
        Household h = family.createHousehold(ANS, new HouseholdInput("Markt 1", "6811ab", "Arnhem"));
        assertEquals("6811 AB", h.postalCode());
        Person p = person("Tim");
        Household after = family.addMember(ANS, h.id(), new MembershipInput(p.id(), TODAY.minusYears(2), TODAY.minusYears(1)));
        assertEquals(1, after.members().size());
        family.addMember(ANS, h.id(), new MembershipInput(p.id(), TODAY.minusYears(1), null));
        assertRule("membership-overlaps", () -> family.addMember(ANS, h.id(), new MembershipInput(p.id(), TODAY, null)));
        assertEquals(2, family.household(h.id()).members().size());
        assertNull(family.household(h.id()).members().get(1).until());
    }

    @Test
    void householdInputIsChecked() {
        assertInvalid("postalCode", () -> family.createHousehold(ANS, new HouseholdInput("Markt 1", "0811 AB", "Arnhem")));
        assertInvalid("municipality", () -> family.createHousehold(ANS, new HouseholdInput("Markt 1", null, " ")));
        Household h = family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "Arnhem"));
        assertInvalid("personId", () -> family.addMember(ANS, h.id(), new MembershipInput("unknown", TODAY, null)));
        Person p = person("Tim");
        assertInvalid("since", () -> family.addMember(ANS, h.id(), new MembershipInput(p.id(), TODAY.plusDays(1), null)));
        assertInvalid("until", () -> family.addMember(ANS, h.id(), new MembershipInput(p.id(), TODAY, TODAY.minusDays(1))));
        assertThrows(NotFoundException.class, () -> family.addMember(ANS, "unknown", new MembershipInput(p.id(), TODAY, null)));
        assertTrue(family.household(h.id()).members().isEmpty());
    }
}
