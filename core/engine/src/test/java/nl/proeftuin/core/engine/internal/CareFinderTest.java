package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.CareRequest;
import nl.proeftuin.core.spi.CareRequestStatus;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.MaatwerkStatus;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.OfferQuery;
import nl.proeftuin.core.spi.ProcurementConnector;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.care.CareRequestInput;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkDecision;
import nl.proeftuin.core.api.care.MaatwerkInput;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.care.OfferList;
import nl.proeftuin.core.api.care.OfferRequest;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.store.internal.JdbcProcurementStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Offers, maatwerk with its deadline, care requests and allocations through the bound procurement connector. */
class CareFinderTest {

    /** A connector that records what it is asked and answers what the test sets. */
    static class TestConnector implements ProcurementConnector {
        final ConcurrentLinkedDeque<OfferQuery> queries = new ConcurrentLinkedDeque<>();
        final ConcurrentLinkedDeque<MaatwerkRequest> maatwerk = new ConcurrentLinkedDeque<>();
        final ConcurrentLinkedDeque<CareRequest> careRequests = new ConcurrentLinkedDeque<>();
        final ConcurrentLinkedDeque<Map<String, String>> configurations = new ConcurrentLinkedDeque<>();
        volatile List<Offer> offers = List.of();
        volatile LocalDate deadline;

        @Override
        public List<Offer> offers(OfferQuery query, Map<String, String> configuration) {
            queries.add(query);
            configurations.add(configuration);
            return offers;
        }

        @Override
        public MaatwerkStatus requestMaatwerk(MaatwerkRequest request, Map<String, String> configuration) {
            maatwerk.add(request);
            return new MaatwerkStatus(request.requestId(), "SUBMITTED", deadline, "ontvangen door de gemeente");
        }

        @Override
        public MaatwerkStatus maatwerkStatus(String requestId, Map<String, String> configuration) {
            throw new UnsupportedOperationException("not asked by the core");
        }

        @Override
        public CareRequestStatus requestCare(CareRequest request, Map<String, String> configuration) {
            careRequests.add(request);
            return new CareRequestStatus(request.requestId(), "SUBMITTED", "JW315-" + careRequests.size(),
                    "verstuurd naar de gemeente", "<JW315/>");
        }
    }

    static Offer offer(String provider, int waitingDays) {
        return new Offer(provider, "45A48 Intensieve ambulante hulp", "REGIONAL", waitingDays, null, "2027.1");
    }

    abstract static class Contract extends PluginTestBase {

        static final LocalDate PROPOSED = TODAY.plusDays(56);
        /** A municipality's decider: never the professional who asked. */
        static final Actor GEMEENTE = new Actor("mia.gemeente", "Mia van de Gemeente");

        BoundCareFinder finder;

        @BeforeEach
        void finder() throws Exception {
            // the deadline watch looks at every request in the database
            database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM maatwerk_request"));
            finder = finder(calls);
        }

        BoundCareFinder finder(TimeBoxedPluginCalls with) {
            Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
            BoundCareFinder made = new BoundCareFinder(domain, new JdbcProcurementStore(), alertStore, bindingStore,
                    new BoundCall(registry, with, null), nationalIds, 56, 0);
            made.accessLog = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "test-node");
            return made;
        }

        long installConnector(String pluginId, ProcurementConnector connector) {
            return install(ExtensionPoint.PROCUREMENT, pluginId, "3.1.0", 0, connector);
        }

        Binding bindProcurement(String municipality, String pluginId) {
            return runtime.bind(COORDINATOR, ExtensionPoint.PROCUREMENT, municipality,
                    new BindingInput(pluginId, Map.of("register", "gelderland-zuid"), "inkoop pilot"));
        }

        /** A family: a child (with a BSN) and a parent. */
        record Family(CaseView kase, Person child, Person parent, String bsn) {
        }

