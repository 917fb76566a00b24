package nl.proeftuin.core.rest.internal;


import java.util.Locale;
import java.util.Map;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureRequestInput;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.ReaderInput;
import nl.proeftuin.core.audit.privacy.Rectification;
import nl.proeftuin.core.audit.privacy.RectificationInput;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.RestrictedEntry;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.RestrictedNotice;
import nl.proeftuin.core.audit.privacy.SafeAddress;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;
import nl.proeftuin.core.audit.privacy.SafeAddressVersion;
import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.Role;

/**
 * The GDPR rights (export, rectification, erasure, legal holds), restricted data (safe addresses,
 * restricted entries) and the outcome monitor's pseudonymised export.
 */
final class PrivacyResource {
    private final OptionalService<PrivacyService> privacy;
    private final OptionalService<RestrictedData> restricted;
    /** Logs a refusal on the user's municipality scope. */
    private final Guard guard;

    PrivacyResource(OptionalService<PrivacyService> privacy, OptionalService<RestrictedData> restricted, Guard guard) {
        this.privacy = privacy;
        this.restricted = restricted;
        this.guard = guard;
    }

    /**
     * A professional's export holds only the cases they may open: what is held about the person in the other
     * cases (their signal, team, plans, entries, consents, holds, and who read them) is for those cases' teams
     * and for the regional administrator, who makes the complete export (GDPR art. 15). Without this, any
     * professional who may see the person (through one case, or a case the person left) read every other case
     * of theirs through the export.
     */
    private PersonalDataExport seen(ApiRequest r, PersonalDataExport e) {
        java.util.function.Predicate<String> open = guard.casesOpenTo(r);
        java.util.function.Predicate<Map<String, Object>> byCase = row -> row.get("case_id") == null
                || open.test(String.valueOf(row.get("case_id")));
        return new PersonalDataExport(e.generatedAt(), e.personId(), e.person(), e.safeAddress(), e.relationships(),
                e.households(), e.cases().stream().filter(k -> open.test(String.valueOf(k.get("id")))).toList(),
                e.entries().stream().filter(byCase).toList(), e.consents().stream().filter(byCase).toList(),
                e.planVersions().stream().filter(byCase).toList(), e.rectifications(), e.erasureRequests(),
                e.legalHolds().stream().filter(h -> !"case".equalsIgnoreCase(h.subjectType()) || open.test(h.subjectId()))
                        .toList(),
                guard.forProfessional(r, e.accessLog()));
    }

    /**
     * The municipality scope of the GDPR administration's routes whose path names no case or person (an
     * erasure decision, a legal hold, the holds list): a regional administrator or auditor limited to some
     * municipalities decides, places, lifts or lists only on a subject within them, as the guard decides a
     * path's (for a person, all of their cases; a person in no case only for all). Outside: 403
     * {@code other_municipality} naming the field, logged DENIED, before anything is changed.
     *
     * @param subjectType   {@code person} or {@code case}
     * @param refuseMissing whether a subject that does not exist (any more) is refused too: a request's or a
     *                      hold's recorded subject removed since is only for users with all municipalities; a
     *                      body's unknown subject is the service's to answer (404), as before
     */
    private void requireWithinScope(ApiRequest r, String field, String subjectType, String subjectId,
            boolean refuseMissing) {
        CaseAccess access = guard.scopeOf(r, subjectType, subjectId);
        if (access == CaseAccess.ASSIGNED || access == CaseAccess.NOT_FOUND && !refuseMissing) {
            return;
        }
        Guard.Entry entry = Guard.entry(r);
        if (entry != null && subjectId != null) {
            if ("case".equals(subjectType)) {
                entry.caseId = subjectId;
            } else {
                entry.persons.add(subjectId);
            }
        }
        throw guard.outsideScope(r, field, subjectType, "This " + subjectType + " lies outside your municipalities");
    }

