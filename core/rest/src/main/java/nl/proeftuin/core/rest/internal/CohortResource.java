package nl.proeftuin.core.rest.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.proeftuin.core.api.monitor.CaseOutcome;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortRow;
import nl.proeftuin.core.api.monitor.CohortService;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.monitor.ExperienceInput;
import nl.proeftuin.core.api.monitor.MunicipalityGroup;
import nl.proeftuin.core.api.monitor.MunicipalityGroupInput;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * The pilot evaluation (issue 15, decision 0030): {@code /monitor/compare} (JSON) and
 * {@code /monitor/compare.csv} (pseudonymised case-level rows) for two or more cohorts, the named
 * municipality groups ({@code /monitor/groups}), and per case its outcome and the family's experience.
 * Every call is written to the access log by the guard, as any other; the CSV also as an export.
 */
final class CohortResource {
    static final String COHORT_FORMAT = "One cohort per `cohort` parameter (two to six), as `key=value` pairs "
            + "separated by `;`: `name` (required, unique), `from` and `to` (days the signal was received, "
            + "YYYY-MM-DD), or `month` (YYYY-MM) or `quarter` (YYYY-Qn), `municipality` (repeatable) and/or `group` "
            + "(a named municipality group), `plugin` and `configurationHash` (the variant of the case's first "
            + "triage), `bindingRevision` (the binding period it was triaged in), `opening` (the variant in force at "
            + "the case's opening: `POINT:plugin`, `POINT:plugin:configurationHash` or `POINT:none`, e.g. "
            + "`TRIAGE:threeway`), `decided` (a variant a later decision of the case was taken under, the same "
            + "form; POINT TRIAGE, CARE_PATH, PROCUREMENT or LOCAL_TEAM, e.g. `PROCUREMENT:ijw`). Example: "
            + "`cohort=name=pilot;group=Pilot;quarter=2026-Q1&cohort=name=control;group=Control;quarter=2026-Q1`.";

    private final OptionalService<CohortService> cohorts;
    private final OptionalService<PrivacyService> privacy;
    private final Guard guard;

