package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.monitor.CaseOutcome;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortRow;
import nl.proeftuin.core.api.monitor.CohortService;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.monitor.ExperienceInput;
import nl.proeftuin.core.api.monitor.IndicatorComparison;
import nl.proeftuin.core.api.monitor.MunicipalityGroup;
import nl.proeftuin.core.api.monitor.MunicipalityGroupInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.cohorts.CohortStore.Filter;
import nl.proeftuin.core.store.cohorts.CohortStore.Measure;
import nl.proeftuin.core.store.cohorts.MunicipalityGroupStore;
import nl.proeftuin.core.store.outcomes.OutcomeStore;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pilot evaluation (issue 15, decision 0030): cohorts compared with figures the database
 * aggregates ({@link CohortStore}: histograms and counts, never every case), the statistics over those
 * ({@link CohortStatistics}), named municipality groups, the outcome of a case and the family's
 * experience.
 */
@Component(service = CohortService.class)
public class JdbcCohortService implements CohortService {
    static final String METHOD = "Measures: medians; the difference is the Hodges-Lehmann shift (median of all"
            + " pairwise differences, this cohort minus the first) with its distribution-free 95% interval (Moses,"
            + " Mann-Whitney critical rank, normal approximation with tie correction). Shares: difference in"
            + " percentage points with Newcombe's hybrid score 95% interval. Deterministic: no random resampling.";
    private static final int LABEL = 100;
    private static final int GROUP_NAME = 100;

    private final Database database;
    private final CohortStore cohorts;
    private final MunicipalityGroupStore groups;
    private final MunicipalityStore municipalities;
    private final OutcomeStore outcomes;
    private final CaseStore cases;
    private final Clock clock;

    @Activate
    public JdbcCohortService(@Reference Database database, @Reference CohortStore cohorts,
            @Reference MunicipalityGroupStore groups, @Reference MunicipalityStore municipalities,
            @Reference OutcomeStore outcomes, @Reference CaseStore cases) {
        this(database, cohorts, groups, municipalities, outcomes, cases, Clock.systemUTC());
    }

    JdbcCohortService(Database database, CohortStore cohorts, MunicipalityGroupStore groups,
            MunicipalityStore municipalities, OutcomeStore outcomes, CaseStore cases, Clock clock) {
        this.database = database;
        this.cohorts = cohorts;
        this.groups = groups;
        this.municipalities = municipalities;
        this.outcomes = outcomes;
        this.cases = cases;
        this.clock = clock;
    }

    // --- comparison ---------------------------------------------------------------------------------

    /** A cohort resolved to the store's filter. */
    private record Resolved(CohortSpec spec, Filter filter) {
    }