    /**
     * The subject of a holds list: the person or case the id names (the list does not say which). Neither
     * (removed since, or unknown) is only for users with all municipalities: holds outlive their subject.
     */
    private void requireHoldsWithinScope(ApiRequest r, String subjectId) {
        if (guard.scopeOf(r, "person", subjectId) != CaseAccess.NOT_FOUND) {
            requireWithinScope(r, "subjectId", "person", subjectId, true);
        } else {
            requireWithinScope(r, "subjectId", "case", subjectId, true);
        }
    }

    void register(Router router) {
        router.add(Route.get("/persons/{personId}/export")
                .operation("personExport", "privacy", "Everything held about the person (GDPR right of access), as "
                        + "JSON; logged as EXPORT.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL, Role.REGIONAL_ADMINISTRATOR))
                .returns(200, "OK", PersonalDataExport.class)
                .responses(400)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    return Reply.ok(seen(r, service.export(Readers.from(r), r.path("personId"))))
                            .noStore();
                }));
        router.add(Route.get("/persons/{personId}/export.html")
                .operation("personExportHtml", "privacy", "The same export as a readable, printable page in plain "
                        + "Dutch.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL, Role.REGIONAL_ADMINISTRATOR))
                .returnsText(200, "OK", "text/html")
                .responses(400)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    PersonalDataExport export = seen(r, service.export(Readers.from(r), r.path("personId")));
                    return Reply.text(200, PersonalDataPage.render(export), "text/html")
                            .header("Content-Security-Policy", FamilyViewPage.CONTENT_SECURITY_POLICY)
                            .header("X-Content-Type-Options", "nosniff").noStore();
                }));
        router.add(Route.get("/persons/{personId}/rectifications")
                .operation("personRectifications", "privacy", "The corrections made to the person's data, with the old "
                        + "values.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(Rectification.class))
                .responses(400)
                .handle(r -> Reply.ok(privacy.get().rectifications(r.path("personId")))));
        router.add(Route.post("/persons/{personId}/rectifications")
                .operation("rectifyPerson", "privacy", "Corrects a given name, family name or date of birth; the old "
                        + "value is kept and the change logged.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .body(RectificationInput.class)
                .returns(201, "Created", Rectification.class)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    return Reply.json(201, service.rectify(reader, r.path("personId"),
                            r.body(RectificationInput.class)));
                }));
        router.add(Route.get("/persons/{personId}/erasure-requests")
                .operation("personErasureRequests", "privacy", "The person's erasure requests and decisions.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL, Role.REGIONAL_ADMINISTRATOR))
                .returns(200, "OK", Route.listOf(ErasureRequest.class))
                .responses(400)
                .handle(r -> Reply.ok(privacy.get().erasureRequests(r.path("personId")))));
        router.add(Route.post("/persons/{personId}/erasure-requests")
                .operation("requestErasure", "privacy", "Requests erasure of the person's data; a second person "
                        + "decides.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .body(ErasureRequestInput.class)
                .returns(201, "Created", ErasureRequest.class)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    return Reply.json(201, service.requestErasure(reader, r.path("personId"),
                            r.body(ErasureRequestInput.class)));
                }));
        router.add(Route.post("/erasure-requests/{requestId}/approve")
                .operation("approveErasure", "privacy", "Approves (by a second person) and carries out an erasure "
                        + "where the law allows it; else REFUSED with the reason (legal hold, retention).")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(ErasureDecisionInput.class)
                .returns(200, "OK", ErasureRequest.class)
                .problem(403, "other_municipality: the request's person is not within your municipalities.")
                .responses(404, 409)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    ErasureDecisionInput input = r.body(ErasureDecisionInput.class);
                    service.erasureRequest(r.path("requestId"))
                            .ifPresent(q -> requireWithinScope(r, "requestId", "person", q.personId(), true));
                    return Reply.ok(service.approveErasure(reader, r.path("requestId"), input));
                }));
        router.add(Route.post("/erasure-requests/{requestId}/reject")
                .operation("rejectErasure", "privacy", "Rejects an erasure request (a second person).")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(ErasureDecisionInput.class)
                .returns(200, "OK", ErasureRequest.class)
                .problem(403, "other_municipality: the request's person is not within your municipalities.")
                .responses(404, 409)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    ErasureDecisionInput input = r.body(ErasureDecisionInput.class);
                    service.erasureRequest(r.path("requestId"))
                            .ifPresent(q -> requireWithinScope(r, "requestId", "person", q.personId(), true));
                    return Reply.ok(service.rejectErasure(reader, r.path("requestId"), input));
                }));
        router.add(Route.get("/legal-holds")
                .operation("legalHolds", "privacy", "The legal holds on a person or case.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR, Role.AUDITOR))
                .requiredQuery("subjectId", String.class, null)
                .returns(200, "OK", Route.listOf(LegalHold.class))
                .problem(403, "other_municipality: the person or case is not within your municipalities (for a "
                        + "user limited to some, also one that no longer exists).")
                .responses(400)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    String subjectId = r.requiredQuery("subjectId");
                    requireHoldsWithinScope(r, subjectId);
                    return Reply.ok(service.holds(subjectId));
                }));
        router.add(Route.post("/legal-holds")
                .operation("placeLegalHold", "privacy", "Places a legal hold on a person or case: no purge, no erasure "
                        + "while it holds.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(LegalHoldInput.class)
                .returns(201, "Created", LegalHold.class)
                .problem(403, "other_municipality: the person or case is not within your municipalities.")
                .responses(404)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    LegalHoldInput input = r.body(LegalHoldInput.class);
                    String type = input == null || input.subjectType() == null ? ""
                            : input.subjectType().strip().toLowerCase(Locale.ROOT);
                    if (type.equals("person") || type.equals("case")) {
                        // another type is the service's 400; an unknown subject its 404, as before
                        requireWithinScope(r, "subjectId", type, input.subjectId(), false);
                    }
                    return Reply.json(201, service.placeHold(reader, input));
                }));
        router.add(Route.post("/legal-holds/{holdId}/lift")
                .operation("liftLegalHold", "privacy", "Lifts a legal hold.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(ErasureDecisionInput.class)
                .returns(200, "OK", LegalHold.class)
                .problem(403, "other_municipality: the hold's person or case is not within your municipalities.")
                .responses(404, 409)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    var reader = Readers.from(r);
                    ErasureDecisionInput input = r.body(ErasureDecisionInput.class);
                    service.hold(r.path("holdId")).ifPresent(h -> requireWithinScope(r, "holdId",
                            h.subjectType().toLowerCase(Locale.ROOT), h.subjectId(), true));
                    return Reply.ok(service.liftHold(reader, r.path("holdId"), input));
                }));
        router.add(Route.get("/persons/{personId}/safe-address")
                .operation("safeAddress", "privacy", "The person's safe address, only for those named on it; every "
                        + "attempt is logged. 404 when none or not named (the same answer).")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .returns(200, "OK", SafeAddress.class)
                .responses(400)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    return Reply.ok(service.safeAddress(Readers.from(r), r.path("personId")))
                            .noStore();
                }));
        router.add(Route.put("/persons/{personId}/safe-address")
                .operation("setSafeAddress", "privacy", "Records the person's safe address, or its next version (the "
                        + "previous one is kept), restricted to the users, roles or person named. Once one exists "
                        + "only a reader named on the current version may change it: 403 (reason not-named, logged) "
                        + "for anyone else. The users named are notified (GET /restricted-notices).")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .body(SafeAddressInput.class)
                .returns(200, "OK", SafeAddress.class)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    var reader = Readers.from(r);
                    try {
                        return Reply.ok(service.setSafeAddress(reader, r.path("personId"),
                                r.body(SafeAddressInput.class)))
                                .noStore();
                    } catch (RuleViolationException e) {
                        if (!RestrictedData.NOT_NAMED.equals(e.rule())) {
                            throw e;
                        }
                        // only those named on the current version may change it (the service logged the refusal)
                        throw new ApiProblem(403, "Forbidden", e.getMessage()).with("reason", RestrictedData.NOT_NAMED);
                    }
                }));
        router.add(Route.get("/persons/{personId}/safe-address/history")
                .operation("safeAddressHistory", "privacy", "Every version of the person's safe address, oldest first, "
                        + "for a reader named on the current one; logged. 404 when none or not named (the same "
                        + "answer).")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(SafeAddressVersion.class))
                .responses(400)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    return Reply.ok(service.safeAddressHistory(Readers.from(r), r.path("personId")))
                            .noStore();
                }));
        router.add(Route.post("/persons/{personId}/safe-address/readers")
                .operation("addSafeAddressReader", "privacy", "A reader named on the safe address adds a reader (a new "
                        + "version, logged in the access log; the users named are notified). 404 when there is none "
                        + "or the caller is not named (the same answer as a read); 400 naming the field reader for a "
                        + "name that names nothing.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL))
                .body(ReaderInput.class)
                .returns(200, "OK", SafeAddress.class)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    var reader = Readers.from(r);
                    return Reply.ok(service.addSafeAddressReader(reader, r.path("personId"), r.body(ReaderInput.class)))
                            .noStore();
                }));
        router.add(Route.post("/cases/{caseId}/restricted-entries/{entryId}/readers")
                .operation("addRestrictedEntryReader", "privacy", "A reader named on the restricted entry adds a "
                        + "reader (logged in the access log; the users named are notified). 404 when the entry does "
                        + "not exist or the caller is not named on it (the same answer); 400 naming the field reader "
                        + "for a name that names nothing.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ReaderInput.class)
                .returns(200, "OK", RestrictedEntry.class)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    var reader = Readers.from(r);
                    return Reply.ok(service.addRestrictedEntryReader(reader, r.path("caseId"), r.path("entryId"),
                            r.body(ReaderInput.class))).noStore();
                }));
        router.add(Route.get("/restricted-notices")
                .operation("restrictedNotices", "privacy", "The caller's own notices that restricted data they are "
                        + "named on changed, newest first. A notice never holds the data itself.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .query("limit", Integer.class, null)
                .returns(200, "OK", Route.listOf(RestrictedNotice.class))
                .responses(400, 404)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    return Reply.ok(service.notices(Readers.from(r), r.queryInt("limit", 50, 1, 500)))
                            .noStore();
                }));
        router.add(Route.get("/cases/{caseId}/restricted-entries")
                .operation("restrictedEntries", "privacy", "The case's restricted entries the reader is named on; "
                        + "every one is logged (DENIED for the others).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(RestrictedEntry.class))
                .responses(400)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    return Reply.ok(service.restrictedEntries(Readers.from(r), r.path("caseId")))
                            .noStore();
                }));
        router.add(Route.post("/cases/{caseId}/restricted-entries")
                .operation("addRestrictedEntry", "privacy", "Records an entry visible only to those named on it; it "
                        + "never appears in the case's entry list.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(RestrictedEntryInput.class)
                .returns(201, "Created", RestrictedEntry.class)
                .handle(r -> {
                    RestrictedData service = restricted.get();
                    var reader = Readers.from(r);
                    return Reply.json(201, service.addRestrictedEntry(reader, r.path("caseId"),
                            r.body(RestrictedEntryInput.class)));
                }));
        router.add(Route.get("/monitor/export.csv")
                .operation("monitorExport", "privacy", "The pseudonymised export for the outcome monitor: keyed (HMAC) "
                        + "pseudonyms, age bands, roles, municipality, status, phase, framework, month opened; no "
                        + "names, BSN or dates of birth.")
                .describe("Case-level rows of the whole region: for coordinators granted all municipalities (403 "
                        + "other_municipality otherwise), as the cohort comparison's rows.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returnsText(200, "OK", "text/csv")
                .responses(400)
                .handle(r -> {
                    PrivacyService service = privacy.get();
                    if (!Guard.principal(r).allMunicipalities()) {
                        throw guard.outsideScope(r, null, "monitor", "The monitor export holds the whole region's "
                                + "case-level rows: it is for users with all municipalities");
                    }
                    return Reply.text(200, service.monitorExport(Readers.from(r)), "text/csv")
                            .header("Content-Disposition", "attachment; filename=\"monitor-export.csv\"")
                            .noStore();
                }));
    }
}
