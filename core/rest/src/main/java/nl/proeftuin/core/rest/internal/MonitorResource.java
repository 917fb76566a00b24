package nl.proeftuin.core.rest.internal;

import java.util.List;

import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.api.monitor.Distribution;
import nl.proeftuin.core.api.monitor.DistributionBucket;
import nl.proeftuin.core.api.monitor.FrameworkMonth;
import nl.proeftuin.core.api.monitor.OutcomeFigures;
import nl.proeftuin.core.api.monitor.OutcomeMonitor;
import nl.proeftuin.core.api.monitor.OutcomeReport;

/**
 * The pilot's outcome monitor: {@code /monitor} as JSON and {@code /monitor.csv} for a spreadsheet,
 * for the region or one municipality ({@code ?municipality=}). Definitions in {@link OutcomeMonitor}.
 */
final class MonitorResource {
    static final String CSV_TYPE = "text/csv";

    private final OptionalService<OutcomeMonitor> monitor;
    /** Logs a refusal on the user's municipality scope. */
    private final Guard guard;

    MonitorResource(OptionalService<OutcomeMonitor> monitor, Guard guard) {
        this.monitor = monitor;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/monitor")
                .operation("outcomeMonitor", "monitor", "The pilot's outcome monitor for the region or one "
                        + "municipality, with a summary row per municipality.")
                .describe("For learning, not blame: figures per case and family, never per professional. Lead time to "
                        + "first help = calendar days from the signal's receipt to the earliest of the first "
                        + "family-plan version and the first care request (cases without first help are counted "
                        + "apart); active professionals per open case; handovers per case; open cases by framework "
                        + "at the end of each of the last twelve months; care waiting time = days from a care "
                        + "request to its allocation.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("municipality", String.class, "The municipality; left out: the whole region. A municipality of "
                        + "the register (400 otherwise). A user limited to municipalities must name one of theirs "
                        + "and sees only their municipalities' rows (403 other_municipality otherwise); the region's "
                        + "figures are for users with all municipalities.")
                .returns(200, "OK", OutcomeReport.class)
                .responses(400)
                .handle(r -> Reply.ok(report(r))));
        router.add(Route.get("/monitor.csv")
                .operation("outcomeMonitorCsv", "monitor", "The outcome monitor as CSV (scope, measure, label, value; "
                        + "one line per figure): every municipality and the region, or one municipality.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("municipality", String.class, "The municipality; left out: the whole region. A municipality of "
                        + "the register (400 otherwise). A user limited to municipalities must name one of theirs "
                        + "and sees only their municipalities' rows (403 other_municipality otherwise); the region's "
                        + "figures are for users with all municipalities.")
                .returnsText(200, "OK", "text/csv")
                .responses(400)
                .handle(r -> {
                    OutcomeReport report = report(r);
                    String name = report.municipality() == null ? "region"
                            : report.municipality().replaceAll("[^A-Za-z0-9-]", "_");
                    return Reply.text(200, csv(report), CSV_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"proeftuin-monitor-"
                                    + name + ".csv\"");
                }));
    }

    /**
     * The report within the user's scope: with all municipalities, the region's or any
     * municipality's; limited to some, one of those only (403 otherwise), without the other
     * municipalities' rows and the region's.
     */
    private OutcomeReport report(ApiRequest r) {
        OutcomeMonitor service = monitor.get();
        Principal principal = Guard.principal(r);
        String municipality = r.query("municipality");
        if (principal.allMunicipalities()) {
            return service.report(municipality);
        }
        if (municipality == null || municipality.isBlank()) {
            throw guard.outsideScope(r, "municipality", "monitor", "The region's figures are for users with all"
                    + " municipalities; name one of yours with ?municipality= " + principal.municipalities());
        }
        OutcomeReport report = service.report(municipality); // 400 for a municipality outside the register
        if (!principal.covers(report.municipality())) {
            throw guard.outsideScope(r, "municipality", "monitor", report.municipality()
                    + " lies outside your municipalities " + principal.municipalities());
        }
        return new OutcomeReport(report.municipality(), report.computedAt(), report.figures(), report.rows().stream()
                .filter(f -> f.municipality() != null && principal.covers(f.municipality())).toList());
    }

    /**
     * One line per figure: scope, measure, label, value. Long rather than wide, so a spreadsheet can
     * pivot it and a new measure needs no new column.
     */
    static String csv(OutcomeReport report) {
        StringBuilder out = new StringBuilder("scope,measure,label,value\r\n");
        List<OutcomeFigures> rows = report.municipality() == null ? report.rows()
                : List.of(report.figures());
        for (OutcomeFigures f : rows) {
            String scope = f.municipality() == null ? "region" : f.municipality();
            line(out, scope, "cases", "", f.cases());
            line(out, scope, "open_cases", "", f.openCases());
            distribution(out, scope, "lead_time_days", f.leadTimeDays());
            line(out, scope, "waiting_for_first_help", "", f.waitingForFirstHelp());
            distribution(out, scope, "active_professionals_per_family", f.activeProfessionals());
            distribution(out, scope, "handovers_per_case", f.handovers());
            for (FrameworkMonth m : f.frameworks()) {
                line(out, scope, "open_cases_voluntary", m.month(), m.voluntary());
                line(out, scope, "open_cases_conditional", m.month(), m.conditional());
                line(out, scope, "open_cases_compulsory", m.month(), m.compulsory());
            }
            distribution(out, scope, "care_waiting_days", f.careWaitingDays());
            line(out, scope, "care_requests_waiting", "", f.careRequestsWaiting());
        }
        out.append("# computed_at,").append(report.computedAt()).append("\r\n");
        return out.toString();
    }

    private static void distribution(StringBuilder out, String scope, String measure, Distribution d) {
        line(out, scope, measure, "count", d.count());
        line(out, scope, measure, "median", d.median());
        line(out, scope, measure, "p90", d.p90());
        line(out, scope, measure, "mean", d.mean());
        for (DistributionBucket b : d.buckets()) {
            line(out, scope, measure, "bucket " + b.label(), b.count());
        }
    }

    private static void line(StringBuilder out, String scope, String measure, String label, Object value) {
        out.append(cell(scope)).append(',').append(measure).append(',').append(cell(label)).append(',')
                .append(value == null ? "" : value).append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a municipality name as a formula. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