    private List<Resolved> resolve(Connection c, List<CohortSpec> specs) throws SQLException {
        if (specs == null || specs.size() < 2 || specs.size() > MAX_COHORTS) {
            throw new InvalidInputException("cohort", "give two to " + MAX_COHORTS + " cohorts");
        }
        Set<String> labels = new HashSet<>();
        List<Resolved> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            CohortSpec s = specs.get(i);
            String field = "cohort[" + i + "]";
            if (s == null) {
                throw new InvalidInputException(field, "is required");
            }
            String label = Check.text(field + ".name", s.label(), LABEL);
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + ".name", "is the name of another cohort");
            }
            if (s.from() != null && s.to() != null && s.to().isBefore(s.from())) {
                throw new InvalidInputException(field + ".to", "lies before from");
            }
            Check.optionalText(field + ".plugin", s.pluginId(), Check.ID);
            Check.optionalText(field + ".configurationHash", s.configurationHash(), 64);
            if (s.bindingRevision() != null && s.bindingRevision() < 0) {
                throw new InvalidInputException(field + ".bindingRevision", "must be 0 or more");
            }
            List<String> names = null;
            if (s.municipalities() != null || s.group() != null) {
                TreeSet<String> set = new TreeSet<>();
                for (String m : s.municipalities() == null ? List.<String>of() : s.municipalities()) {
                    set.add(Municipalities.canonical(municipalities, c, field + ".municipality", m));
                }
                if (s.group() != null) {
                    MunicipalityGroupStore.StoredGroup g = groups.byKey(c, groupKey(field + ".group", s.group()))
                            .orElseThrow(() -> new InvalidInputException(field + ".group", "is not a municipality group"
                                    + " (GET /api/v1/monitor/groups)"));
                    for (String code : g.municipalityCodes()) {
                        municipalities.byCode(c, code).map(StoredMunicipality::name).ifPresent(set::add);
                    }
                }
                names = List.copyOf(set);
            }
            String[] opening = opening(field + ".opening", s.opening());
            String[] decided = opening(field + ".decided", s.decided()); // cohorts (0042): a later decision's variant
            CohortSpec normalised = new CohortSpec(label, s.from(), s.to(), s.municipalities(), s.group(), s.pluginId(),
                    s.configurationHash(), s.bindingRevision(), variantText(opening), variantText(decided));
            out.add(new Resolved(normalised, new Filter(s.from(), s.to(), names, s.pluginId(), s.configurationHash(),
                    s.bindingRevision(), opening == null ? null : opening[0], opening == null ? null : opening[1],
                    opening == null ? null : opening[2], decided == null ? null : decided[0],
                    decided == null ? null : decided[1], decided == null ? null : decided[2])));
        }
        return out;
    }

    /** A parsed variant as text again, {@code POINT:plugin[:hash]} or {@code POINT:none}; null stays null. */
    private static String variantText(String[] v) {
        return v == null ? null : v[0] + ":" + (v[1] == null ? "none" : v[1]) + (v[2] == null ? "" : ":" + v[2]);
    }

    /**
     * The variant at opening of a cohort (cohorts, V26): {@code POINT:plugin[:hash]} or {@code POINT:none}.
     *
     * @return point, plugin (null: none bound), hash (null: any); or null when not given
     */
    static String[] opening(String field, String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidInputException(field, "must be POINT:plugin, POINT:plugin:configurationHash or POINT:none"
                    + " (POINT one of " + java.util.Arrays.toString(nl.proeftuin.core.spi.ExtensionPoint.values()) + ")");
        }
        String point = parts[0].strip().toUpperCase(Locale.ROOT);
        try {
            nl.proeftuin.core.spi.ExtensionPoint.valueOf(point);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + parts[0].strip() + "' is not an extension point (one of "
                    + java.util.Arrays.toString(nl.proeftuin.core.spi.ExtensionPoint.values()) + ")");
        }
        String plugin = Check.text(field, parts[1].strip(), Check.ID);
        String hash = parts.length == 3 ? Check.text(field, parts[2].strip().toLowerCase(Locale.ROOT), 64) : null;
        if ("none".equals(plugin)) {
            if (hash != null) {
                throw new InvalidInputException(field, "POINT:none takes no configuration hash");
            }
            plugin = null;
        }
        return new String[] {point, plugin, hash};
    }

    /** One cohort's aggregates. */
    private record Figures(CohortStore.Counts counts, Map<Measure, SortedMap<Integer, Long>> histograms) {
    }

    @Override
    public CohortComparison compare(List<CohortSpec> specs) {
        Instant now = clock.instant();
        Map<Resolved, Figures> figures = new LinkedHashMap<>();
        read(c -> {
            for (Resolved r : resolve(c, specs)) {
                // the per-case figures and family experience (each member's newest score, counted per score
                // in the summary row, V32) in one pass over the summary rows; care waiting in a second
                // pass (decision 0042)
                CohortStore.CaseFigures k = cohorts.caseFigures(c, r.filter());
                Map<Measure, SortedMap<Integer, Long>> h = new LinkedHashMap<>();
                h.put(Measure.LEAD_TIME_DAYS, k.leadTimeDays());
                h.put(Measure.PROFESSIONALS, k.professionals());
                h.put(Measure.HANDOVERS, k.handovers());
                h.put(Measure.CARE_WAITING_DAYS, cohorts.histogram(c, r.filter(), Measure.CARE_WAITING_DAYS));
                h.put(Measure.FAMILY_EXPERIENCE, k.familyExperience());
                figures.put(r, new Figures(k.counts(), h));
            }
            return null;
        });
        List<CohortComparison.Cohort> list = new ArrayList<>();
        for (Map.Entry<Resolved, Figures> e : figures.entrySet()) {
            CohortStore.Counts k = e.getValue().counts();
            String[] w = warning(k.cases(), "cases");
            list.add(new CohortComparison.Cohort(e.getKey().spec(), e.getKey().filter().municipalities(), k.cases(),
                    k.closed(), w == null ? null : w[0], w == null ? null : w[1]));
        }
        List<Figures> f = List.copyOf(figures.values());
        List<String> labels = figures.keySet().stream().map(r -> r.spec().label()).toList();
        List<IndicatorComparison> indicators = new ArrayList<>();
        indicators.add(measure("lead_time_days", "days", labels, f, Measure.LEAD_TIME_DAYS));
        indicators.add(measure("professionals_per_family", "professionals", labels, f, Measure.PROFESSIONALS));
        indicators.add(measure("handovers_per_case", "handovers", labels, f, Measure.HANDOVERS));
        indicators.add(share("compulsory_framework", labels, f, CohortStore.Counts::compulsory, CohortStore.Counts::cases));
        indicators.add(measure("care_waiting_days", "days", labels, f, Measure.CARE_WAITING_DAYS));
        indicators.add(share("out_of_home_placements", labels, f, CohortStore.Counts::outOfHomePlaced,
                CohortStore.Counts::outcomeKnown));
        indicators.add(share("out_of_home_prevented", labels, f, CohortStore.Counts::outOfHomePrevented,
                CohortStore.Counts::outcomeKnown));
        indicators.add(share("repeat_signals", labels, f, CohortStore.Counts::repeatSignals, CohortStore.Counts::closed));
        indicators.add(share("raad_requests", labels, f, CohortStore.Counts::raadRequests, CohortStore.Counts::cases));
        indicators.add(share("court_measures", labels, f, CohortStore.Counts::courtMeasures, CohortStore.Counts::cases));
        indicators.add(measure("family_experience", "score", labels, f, Measure.FAMILY_EXPERIENCE));
        return new CohortComparison(now, METHOD, MINIMUM, List.copyOf(list), List.copyOf(indicators));
    }

    private static IndicatorComparison measure(String key, String unit, List<String> labels, List<Figures> f, Measure m) {
        SortedMap<Integer, Long> reference = f.get(0).histograms().get(m);
        List<IndicatorComparison.CohortFigure> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            SortedMap<Integer, Long> h = f.get(i).histograms().get(m);
            long n = CohortStatistics.count(h);
            CohortStatistics.Interval d = i == 0 ? null : CohortStatistics.shift(reference, h);
            String[] w = warning(Math.min(n, CohortStatistics.count(reference)), "values");
            out.add(new IndicatorComparison.CohortFigure(labels.get(i), n, null, CohortStatistics.median(h), null,
                    d == null ? null : d.estimate(), d == null ? null : d.low(), d == null ? null : d.high(),
                    w == null ? null : w[0], w == null ? null : w[1]));
        }
        return new IndicatorComparison(key, "measure", unit, List.copyOf(out));
    }

    private static IndicatorComparison share(String key, List<String> labels, List<Figures> f,
            java.util.function.ToLongFunction<CohortStore.Counts> events,
            java.util.function.ToLongFunction<CohortStore.Counts> of) {
        CohortStore.Counts reference = f.get(0).counts();
        List<IndicatorComparison.CohortFigure> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            CohortStore.Counts k = f.get(i).counts();
            long n = of.applyAsLong(k);
            long e = events.applyAsLong(k);
            CohortStatistics.Interval d = i == 0 ? null
                    : CohortStatistics.shareDifference(events.applyAsLong(reference), of.applyAsLong(reference), e, n);
            String[] w = warning(Math.min(n, of.applyAsLong(reference)), "values");
            out.add(new IndicatorComparison.CohortFigure(labels.get(i), n, e, null,
                    n == 0 ? null : CohortStatistics.round(100.0 * e / n), d == null ? null : d.estimate(),
                    d == null ? null : d.low(), d == null ? null : d.high(), w == null ? null : w[0],
                    w == null ? null : w[1]));
        }
        return new IndicatorComparison(key, "share", "percent", List.copyOf(out));
    }

    /** {English, Dutch}, or null when {@code n} is large enough. */
    static String[] warning(long n, String what) {
        if (n >= MINIMUM) {
            return null;
        }
        if (n == 0) {
            return new String[] {"No data yet: nothing to compare.", "Nog geen gegevens: er valt niets te vergelijken."};
        }
        return new String[] {"Too few to conclude anything (" + n + (what.equals("cases") ? " cases" : "") + "; at least "
                + MINIMUM + " are needed). A difference this small a group shows can be chance.",
            "Te weinig om iets te concluderen (" + n + (what.equals("cases") ? " gezinnen" : "") + "; er zijn er minstens "
                + MINIMUM + " nodig). Een verschil bij zo'n kleine groep kan toeval zijn."};
    }

    @Override
    public List<CohortRow> rows(List<CohortSpec> specs) {
        return read(c -> {
            List<CohortRow> out = new ArrayList<>();
            for (Resolved r : resolve(c, specs)) {
                for (CohortStore.CaseRow k : cohorts.rows(c, r.filter(), MAX_ROWS)) {
                    out.add(new CohortRow(r.spec().label(), k.caseId(), k.municipality(), k.signalReceivedOn(),
                            k.framework(), k.triagePlugin(), k.configurationHash(), k.bindingRevision(),
                            k.leadTimeDays(), k.professionals(), k.handovers(), k.raadRequests(), k.measureType(),
                            k.outcome(), k.closedOn(), k.repeatSignal()));
                }
            }
            return out;
        });
    }

    // --- groups -------------------------------------------------------------------------------------

    static String groupKey(String field, String name) {
        String n = Check.text(field, name, GROUP_NAME);
        if (!n.matches("[\\p{L}\\p{N} ._-]+")) {
            throw new InvalidInputException(field, "may hold letters, digits, spaces and . _ - only");
        }
        return n.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<MunicipalityGroup> groups() {
        return read(c -> {
            List<MunicipalityGroup> out = new ArrayList<>();
            for (MunicipalityGroupStore.StoredGroup g : groups.all(c)) {
                out.add(view(c, g));
            }
            return out;
        });
    }

    private MunicipalityGroup view(Connection c, MunicipalityGroupStore.StoredGroup g) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String code : g.municipalityCodes()) {
            names.add(municipalities.byCode(c, code).map(StoredMunicipality::name).orElse(code));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return new MunicipalityGroup(g.name(), g.description(), List.copyOf(names), g.changedAt(), g.changedBy());
    }

    @Override
    public MunicipalityGroup putGroup(String actorId, String name, MunicipalityGroupInput input) {
        String key = groupKey("name", name);
        Check.required("body", input);
        String description = input.description() == null ? "" : Check.optionalText("description", input.description(), 2000);
        List<String> given = Check.list(input.municipalities());
        if (given.isEmpty()) {
            throw new InvalidInputException("municipalities", "must name at least one municipality");
        }
        return Domain.transaction(database, c -> {
            TreeSet<String> codes = new TreeSet<>();
            for (String m : given) {
                if (m != null && m.matches("GM\\d{4}")) {
                    codes.add(municipalities.byCode(c, m).orElseThrow(() -> new InvalidInputException("municipalities",
                            m + " is not a municipality of the region's register")).code());
                } else {
                    String canonical = Municipalities.canonical(municipalities, c, "municipalities", m);
                    codes.add(municipalities.byKey(c, Municipalities.key("municipalities", canonical)).orElseThrow().code());
                }
            }
            MunicipalityGroupStore.StoredGroup g = new MunicipalityGroupStore.StoredGroup(name.strip(), key,
                    description == null ? "" : description, List.copyOf(codes), clock.instant(), actorId);
            groups.put(c, g);
            return view(c, g);
        });
    }

    @Override
    public void deleteGroup(String name) {
        String key = groupKey("name", name);
        boolean deleted = Domain.transaction(database, c -> groups.delete(c, key));
        if (!deleted) {
            throw new NotFoundException("municipality group " + name.strip());
        }
    }

    // --- outcomes and experience ----------------------------------------------------------------------

    @Override
    public CaseOutcome outcome(String caseId) {
        return read(c -> outcome(c, caseId));
    }

    private CaseOutcome outcome(Connection c, String caseId) throws SQLException {
        var o = outcomes.outcome(c, caseId);
        List<CaseOutcome.Experience> experiences = outcomes.experiences(c, caseId).stream()
                .map(e -> new CaseOutcome.Experience(e.personId(), e.score(), e.remark(), e.recordedAs(),
                        e.recordedAt(), e.recordedBy()))
                .toList();
        return new CaseOutcome(caseId, o.map(OutcomeStore.StoredOutcome::outcome).orElse(null),
                o.map(OutcomeStore.StoredOutcome::reasons).orElse(null),
                o.map(OutcomeStore.StoredOutcome::closedOn).orElse(null), outcomes.repeatSignals(c, caseId),
                experiences);
    }

    @Override
    public CaseOutcome recordExperience(String actorId, String caseId, ExperienceInput input) {
        Check.required("body", input);
        String personId = Check.text("personId", input.personId(), Check.ID);
        Integer score = Check.required("score", input.score());
        if (score < 1 || score > 5) {
            throw new InvalidInputException("score", "must be 1 (bad) to 5 (good)");
        }
        String as = Check.text("recordedAs", input.recordedAs(), 20).toUpperCase(Locale.ROOT);
        if (!as.equals("FAMILY") && !as.equals("PROFESSIONAL")) {
            throw new InvalidInputException("recordedAs", "must be FAMILY (the member entered it) or PROFESSIONAL"
                    + " (on the member's behalf)");
        }
        String remark = Check.optionalText("remark", input.remark(), 2000);
        return Domain.transaction(database, c -> {
            if (!cases.members(c, caseId).containsKey(personId)) {
                throw new InvalidInputException("personId", "is not a member of the case");
            }
            outcomes.insertExperience(c, new OutcomeStore.StoredExperience(UUID.randomUUID().toString(), caseId,
                    personId, score, remark, as, clock.instant(), actorId));
            return outcome(c, caseId);
        });
    }

    private <T> T read(Database.SqlWork<T> work) {
        return Domain.transaction(database, work);
    }
}