    CohortResource(OptionalService<CohortService> cohorts, OptionalService<PrivacyService> privacy, Guard guard) {
        this.cohorts = cohorts;
        this.privacy = privacy;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/monitor/compare")
                .operation("compareCohorts", "monitor", "Two or more cohorts side by side for each indicator: counts, "
                        + "medians or shares, and the difference with the first cohort with its 95% confidence "
                        + "interval; a plain warning (English and Dutch) where a figure rests on too few cases.")
                .describe("Lead time signal to first help, professionals per family, handovers, compulsory framework, "
                        + "care waiting time, out-of-home placements (and prevented), repeat signals within 12 months of "
                        + "closing, requests to the Raad, court measures, family experience. Computed by the database. "
                        + "A user limited to municipalities compares only cohorts within theirs (403 other_municipality). "
                        + COHORT_FORMAT)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("cohort", Route.listOf(String.class), "A cohort (repeat the parameter). " + COHORT_FORMAT)
                .returns(200, "OK", CohortComparison.class)
                .responses(400)
                .handle(r -> {
                    CohortComparison c = cohorts.get().compare(specs(r));
                    Principal principal = Guard.principal(r);
                    if (!principal.allMunicipalities()) {
                        for (CohortComparison.Cohort k : c.cohorts()) {
                            if (k.municipalities() == null || !k.municipalities().stream().allMatch(principal::covers)) {
                                throw guard.outsideScope(r, "cohort", "monitor", "cohort " + k.spec().label()
                                        + " covers municipalities outside yours " + principal.municipalities());
                            }
                        }
                    }
                    return Reply.ok(c).noStore();
                }));
        router.add(Route.get("/monitor/compare.csv")
                .operation("compareCohortsCsv", "monitor", "The pseudonymised case-level rows behind a comparison, for "
                        + "the pilot's researchers: keyed (HMAC) case pseudonyms (the monitor export's), months instead "
                        + "of dates, no names, BSN or dates of birth. For users with all municipalities; logged as an "
                        + "export.")
                .describe(COHORT_FORMAT)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("cohort", Route.listOf(String.class), "A cohort (repeat the parameter). " + COHORT_FORMAT)
                .returnsText(200, "OK", "text/csv")
                .responses(400)
                .handle(r -> {
                    if (!Guard.principal(r).allMunicipalities()) {
                        throw guard.outsideScope(r, "cohort", "monitor", "The case-level export is for users with all"
                                + " municipalities");
                    }
                    List<CohortRow> rows = cohorts.get().rows(specs(r));
                    Map<String, String> pseudonyms = privacy.get().casePseudonyms(Readers.from(r), "cohort comparison",
                            rows.stream().map(CohortRow::caseId).distinct().toList());
                    return Reply.text(200, csv(rows, pseudonyms), MonitorResource.CSV_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"proeftuin-cohorts.csv\"")
                            .noStore();
                }));
        router.add(Route.get("/monitor/groups")
                .operation("municipalityGroups", "monitor", "The named groups of municipalities (pilot, control, ...).")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(200, "OK", Route.listOf(MunicipalityGroup.class))
                .handle(r -> Reply.ok(cohorts.get().groups())));
        router.add(Route.put("/monitor/groups/{name}")
                .operation("putMunicipalityGroup", "monitor", "Creates or replaces a named group of municipalities "
                        + "(names or CBS codes of the register); for coordinators with all municipalities.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(MunicipalityGroupInput.class)
                .returns(200, "OK", MunicipalityGroup.class)
                .responses(400)
                .handle(r -> {
                    wholeRegion(r);
                    return Reply.ok(cohorts.get().putGroup(Actors.from(r).id(), r.path("name"),
                            r.body(MunicipalityGroupInput.class)));
                }));
        router.add(Route.delete("/monitor/groups/{name}")
                .operation("deleteMunicipalityGroup", "monitor", "Deletes a named group of municipalities.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(204, "Deleted", null)
                .responses(400, 404)
                .handle(r -> {
                    wholeRegion(r);
                    cohorts.get().deleteGroup(r.path("name"));
                    return Reply.noContent();
                }));
        router.add(Route.get("/cases/{caseId}/outcome")
                .operation("caseOutcome", "cases", "The case's outcome for the evaluation: the structured outcome "
                        + "recorded at closing (null while open), its repeat signals (later cases sharing a member, "
                        + "signalled within 12 months of the closing) and the family-experience scores.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", CaseOutcome.class)
                .handle(r -> Reply.ok(cohorts.get().outcome(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/experiences")
                .operation("recordExperience", "cases", "Records a member's experience of the help, 1 (bad) to 5 "
                        + "(good), entered by the member in the family view (recordedAs FAMILY) or by the professional "
                        + "on their behalf (PROFESSIONAL); the newest per member counts. Also on a closed case.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ExperienceInput.class)
                .returns(201, "Recorded", CaseOutcome.class)
                .responses(400)
                .handle(r -> Reply.json(201, cohorts.get().recordExperience(Actors.from(r).id(), r.path("caseId"),
                        r.body(ExperienceInput.class)))));
    }

    private void wholeRegion(ApiRequest r) {
        if (!Guard.principal(r).allMunicipalities()) {
            throw guard.outsideScope(r, "name", "monitor", "Only a coordinator granted all municipalities keeps the"
                    + " region's municipality groups");
        }
    }

    /** The {@code cohort} parameters; 400 naming {@code cohort[i].key} on anything it cannot read. */
    static List<CohortSpec> specs(ApiRequest r) {
        List<String> raw = r.queryAll("cohort");
        if (raw.size() < 2 || raw.size() > CohortService.MAX_COHORTS) {
            throw ApiProblem.invalidParameter("cohort", "give two to " + CohortService.MAX_COHORTS
                    + " cohorts, one per cohort parameter");
        }
        List<CohortSpec> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(spec("cohort[" + i + "]", raw.get(i)));
        }
        return out;
    }

    static CohortSpec spec(String field, String text) {
        String name = null;
        LocalDate from = null;
        LocalDate to = null;
        boolean period = false;
        List<String> municipalities = new ArrayList<>();
        String group = null;
        String plugin = null;
        String hash = null;
        Long revision = null;
        String opening = null;
        String decided = null;
        if (text.length() > 2000) {
            throw ApiProblem.invalidParameter(field, "is longer than 2000 characters");
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw ApiProblem.invalidParameter(field, "'" + part.strip() + "' is not key=value");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            String f = field + "." + key;
            if (value.isEmpty()) {
                throw ApiProblem.invalidParameter(f, "is empty");
            }
            try {
                switch (key) {
                    case "name" -> name = value;
                    case "from" -> from = LocalDate.parse(value);
                    case "to" -> to = LocalDate.parse(value);
                    case "month" -> {
                        YearMonth m = YearMonth.parse(value);
                        from = m.atDay(1);
                        to = m.atEndOfMonth();
                        period = true;
                    }
                    case "quarter" -> {
                        if (!value.matches("\\d{4}-[Qq][1-4]")) {
                            throw ApiProblem.invalidParameter(f, "must be YYYY-Qn, e.g. 2026-Q1");
                        }
                        int q = value.charAt(6) - '0';
                        YearMonth first = YearMonth.of(Integer.parseInt(value.substring(0, 4)), 3 * q - 2);
                        from = first.atDay(1);
                        to = first.plusMonths(2).atEndOfMonth();
                        period = true;
                    }
                    case "municipality" -> municipalities.add(value);
                    case "group" -> group = value;
                    case "plugin" -> plugin = value;
                    case "configurationHash" -> hash = value.toLowerCase(Locale.ROOT);
                    case "bindingRevision" -> revision = Long.parseLong(value);
                    case "opening" -> opening = value; // cohorts (V26): the variant at opening, POINT:plugin[:hash]
                    case "decided" -> decided = value; // cohorts (0042): a later decision's variant, POINT:plugin[:hash]
                    default -> throw ApiProblem.invalidParameter(f, "is not a cohort key (name, from, to, month,"
                            + " quarter, municipality, group, plugin, configurationHash, bindingRevision, opening, decided)");
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ApiProblem.invalidParameter(f, "cannot be read: '" + value + "'");
            }
            if (period && (key.equals("from") || key.equals("to"))) {
                throw ApiProblem.invalidParameter(f, "give either from/to or a month or quarter");
            }
        }
        if (name == null) {
            throw ApiProblem.invalidParameter(field + ".name", "is required");
        }
        return new CohortSpec(name, from, to, municipalities.isEmpty() ? null : List.copyOf(municipalities), group,
                plugin, hash, revision, opening, decided);
    }

    static String csv(List<CohortRow> rows, Map<String, String> pseudonyms) {
        StringBuilder out = new StringBuilder("cohort,case_pseudonym,municipality,signal_month,framework,triage_plugin,"
                + "configuration_hash,binding_revision,lead_time_days,professionals,handovers,raad_requests,"
                + "measure_type,outcome,closed_month,repeat_signal\r\n");
        for (CohortRow k : rows) {
            out.append(MonitorResource.cell(k.cohort())).append(',').append(pseudonyms.get(k.caseId())).append(',')
                    .append(MonitorResource.cell(k.municipality())).append(',')
                    .append(YearMonth.from(k.signalReceivedOn())).append(',').append(k.framework()).append(',')
                    .append(k.triagePlugin() == null ? "" : MonitorResource.cell(k.triagePlugin())).append(',')
                    .append(k.configurationHash() == null ? "" : MonitorResource.cell(k.configurationHash())).append(',')
                    .append(k.bindingRevision() == null ? "" : k.bindingRevision()).append(',')
                    .append(k.leadTimeDays() == null ? "" : k.leadTimeDays()).append(',')
                    .append(k.professionals()).append(',').append(k.handovers()).append(',').append(k.raadRequests())
                    .append(',').append(k.measureType() == null ? "" : k.measureType()).append(',')
                    .append(k.outcome() == null ? "" : k.outcome()).append(',')
                    .append(k.closedOn() == null ? "" : YearMonth.from(k.closedOn())).append(',')
                    .append(k.repeatSignal()).append("\r\n");
        }
        return out.toString();
    }
}
