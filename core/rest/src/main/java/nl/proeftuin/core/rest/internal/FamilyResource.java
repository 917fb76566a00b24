package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.RelationshipInput;

/** Persons, relationships and households: {@code /persons}, {@code /relationships}, {@code /households}. */
final class FamilyResource {
    private final OptionalService<FamilyService> family;
    /** Need to know on search results and on the persons a body names. */
    private final Guard guard;

    FamilyResource(OptionalService<FamilyService> family, Guard guard) {
        this.family = family;
        this.guard = guard;
    }

    void register(Router router) {
        router.add("POST", "/persons", this::createPerson);
        router.add("GET", "/persons", r -> Reply.ok(guard.visiblePersons(r,
                family.get().findPersons(r.requiredQuery("name")), Person::id)));
        router.add("GET", "/persons/{personId}", r -> Reply.ok(family.get().person(r.path("personId"))));
        router.add("GET", "/persons/{personId}/relationships",
                r -> Reply.ok(family.get().relationships(r.path("personId"))));
        // 201 without Location: the API has no route that reads one relationship (it is read
        // through /persons/{personId}/relationships).
        router.add("POST", "/relationships", r -> {
            FamilyService service = family.get();
            RelationshipInput input = r.body(RelationshipInput.class);
            guard.requirePersons(r, "fromPersonId", java.util.Collections.singletonList(input.fromPersonId()));
            guard.requirePersons(r, "toPersonId", java.util.Collections.singletonList(input.toPersonId()));
            return Reply.json(201, service.relate(Actors.from(r), input));
        });
        router.add("POST", "/households", this::createHousehold);
        router.add("GET", "/households/{householdId}", r -> Reply.ok(family.get().household(r.path("householdId"))));
        router.add("POST", "/households/{householdId}/members", r -> {
            FamilyService service = family.get();
            MembershipInput input = r.body(MembershipInput.class);
            guard.requirePersons(r, "personId", java.util.Collections.singletonList(input.personId()));
            return Reply.ok(service.addMember(Actors.from(r), r.path("householdId"), input));
        });
    }

    private Reply createPerson(ApiRequest r) {
        FamilyService service = family.get();
        Person person = service.createPerson(Actors.from(r), r.body(PersonInput.class));
        return Reply.created(person, r.link("/persons/" + person.id()));
    }

    private Reply createHousehold(ApiRequest r) {
        FamilyService service = family.get();
        Household household = service.createHousehold(Actors.from(r), r.body(HouseholdInput.class));
        return Reply.created(household, r.link("/households/" + household.id()));
    }
}
