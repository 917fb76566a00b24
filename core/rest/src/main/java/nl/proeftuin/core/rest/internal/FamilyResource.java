package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.security.Role;

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
        router.add(Route.post("/persons")
                .operation("createPerson", "family", "Records a person.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(PersonInput.class)
                .returns(201, "Created", Person.class).headers("Location")
                .handle(this::createPerson));
        router.add(Route.get("/persons")
                .operation("findPersons", "family", "Persons whose given or family name contains name "
                        + "(case-insensitive), at most 100.")
                .describe("Need to know: only the persons the user may see (through a case, or recorded by them and in "
                        + "no case yet).")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .requiredQuery("name", String.class, "Part of a given or family name.")
                .returns(200, "OK", Route.listOf(Person.class))
                .responses(400)
                .handle(r -> Reply.ok(guard.visiblePersons(r,
                        family.get().findPersons(r.requiredQuery("name")), Person::id))));
        router.add(Route.get("/persons/{personId}")
                .operation("getPerson", "family", "Reads a person.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .returns(200, "OK", Person.class)
                .handle(r -> Reply.ok(family.get().person(r.path("personId")))));
        router.add(Route.get("/persons/{personId}/relationships")
                .operation("personRelationships", "family", "The relationships a person is part of (either side).")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(Relationship.class))
                .handle(r -> Reply.ok(family.get().relationships(r.path("personId")))));
        // 201 without Location: the API has no route that reads one relationship (it is read
        // through /persons/{personId}/relationships).
        router.add(Route.post("/relationships")
                .operation("relate", "family", "Records a relationship between two recorded persons.")
                .describe("Answers 201 without Location: a relationship is read through "
                        + "/persons/{personId}/relationships. Both persons must be ones the user may see (403 naming "
                        + "fromPersonId or toPersonId otherwise).")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(RelationshipInput.class)
                .returns(201, "Created", Relationship.class)
                .responses(404)
                .handle(r -> {
                    FamilyService service = family.get();
                    RelationshipInput input = r.body(RelationshipInput.class);
                    guard.requirePersons(r, "fromPersonId", java.util.Collections.singletonList(input.fromPersonId()));
                    guard.requirePersons(r, "toPersonId", java.util.Collections.singletonList(input.toPersonId()));
                    return Reply.json(201, service.relate(Actors.from(r), input));
                }));
        router.add(Route.post("/households")
                .operation("createHousehold", "family", "Records a household.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(HouseholdInput.class)
                .returns(201, "Created", Household.class).headers("Location")
                .handle(this::createHousehold));
        router.add(Route.get("/households/{householdId}")
                .operation("getHousehold", "family", "Reads a household with its members.")
                .policy(RoutePolicy.onHousehold(Role.PROFESSIONAL))
                .returns(200, "OK", Household.class)
                .handle(r -> Reply.ok(concerningMembers(r, family.get().household(r.path("householdId"))))));
        router.add(Route.post("/households/{householdId}/members")
                .operation("addHouseholdMember", "family", "Adds a membership period of a person to a household.")
                .describe("The person must be one the user may see (403 naming personId otherwise).")
                .policy(RoutePolicy.onHousehold(Role.PROFESSIONAL))
                .body(MembershipInput.class)
                .returns(200, "The household with the new membership", Household.class)
                .handle(r -> {
                    FamilyService service = family.get();
                    MembershipInput input = r.body(MembershipInput.class);
                    guard.requirePersons(r, "personId", java.util.Collections.singletonList(input.personId()));
                    return Reply.ok(concerningMembers(r, service.addMember(Actors.from(r), r.path("householdId"), input)));
                }));
    }

    /**
     * A household read or changed concerns its members: the access-log entry names them, so each sees it in
     * their access view (it was logged against no person, and no family member ever saw who read where they live).
     */
    private static Household concerningMembers(ApiRequest r, Household household) {
        if (household != null && household.members() != null) {
            household.members().forEach(m -> LivingResource.concerns(r, m.personId()));
        }
        return household;
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
