package nl.proeftuin.core.rest.internal;

import java.util.Map;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequestInput;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.ReaderInput;
import nl.proeftuin.core.audit.privacy.RectificationInput;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;

/**
 * The GDPR rights (export, rectification, erasure, legal holds), restricted data (safe addresses,
 * restricted entries) and the outcome monitor's pseudonymised export.
 */
final class PrivacyResource {
    /** The role each route needs, for the authorisation policy (restricted data is decided again by the service). */
    static final Map<String, String> REQUIRED_ROLES = Map.ofEntries(
            Map.entry("GET /persons/{personId}/export", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/export.html", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/rectifications", "PROFESSIONAL (need to know)"),
            Map.entry("POST /persons/{personId}/rectifications", "PROFESSIONAL (need to know)"),
            Map.entry("GET /persons/{personId}/erasure-requests", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /persons/{personId}/erasure-requests", "PROFESSIONAL (need to know)"),
            Map.entry("POST /erasure-requests/{requestId}/approve", "REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /erasure-requests/{requestId}/reject", "REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /legal-holds", "REGIONAL_ADMINISTRATOR,AUDITOR"),
            Map.entry("POST /legal-holds", "REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /legal-holds/{holdId}/lift", "REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/safe-address", "PROFESSIONAL (need to know)"),
            Map.entry("PUT /persons/{personId}/safe-address", "PROFESSIONAL (need to know)"),
            Map.entry("GET /cases/{caseId}/restricted-entries", "PROFESSIONAL (need to know)"),
            Map.entry("POST /cases/{caseId}/restricted-entries", "PROFESSIONAL (need to know)"),
            Map.entry("GET /persons/{personId}/safe-address/history", "PROFESSIONAL (need to know)"),
            Map.entry("POST /persons/{personId}/safe-address/readers", "PROFESSIONAL (need to know)"),
            Map.entry("POST /cases/{caseId}/restricted-entries/{entryId}/readers", "PROFESSIONAL (need to know)"),
            Map.entry("GET /restricted-notices", "PROFESSIONAL"),
            Map.entry("GET /monitor/export.csv", "COORDINATOR"));

    private final OptionalService<PrivacyService> privacy;
    private final OptionalService<RestrictedData> restricted;

    PrivacyResource(OptionalService<PrivacyService> privacy, OptionalService<RestrictedData> restricted) {
        this.privacy = privacy;
        this.restricted = restricted;
    }

    void register(Router router) {
        router.add("GET", "/persons/{personId}/export", r -> {
            PrivacyService service = privacy.get();
            return Reply.ok(service.export(Readers.from(r), r.path("personId"))).header("Cache-Control", "no-store");
        });
        router.add("GET", "/persons/{personId}/export.html", r -> {
            PrivacyService service = privacy.get();
            PersonalDataExport export = service.export(Readers.from(r), r.path("personId"));
            return Reply.text(200, PersonalDataPage.render(export), "text/html")
                    .header("Content-Security-Policy", FamilyViewPage.CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        });
        router.add("GET", "/persons/{personId}/rectifications", r -> Reply.ok(privacy.get().rectifications(r.path("personId"))));
        router.add("POST", "/persons/{personId}/rectifications", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.json(201, service.rectify(reader, r.path("personId"), r.body(RectificationInput.class)));
        });
        router.add("GET", "/persons/{personId}/erasure-requests", r -> Reply.ok(privacy.get().erasureRequests(r.path("personId"))));
        router.add("POST", "/persons/{personId}/erasure-requests", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.json(201, service.requestErasure(reader, r.path("personId"), r.body(ErasureRequestInput.class)));
        });
        router.add("POST", "/erasure-requests/{requestId}/approve", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.ok(service.approveErasure(reader, r.path("requestId"), r.body(ErasureDecisionInput.class)));
        });
        router.add("POST", "/erasure-requests/{requestId}/reject", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.ok(service.rejectErasure(reader, r.path("requestId"), r.body(ErasureDecisionInput.class)));
        });
        router.add("GET", "/legal-holds", r -> Reply.ok(privacy.get().holds(r.requiredQuery("subjectId"))));
        router.add("POST", "/legal-holds", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.json(201, service.placeHold(reader, r.body(LegalHoldInput.class)));
        });
        router.add("POST", "/legal-holds/{holdId}/lift", r -> {
            PrivacyService service = privacy.get();
            var reader = Readers.from(r);
            return Reply.ok(service.liftHold(reader, r.path("holdId"), r.body(ErasureDecisionInput.class)));
        });
        router.add("GET", "/persons/{personId}/safe-address", r -> {
            RestrictedData service = restricted.get();
            return Reply.ok(service.safeAddress(Readers.from(r), r.path("personId"))).header("Cache-Control", "no-store");
        });
        router.add("PUT", "/persons/{personId}/safe-address", r -> {
            RestrictedData service = restricted.get();
            var reader = Readers.from(r);
            try {
                return Reply.ok(service.setSafeAddress(reader, r.path("personId"), r.body(SafeAddressInput.class)))
                        .header("Cache-Control", "no-store");
            } catch (RuleViolationException e) {
                if (!RestrictedData.NOT_NAMED.equals(e.rule())) {
                    throw e;
                }
                // only those named on the current version may change it (the service logged the refusal)
                throw new ApiProblem(403, "Forbidden", e.getMessage()).with("reason", RestrictedData.NOT_NAMED);
            }
        });
        router.add("GET", "/persons/{personId}/safe-address/history", r -> {
            RestrictedData service = restricted.get();
            return Reply.ok(service.safeAddressHistory(Readers.from(r), r.path("personId"))).header("Cache-Control", "no-store");
        });
        router.add("POST", "/persons/{personId}/safe-address/readers", r -> {
            RestrictedData service = restricted.get();
            var reader = Readers.from(r);
            return Reply.ok(service.addSafeAddressReader(reader, r.path("personId"), r.body(ReaderInput.class)))
                    .header("Cache-Control", "no-store");
        });
        router.add("POST", "/cases/{caseId}/restricted-entries/{entryId}/readers", r -> {
            RestrictedData service = restricted.get();
            var reader = Readers.from(r);
            return Reply.ok(service.addRestrictedEntryReader(reader, r.path("caseId"), r.path("entryId"),
                    r.body(ReaderInput.class))).header("Cache-Control", "no-store");
        });
        router.add("GET", "/restricted-notices", r -> {
            RestrictedData service = restricted.get();
            return Reply.ok(service.notices(Readers.from(r), r.queryInt("limit", 50, 1, 500))).header("Cache-Control", "no-store");
        });
        router.add("GET", "/cases/{caseId}/restricted-entries", r -> {
            RestrictedData service = restricted.get();
            return Reply.ok(service.restrictedEntries(Readers.from(r), r.path("caseId"))).header("Cache-Control", "no-store");
        });
        router.add("POST", "/cases/{caseId}/restricted-entries", r -> {
            RestrictedData service = restricted.get();
            var reader = Readers.from(r);
            return Reply.json(201, service.addRestrictedEntry(reader, r.path("caseId"), r.body(RestrictedEntryInput.class)));
        });
        router.add("GET", "/monitor/export.csv", r -> {
            PrivacyService service = privacy.get();
            return Reply.text(200, service.monitorExport(Readers.from(r)), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"monitor-export.csv\"")
                    .header("Cache-Control", "no-store");
        });
    }
}