        Family family(String municipality) {
            registered(municipality);
            String bsn = LocalTeamInboxTest.randomBsn();
            Person child = family.createPerson(ANS, new PersonInput("Sanne", "de Vries", LocalDate.of(2016, 5, 1), bsn));
            Person parent = family.createPerson(ANS, new PersonInput("Karin", "de Vries", LocalDate.of(1985, 1, 9),
                    null));
            CaseView k = cases.open(ANS, new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL, "Zorgen om Sanne",
                    TODAY, municipality, List.of(new CaseMemberInput(child.id(), Set.of(FamilyRole.CHILD)),
                            new CaseMemberInput(parent.id(), Set.of(FamilyRole.PARENT)))));
            return new Family(k, child, parent, bsn);
        }

        /** A family in a municipality with the given connector bound. */
        Family bound(TestConnector connector) {
            installConnector("inkoop-test", connector);
            Family f = family(unique("Nijmegen"));
            bindProcurement(f.kase().municipality(), "inkoop-test");
            return f;
        }

        List<Alert> alerts(String caseId) {
            return runtime.alerts(1000).stream().filter(a -> caseId.equals(a.caseId())).toList();
        }

        static OfferRequest need(String personId) {
            return new OfferRequest(personId, LifeDomain.PARENTING, "opvoedondersteuning", null);
        }

        static MaatwerkInput maatwerkFor(String personId) {
            return new MaatwerkInput(personId, "Praktijk De Linde", "Geen gecontracteerde aanbieder spreekt Tigrinya");
        }

        static CareRequestInput careFor(String personId, String provider) {
            return new CareRequestInput(personId, provider, "45", "45A48", TODAY.plusDays(7), 4, "04", "2",
                    "Intensieve ambulante gezinsbehandeling");
        }

        static CareAllocation allocation(String requestId, String ref, String provider) {
            return new CareAllocation(requestId, ref, provider, "45", "45A48", TODAY.plusDays(7), TODAY.plusDays(190),
                    4, "04", "2");
        }

        // --- offers ---------------------------------------------------------------------------------

        @Test
        void offersAreSortedByWaitingTimeWhateverTheConnectorReturns() {
            TestConnector connector = new TestConnector();
            connector.offers = List.of(offer("Kompaan", 40), offer("Karakter", 12), offer("Pactum", 0),
                    offer("Accare", 12));
            Family f = bound(connector);

            OfferList list = finder.offers(f.kase().id(), need(f.child().id()));

            assertFalse(list.fallback());
            assertNull(list.fallbackReason());
            assertEquals(List.of("Pactum", "Accare", "Karakter", "Kompaan"),
                    list.offers().stream().map(Offer::provider).toList());
            assertEquals("inkoop-test", list.provenance().pluginId());
            assertEquals("3.1.0", list.provenance().bundleVersion());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(list.offers())), list.provenance().outputDigest());
            OfferQuery q = connector.queries.getLast();
            assertEquals(new OfferQuery(f.kase().municipality(), LifeDomain.PARENTING, "opvoedondersteuning", false,
                    Urgency.REGULAR), q, "no urgency given is the regular waiting list");
            assertEquals(Map.of("register", "gelderland-zuid"), connector.configurations.getLast());
            assertEquals(List.of(), alerts(f.kase().id()));
        }

        @Test
        void onlyAChildUnderAProtectionMeasureIsToldAsSuch() {
            TestConnector connector = new TestConnector();
            Family f = bound(connector);
            String id = f.kase().id();

            finder.offers(id, need(f.child().id()));
            assertFalse(connector.queries.getLast().protectionMeasure(), "a voluntary case has no measure");

            cases.changeFramework(ANS, id, null, new FrameworkChangeInput(Framework.COMPULSORY,
                    new Measure(MeasureType.OTS, TODAY, TODAY.plusYears(1)), "OTS uitgesproken"));
            finder.offers(id, new OfferRequest(f.child().id(), LifeDomain.PARENTING, "opvoedondersteuning",
                    Urgency.HIGH));
            assertTrue(connector.queries.getLast().protectionMeasure(), "the child under the OTS goes first");
            assertEquals(Urgency.HIGH, connector.queries.getLast().urgency());

            finder.offers(id, need(f.parent().id()));
            assertFalse(connector.queries.getLast().protectionMeasure(), "the measure protects the child, not the parent");
        }

        @Test
        void offersAreForMembersOfAnExistingCaseWithAValidQuery() {
            TestConnector connector = new TestConnector();
            Family f = bound(connector);
            Person stranger = person("Tom");
            String id = f.kase().id();

            assertRule("not-a-member", () -> finder.offers(id, need(stranger.id())));
            assertThrows(NotFoundException.class, () -> finder.offers("no-such-case", need(f.child().id())));
            assertInvalid("personId", () -> finder.offers(id, need(null)));
            assertInvalid("domain", () -> finder.offers(id, new OfferRequest(f.child().id(), null, "x", null)));
            assertInvalid("need", () -> finder.offers(id, new OfferRequest(f.child().id(), LifeDomain.PARENTING, " ",
                    null)));
            assertInvalid("query", () -> finder.offers(id, null));
            assertTrue(connector.queries.isEmpty(), "nothing invalid reaches the connector");
        }

        @Test
        void withoutAUsableConnectorThereAreNoOffersAndAnAlertUnlessUnbound() {
            // unbound: the region's choice
            Family unbound = family(unique("Nijmegen"));
            OfferList list = finder.offers(unbound.kase().id(), need(unbound.child().id()));
            assertFallback(list, "no procurement connector is bound");
            assertEquals(List.of(), alerts(unbound.kase().id()));

            // absent
            long service = installConnector("inkoop-weg", new TestConnector());
            Family absent = family(unique("Nijmegen"));
            bindProcurement(absent.kase().municipality(), "inkoop-weg");
            registry.remove(service);
            assertFallback(finder.offers(absent.kase().id(), need(absent.child().id())), "'inkoop-weg' is not installed");
            assertAlert(absent, BoundTriageService.ABSENT, "inkoop-weg");

            // throwing
            installConnector("inkoop-kapot", new TestConnector() {
                @Override
                public List<Offer> offers(OfferQuery query, Map<String, String> configuration) {
                    throw new IllegalStateException("register unreachable");
                }
            });
            Family broken = family(unique("Nijmegen"));
            bindProcurement(broken.kase().municipality(), "inkoop-kapot");
            assertFallback(finder.offers(broken.kase().id(), need(broken.child().id())), "register unreachable");
            assertAlert(broken, BoundTriageService.FAILED, "inkoop-kapot");

            // too many offers
            TestConnector flood = new TestConnector();
            List<Offer> many = new ArrayList<>();
            for (int i = 0; i <= BoundCareFinder.MAX_OFFERS; i++) {
                many.add(offer("Aanbieder " + i, i));
            }
            flood.offers = many;
            installConnector("inkoop-veel", flood);
            Family flooded = family(unique("Nijmegen"));
            bindProcurement(flooded.kase().municipality(), "inkoop-veel");
            assertFallback(finder.offers(flooded.kase().id(), need(flooded.child().id())), "more than 500 offers");
            assertAlert(flooded, BoundTriageService.FAILED, "inkoop-veel");

            // an unusable offer
            TestConnector negative = new TestConnector();
            negative.offers = List.of(offer("Pactum", 3), offer("Karakter", -1));
            installConnector("inkoop-raar", negative);
            Family odd = family(unique("Nijmegen"));
            bindProcurement(odd.kase().municipality(), "inkoop-raar");
            assertFallback(finder.offers(odd.kase().id(), need(odd.child().id())), "negative waiting time");
        }

        @Test
        void aSlowConnectorIsCutOff() {
            installConnector("inkoop-traag", new TestConnector() {
                @Override
                public List<Offer> offers(OfferQuery query, Map<String, String> configuration) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of(offer("Pactum", 1));
                }
            });
            Family f = family(unique("Nijmegen"));
            bindProcurement(f.kase().municipality(), "inkoop-traag");
            TimeBoxedPluginCalls tight = new TimeBoxedPluginCalls(Duration.ofMillis(100), 2);
            try {
                assertFallback(finder(tight).offers(f.kase().id(), need(f.child().id())), "within 100 ms");
                assertAlert(f, BoundTriageService.TIMEOUT, "inkoop-traag");
            } finally {
                tight.stop();
            }
        }

        private void assertFallback(OfferList list, String reasonPart) {
            assertTrue(list.fallback());
            assertEquals(List.of(), list.offers());
            assertTrue(list.fallbackReason().contains(reasonPart), list.fallbackReason());
            assertEquals(BoundTriageService.FALLBACK_ID, list.provenance().pluginId());
        }

        private void assertAlert(Family f, String kind, String pluginId) {
            List<Alert> alerts = alerts(f.kase().id());
            assertEquals(1, alerts.size(), alerts.toString());
            assertEquals(kind, alerts.get(0).kind());
            assertEquals(ExtensionPoint.PROCUREMENT, alerts.get(0).point());
            assertEquals(pluginId, alerts.get(0).pluginId());
            assertEquals(f.kase().municipality(), alerts.get(0).municipality());
        }

        // --- cohorts (decision 0042): the variant of each procurement decision --------------------------

        @Test
        void procurementDecisionsRecordTheirVariantOnceAndAreACohort() {
            nl.proeftuin.core.store.internal.JdbcCohortStore store = new nl.proeftuin.core.store.internal.JdbcCohortStore();
            finder.variants = new CaseVariants(bindingStore, store);
            TestConnector connector = new TestConnector();
            Family f = bound(connector);
            String id = f.kase().id();
            String m = f.kase().municipality();
            Family unbound = family(unique("Beuningen"));

            MaatwerkView maatwerk = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));
            List<CohortStore.Variant> procurement = procurement(store, id);
            assertEquals(1, procurement.size(), procurement.toString());
            assertEquals("inkoop-test", procurement.get(0).pluginId());
            Binding first = runtime.bindings().stream()
                    .filter(b -> b.point() == ExtensionPoint.PROCUREMENT && m.equals(b.municipality())).findFirst()
                    .orElseThrow();
            assertEquals(first.configurationHash(), procurement.get(0).configurationHash());
            assertEquals(first.revision(), procurement.get(0).bindingRevision());

            // the same variant again (a care request, the municipality's decision): no second row
            CareRequestView care = finder.requestCare(ANS, id, careFor(f.child().id(), "12345678"));
            finder.decideMaatwerk(GEMEENTE, id, maatwerk.id(), new MaatwerkDecision("GRANTED", "toegekend"));
            assertEquals(1, procurement(store, id).size());

            // another configuration in force: the allocation records it
            Binding second = runtime.bind(COORDINATOR, ExtensionPoint.PROCUREMENT, m,
                    new BindingInput("inkoop-test", Map.of("register", "rivierenland"), "ander register"));
            assertTrue(finder.allocated("inkoop-test", allocation(care.id(), "JW301-1", "12345678")));
            procurement = procurement(store, id);
            assertEquals(2, procurement.size(), procurement.toString());
            assertEquals(second.configurationHash(), procurement.get(1).configurationHash());
            assertNotEquals(first.configurationHash(), second.configurationHash());

            // nothing bound: the fallback is recorded as none
            finder.requestMaatwerk(ANS, unbound.kase().id(), maatwerkFor(unbound.child().id()));
            assertNull(procurement(store, unbound.kase().id()).get(0).pluginId());

            JdbcCohortService service = new JdbcCohortService(database, store,
                    new nl.proeftuin.core.store.internal.JdbcMunicipalityGroupStore(), municipalityStore,
                    new nl.proeftuin.core.store.internal.JdbcOutcomeStore(), new JdbcCaseStore(), clock);
            List<String> both = List.of(m, unbound.kase().municipality());
            CohortComparison c = service.compare(List.of(
                    new CohortSpec("first", null, null, both, null, null, null, null, null,
                            "PROCUREMENT:inkoop-test:" + first.configurationHash()),
                    new CohortSpec("second", null, null, both, null, null, null, null, null,
                            "procurement:inkoop-test:" + second.configurationHash()),
                    new CohortSpec("any", null, null, both, null, null, null, null, null, "PROCUREMENT:inkoop-test"),
                    new CohortSpec("none", null, null, both, null, null, null, null, null, "PROCUREMENT:none"),
                    new CohortSpec("care path", null, null, both, null, null, null, null, null, "CARE_PATH:inkoop-test")));
            assertEquals(List.of(1L, 1L, 1L, 1L, 0L), c.cohorts().stream().map(CohortComparison.Cohort::cases).toList());
            assertEquals("PROCUREMENT:inkoop-test:" + second.configurationHash(), c.cohorts().get(1).spec().decided());
            assertInvalid("cohort[1].decided", () -> service.compare(List.of(
                    new CohortSpec("a", null, null, both, null, null, null, null, null, null),
                    new CohortSpec("b", null, null, both, null, null, null, null, null, "INKOOP:x"))));
        }

        List<CohortStore.Variant> procurement(nl.proeftuin.core.store.internal.JdbcCohortStore store, String caseId) {
            return Domain.transaction(database, c -> store.variants(c, caseId)).stream()
                    .filter(v -> v.decision().equals("PROCUREMENT")).toList();
        }

        // --- maatwerk ----------------------------------------------------------------------------------

        @Test
        void aMaatwerkRequestIsSentAndStoredWithTheDeadlineOfTheConnectorOrTheProposedOne() {
            TestConnector connector = new TestConnector();
            connector.deadline = TODAY.plusDays(30);
            Family f = bound(connector);
            String id = f.kase().id();

            MaatwerkView m = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));

            assertEquals("SUBMITTED", m.state());
            assertEquals(TODAY.plusDays(30), m.deadline(), "the municipality's own term");
            assertEquals("ontvangen door de gemeente", m.detail());
            assertEquals("inkoop-test", m.pluginId());
            assertEquals(f.child().id(), m.personId());
            assertEquals("Praktijk De Linde", m.provider());
            assertEquals(f.kase().municipality(), m.municipality());
            assertFalse(m.overdue());
            assertEquals("ans", m.by());
            MaatwerkRequest sent = connector.maatwerk.getLast();
            assertEquals(new MaatwerkRequest(m.id(), id, f.kase().municipality(), "Praktijk De Linde",
                    "Geen gecontracteerde aanbieder spreekt Tigrinya", PROPOSED), sent);

            connector.deadline = null;
            MaatwerkView proposed = finder.requestMaatwerk(ANS, id, maatwerkFor(f.parent().id()));
            assertEquals(PROPOSED, proposed.deadline(), "without a term of its own: eight weeks");
            assertEquals(List.of(m, proposed), finder.maatwerk(id));
            assertEquals(2, cases.history(id).stream().map(CaseEvent::type).filter("MAATWERK_REQUESTED"::equals)
                    .count());

            assertRule("not-a-member", () -> finder.requestMaatwerk(ANS, id, maatwerkFor(person("Tom").id())));
            assertInvalid("provider", () -> finder.requestMaatwerk(ANS, id, new MaatwerkInput(f.child().id(), " ",
                    "waarom")));
            assertInvalid("motivation", () -> finder.requestMaatwerk(ANS, id, new MaatwerkInput(f.child().id(),
                    "De Linde", null)));
            assertThrows(NotFoundException.class, () -> finder.maatwerk("no-such-case"));
            assertEquals(2, finder.maatwerk(id).size());
        }

        @Test
        void withoutAUsableConnectorAMaatwerkRequestIsStillRecordedAsNotSent() {
            Family unbound = family(unique("Nijmegen"));
            MaatwerkView m = finder.requestMaatwerk(ANS, unbound.kase().id(), maatwerkFor(unbound.child().id()));
            assertEquals("SUBMITTED", m.state());
            assertEquals(PROPOSED, m.deadline());
            assertTrue(m.detail().startsWith("Not sent"), m.detail());
            assertEquals(BoundTriageService.FALLBACK_ID, m.pluginId());
            assertEquals(List.of(m), finder.maatwerk(unbound.kase().id()));
            assertEquals(List.of(), alerts(unbound.kase().id()));

            long service = installConnector("inkoop-weg", new TestConnector());
            Family absent = family(unique("Nijmegen"));
            bindProcurement(absent.kase().municipality(), "inkoop-weg");
            registry.remove(service);
            MaatwerkView a = finder.requestMaatwerk(ANS, absent.kase().id(), maatwerkFor(absent.child().id()));
            assertTrue(a.detail().startsWith("Not sent"), a.detail());
            assertTrue(a.detail().contains("'inkoop-weg' is not installed"), a.detail());
            assertEquals(List.of(a), finder.maatwerk(absent.kase().id()));
            assertAlert(absent, BoundTriageService.ABSENT, "inkoop-weg");
        }

        @Test
        void aDecisionIsRecordedOnce() {
            Family f = bound(new TestConnector());
            String id = f.kase().id();
            MaatwerkView m = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));

            assertRule("requester-cannot-decide", () -> finder.decideMaatwerk(ANS, id, m.id(),
                    new MaatwerkDecision("GRANTED", "Toegekend door wie het vroeg")));
            assertEquals("SUBMITTED", finder.maatwerk(id).get(0).state(), "the requester's decision is not recorded");
            assertInvalid("state", () -> finder.decideMaatwerk(GEMEENTE, id, m.id(), new MaatwerkDecision("MAYBE", "?")));
            assertInvalid("detail", () -> finder.decideMaatwerk(GEMEENTE, id, m.id(), new MaatwerkDecision("GRANTED", " ")));
            MaatwerkView granted = finder.decideMaatwerk(GEMEENTE, id, m.id(), new MaatwerkDecision("GRANTED",
                    "Toegekend voor 6 maanden"));
            assertEquals("GRANTED", granted.state());
            assertEquals("Toegekend voor 6 maanden", granted.detail());
            assertFalse(granted.overdue());
            assertEquals(List.of(granted), finder.maatwerk(id));

            assertRule("already-decided", () -> finder.decideMaatwerk(GEMEENTE, id, m.id(),
                    new MaatwerkDecision("REFUSED", "toch niet")));
            assertEquals("GRANTED", finder.maatwerk(id).get(0).state());
            assertThrows(NotFoundException.class, () -> finder.decideMaatwerk(GEMEENTE, id, "no-such-request",
                    new MaatwerkDecision("GRANTED", "x")));
            Family other = bound(new TestConnector());
            assertThrows(NotFoundException.class, () -> finder.decideMaatwerk(GEMEENTE, other.kase().id(), m.id(),
                    new MaatwerkDecision("REFUSED", "x")), "a request is decided within its own case");
            assertEquals(1, cases.history(id).stream().map(CaseEvent::type).filter("MAATWERK_DECIDED"::equals).count());
        }

        @Test
        void anUndecidedRequestPastItsDeadlineRaisesOneAlert() {
            TestConnector connector = new TestConnector();
            connector.deadline = TODAY.plusDays(30);
            Family f = bound(connector);
            String id = f.kase().id();
            MaatwerkView soon = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));
            MaatwerkView decided = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));
            finder.decideMaatwerk(GEMEENTE, id, decided.id(), new MaatwerkDecision("REFUSED", "past niet"));
            connector.deadline = null;
            MaatwerkView later = finder.requestMaatwerk(ANS, id, maatwerkFor(f.parent().id()));
            assertEquals(PROPOSED, later.deadline());

            assertEquals(0, finder.checkDeadlines());
            clock.advance(Duration.ofDays(30));
            assertEquals(0, finder.checkDeadlines(), "the deadline day itself is not past");
            clock.advance(Duration.ofDays(1));
            assertEquals(1, finder.checkDeadlines());
            assertEquals(0, finder.checkDeadlines(), "once per request");
            List<Alert> overdue = alerts(id).stream().filter(a -> BoundCareFinder.OVERDUE.equals(a.kind())).toList();
            assertEquals(1, overdue.size());
            assertEquals(ExtensionPoint.PROCUREMENT, overdue.get(0).point());
            assertEquals("inkoop-test", overdue.get(0).pluginId());
            assertTrue(overdue.get(0).message().contains(soon.deadline().toString()), overdue.get(0).message());
            List<MaatwerkView> now = finder.maatwerk(id);
            assertEquals(List.of(true, false, false), now.stream().map(MaatwerkView::overdue).toList());

            clock.advance(Duration.ofDays(26));
            assertEquals(1, finder.checkDeadlines(), "the later one, now past its proposed deadline");
            assertEquals(0, finder.checkDeadlines());
            assertEquals(2, alerts(id).stream().filter(a -> BoundCareFinder.OVERDUE.equals(a.kind())).count());
            assertEquals(List.of(true, false, true), finder.maatwerk(id).stream().map(MaatwerkView::overdue).toList());
        }

        // --- care requests and allocations ------------------------------------------------------------------

        @Test
        void aCareRequestCarriesTheChildsBsnToTheConnectorAndIsStored() {
            TestConnector connector = new TestConnector();
            Family f = bound(connector);
            String id = f.kase().id();

            CareRequestView r = finder.requestCare(ANS, id, careFor(f.child().id(), "12345678"));

            CareRequest sent = connector.careRequests.getLast();
            assertEquals(f.bsn(), sent.clientNationalId(), "iJw needs the BSN itself");
            assertEquals(LocalDate.of(2016, 5, 1), sent.clientBirthDate());
            assertEquals("de Vries", sent.clientFamilyName());
            assertEquals(r.id(), sent.requestId());
            assertEquals(f.kase().municipality(), sent.municipality());
            assertEquals(new CareRequest(r.id(), id, f.kase().municipality(), f.bsn(), LocalDate.of(2016, 5, 1),
                    "de Vries", "12345678", "45", "45A48", TODAY.plusDays(7), 4, "04", "2",
                    "Intensieve ambulante gezinsbehandeling"), sent);
            assertEquals("SUBMITTED", r.state());
            assertEquals("verstuurd naar de gemeente", r.detail());
            assertEquals("inkoop-test", r.pluginId());
            assertEquals(f.child().id(), r.personId());
            assertNull(r.allocation());
            assertEquals(List.of(r), finder.careRequests(id));
            assertFalse(r.toString().contains(f.bsn()), "the stored request does not show the BSN");

            finder.requestCare(ANS, id, careFor(f.parent().id(), "12345678"));
            assertNull(connector.careRequests.getLast().clientNationalId(), "a person without a BSN has none");

            assertInvalid("start", () -> finder.requestCare(ANS, id, new CareRequestInput(f.child().id(), "1", "45",
                    null, null, null, null, null, "x")));
            assertInvalid("volume", () -> finder.requestCare(ANS, id, new CareRequestInput(f.child().id(), "1", "45",
                    null, TODAY, 0, null, null, "x")));
            assertInvalid("productCategory", () -> finder.requestCare(ANS, id, new CareRequestInput(f.child().id(),
                    "1", "4".repeat(21), null, TODAY, null, null, null, "x")));
            assertEquals(2, finder.careRequests(id).size());
        }

        @Test
        void withoutAConnectorACareRequestIsRecordedAsFallback() {
            Family f = family(unique("Nijmegen"));
            CareRequestView r = finder.requestCare(ANS, f.kase().id(), careFor(f.child().id(), "12345678"));
            assertEquals("FALLBACK", r.state());
            assertTrue(r.detail().startsWith("Not sent"), r.detail());
            assertEquals(BoundTriageService.FALLBACK_ID, r.pluginId());
            assertEquals(List.of(r), finder.careRequests(f.kase().id()));
            assertEquals(List.of(), alerts(f.kase().id()));
        }

        @Test
        void anAllocationIsRecordedOnceAndMustFitItsRequest() {
            Family f = bound(new TestConnector());
            String id = f.kase().id();
            CareRequestView r = finder.requestCare(ANS, id, careFor(f.child().id(), "12345678"));
            CareRequestView other = finder.requestCare(ANS, id, careFor(f.parent().id(), "87654321"));
            CareAllocation given = allocation(r.id(), "TW-2027-001", "12345678");

            assertTrue(finder.allocated("inkoop-test", given));
            assertFalse(finder.allocated("inkoop-test", given), "the same allocation again changes nothing");
            assertInvalid("allocationRef", () -> finder.allocated("inkoop-test",
                    allocation(r.id(), "TW-2027-999", "12345678")));
            assertInvalid("provider", () -> finder.allocated("inkoop-test",
                    allocation(other.id(), "TW-2027-002", "12345678")));
            assertInvalid("productCategory", () -> finder.allocated("inkoop-test", new CareAllocation(other.id(),
                    "TW-2027-002", "87654321", "10", null, TODAY, null, null, null, null)));
            assertInvalid("end", () -> finder.allocated("inkoop-test", new CareAllocation(other.id(), "TW-2027-002",
                    "87654321", "45", null, TODAY, TODAY.minusDays(1), null, null, null)));
            assertThrows(NotFoundException.class, () -> finder.allocated("inkoop-test",
                    allocation("no-such-request", "TW-1", "12345678")));
            assertInvalid("pluginId", () -> finder.allocated("Inkoop Test", given));

            List<CareRequestView> shown = finder.careRequests(id);
            assertEquals(given, shown.get(0).allocation());
            assertEquals("ALLOCATED", shown.get(0).state());
            assertNull(shown.get(1).allocation(), "a refused allocation is not recorded");
            assertEquals("SUBMITTED", shown.get(1).state());
            List<CaseEvent> allocated = cases.history(id).stream().filter(e -> e.type().equals("CARE_ALLOCATED"))
                    .toList();
            assertEquals(1, allocated.size());
            assertEquals("system:inkoop-test", allocated.get(0).by());
            assertTrue(allocated.get(0).detail().contains("TW-2027-001"), allocated.get(0).detail());

            // every JW301 allocation handed over is in the access log: recorded, repeated and refused
            List<AccessLogEntry> logged = finder.accessLog.query(new AccessLogQuery(null, null, "system:inkoop-test",
                    null, id, null, null, null, 100));
            assertEquals(List.of(AccessEvent.SUCCESS, AccessEvent.SUCCESS),
                    logged.stream().map(AccessLogEntry::outcome).toList(), logged.toString());
            assertEquals(AccessAction.UPDATE, logged.get(0).action());
            // the client concerned, and (as for every entry about a case) the case's members at that moment
            assertTrue(logged.get(0).personIds().contains(f.child().id()), "the client concerned: " + logged.get(0));
            assertEquals(r.id(), logged.get(0).objectId());
            List<AccessLogEntry> refused = finder.accessLog.query(new AccessLogQuery(null, null, "system:inkoop-test",
                    null, null, null, AccessEvent.FAILURE, null, 1000));
            assertTrue(refused.stream().anyMatch(e -> "TW-2027-999".equals(e.requestId())), refused.toString());
            assertTrue(refused.stream().anyMatch(e -> e.detail().contains("no-such-request")), refused.toString());
        }

        @Test
        void withoutTheAccessLogNoAllocationIsTaken() {
            Family f = bound(new TestConnector());
            CareRequestView r = finder.requestCare(ANS, f.kase().id(), careFor(f.child().id(), "12345678"));
            finder.accessLog = null;

            assertThrows(InboxUnavailableException.class, () -> finder.allocated("inkoop-test",
                    allocation(r.id(), "TW-2027-001", "12345678")));
            assertThrows(InboxUnavailableException.class, () -> finder.refused("inkoop-test", 401, "wrong token"));

            assertNull(finder.careRequests(f.kase().id()).get(0).allocation(), "not recorded without its log entry");
        }

        /**
         * A colleague closes the case while its care request is being sent: the municipality has the JW315
         * (the child's BSN in it), so the platform records the request and takes the municipality's
         * allocation of it. It used to answer case-closed with nothing recorded, refuse the allocation as an
         * unknown request, and a retry sent a second request.
         */
        @Test
        void aRequestSentWhileTheCaseWasClosedIsRecordedAndItsAllocationTaken() {
            java.util.concurrent.atomic.AtomicReference<String> closeWhileSending = new java.util.concurrent.atomic.AtomicReference<>();
            TestConnector connector = new TestConnector() {
                @Override
                public CareRequestStatus requestCare(CareRequest request, Map<String, String> configuration) {
                    String caseId = closeWhileSending.getAndSet(null);
                    if (caseId != null) {
                        cases.close(ANS, caseId, null, new CloseInput("verhuisd"));
                    }
                    return super.requestCare(request, configuration);
                }
            };
            Family f = bound(connector);
            String id = f.kase().id();
            closeWhileSending.set(id);
            CareRequestView sent = finder.requestCare(ANS, id, careFor(f.child().id(), "12345678"));
            assertEquals("SUBMITTED", sent.state());
            assertEquals(1, connector.careRequests.size());
            assertEquals(List.of(sent.id()), finder.careRequests(id).stream().map(CareRequestView::id).toList());
            assertTrue(finder.allocated("inkoop-test", allocation(sent.id(), "TW-2027-009", "12345678")),
                    "the municipality's allocation of what it received is taken");
        }

        // --- a closed case ------------------------------------------------------------------------------

        @Test
        void aClosedCaseSendsNothingToTheMunicipality() {
            TestConnector connector = new TestConnector();
            Family f = bound(connector);
            String id = f.kase().id();
            cases.close(ANS, id, null, new CloseInput("verhuisd"));

            assertRule("case-closed", () -> finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id())));
            assertRule("case-closed", () -> finder.requestCare(ANS, id, careFor(f.child().id(), "12345678")));
            assertEquals(List.of(), finder.maatwerk(id));
            assertEquals(List.of(), finder.careRequests(id));
            // refused, so the municipality must not have received them either
            assertAll(
                    () -> assertEquals(List.of(), new ArrayList<>(connector.maatwerk),
                            "a maatwerk request was sent for a closed case"),
                    () -> assertEquals(List.of(), new ArrayList<>(connector.careRequests),
                            "a care request was sent for a closed case"),
                    () -> assertEquals(Collections.emptyList(), alerts(id)));
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    class OnPostgreSql extends Contract {
        @Override
        boolean onPostgres() {
            return true;
        }
    }
}
