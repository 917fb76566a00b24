package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.OutboundEvent;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.localteam.OutboxEntry;
import nl.proeftuin.core.api.localteam.RetryInput;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcLocalTeamStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The local-team outbox: rows written with the case change, delivered in case order through the
 * connector bound for the municipality, with back-off, rejection, waiting for a connector and the
 * alerts a coordinator sees. The outbox is global to the database, so every test starts with an
 * empty one.
 */
class LocalTeamExchangeTest {

    static final String FAILING = "LOCAL_TEAM_DELIVERY_FAILING";
    static final String REJECTED = "LOCAL_TEAM_REJECTED";

    /** The delivery settings, without a scheduler (the tests run the rounds). */
    static LocalTeamDeliveryConfig delivery(long firstRetryMillis, long maxRetryMillis, int alertAfterAttempts,
            int batchSize) {
        return new LocalTeamDeliveryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LocalTeamDeliveryConfig.class;
            }

            @Override
            public long pollIntervalMillis() {
                return 0;
            }

            @Override
            public long firstRetryMillis() {
                return firstRetryMillis;
            }

            @Override
            public long maxRetryMillis() {
                return maxRetryMillis;
            }

            @Override
            public int alertAfterAttempts() {
                return alertAfterAttempts;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }
        };
    }

    /** The defaults of {@link LocalTeamDeliveryConfig}. */
    static LocalTeamDeliveryConfig defaults() {
        return delivery(10_000, 3_600_000, 5, 50);
    }

    /** A connector that records every attempt and answers what the test says (DELIVERED by default). */
    static final class RecordingConnector implements LocalTeamConnector {
        final List<OutboundEvent> seen = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, String>> configurations = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
        volatile Function<OutboundEvent, DeliveryResult> answer = e -> new DeliveryResult(
                DeliveryResult.Status.DELIVERED, "accepted", "LT-" + e.caseId().substring(0, 8) + "-" + e.type());

        @Override
        public DeliveryResult deliver(OutboundEvent event, Map<String, String> configuration) {
            seen.add(event);
            configurations.add(configuration);
            callsPerKey.computeIfAbsent(event.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return answer.apply(event);
        }

        List<String> keys() {
            synchronized (seen) {
                return seen.stream().map(OutboundEvent::idempotencyKey).toList();
            }
        }
    }

    abstract static class Contract extends PluginTestBase {

        OutboxLocalTeamExchange exchange;

        @BeforeEach
        void emptyOutbox() throws Exception {
            database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM local_team_outbox"));
            exchange = exchange(defaults(), calls);
        }

        OutboxLocalTeamExchange exchange(LocalTeamDeliveryConfig config, TimeBoxedPluginCalls with) {
            return new OutboxLocalTeamExchange(config, database, new JdbcLocalTeamStore(), alertStore, bindingStore,
                    registry, with, clock, false);
        }

        RecordingConnector installConnector(String pluginId) {
            RecordingConnector connector = new RecordingConnector();
            install(ExtensionPoint.LOCAL_TEAM, pluginId, "2.0.1", 0, connector);
            return connector;
        }

        Binding bindLocalTeam(String municipality, String pluginId) {
            return runtime.bind(COORDINATOR, ExtensionPoint.LOCAL_TEAM, municipality,
                    new BindingInput(pluginId, Map.of("endpoint", "lt-" + municipality), "pilot"));
        }

        /** The case's outbox rows, oldest first. */
        List<OutboxEntry> rows(String caseId) {
            List<OutboxEntry> newestFirst = new ArrayList<>(exchange.outbox(null, caseId, 1000));
            Collections.reverse(newestFirst);
            return newestFirst;
        }

        List<String> types(String caseId) {
            return rows(caseId).stream().map(OutboxEntry::type).toList();
        }

        OutboxEntry only(String caseId) {
            List<OutboxEntry> all = rows(caseId);
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }

        List<Alert> alerts(String caseId, String kind) {
            return runtime.alerts(1000).stream().filter(a -> caseId.equals(a.caseId()) && kind.equals(a.kind()))
                    .toList();
        }

        /** Runs rounds until one attempts nothing; returns the attempts made. */
        int deliverAll() {
            int total = 0;
            for (int i = 0; i < 100; i++) {
                int n = exchange.deliverDue();
                if (n == 0) {
                    return total;
                }
                total += n;
            }
            throw new AssertionError("the outbox did not settle in 100 rounds");
        }

        static DeliveryResult retry(String detail) {
            return new DeliveryResult(DeliveryResult.Status.RETRY, detail, null);
        }

        // --- writing the outbox ------------------------------------------------------------------

        @Test
        void everyChangeALocalTeamHearsAboutIsPutInTheOutboxInOrder() {
            CaseView k = caseWithTeam(); // opened, two assignments
            firstPlan(k);
            cases.addEntry(ANS, k.id(), new EntryInput(EntryKind.FACT, "Huisbezoek gedaan", "huisbezoek", List.of()));
            cases.changePhase(ANS, k.id(), null, new PhaseChangeInput(Phase.STABILISATION, "veiligheid staat"));
            cases.changeFramework(ANS, k.id(), null, new FrameworkChangeInput(Framework.COMPULSORY,
                    new Measure(MeasureType.OTS, TODAY, null), "OTS uitgesproken"));
            cases.close(ANS, k.id(), null, new CloseInput("doelen bereikt"));

            List<OutboxEntry> rows = rows(k.id());
            assertEquals(List.of("CASE_OPENED", "TEAM_CHANGED", "TEAM_CHANGED", "PLAN_VERSION", "PHASE_CHANGED",
                    "FRAMEWORK_CHANGED", "CASE_CLOSED"), rows.stream().map(OutboxEntry::type).toList(),
                    "the entry is not reported; the other changes are, in their order");
            for (OutboxEntry r : rows) {
                assertEquals("PENDING", r.status());
                assertEquals(0, r.attempts());
                assertEquals(k.municipality(), r.municipality());
                assertEquals(START, r.occurredAt());
                assertEquals(START, r.nextAttemptAt(), "due at once");
                assertTrue(r.idempotencyKey().startsWith("proeftuin-"), r.idempotencyKey());
                assertNull(r.deliveredAt());
            }
            assertEquals(rows.size(), rows.stream().map(OutboxEntry::idempotencyKey).distinct().count());
            assertEquals(rows, rows(k.id()), "reading again gives the same rows");
        }

        @Test
        void aRefusedChangeLeavesNoOutboxRow() throws Exception {
            CaseView k = caseWithTeam();
            List<OutboxEntry> before = rows(k.id());
            assertEquals(3, before.size());

            assertRule("one-fixed-professional", () -> cases.assign(ANS, k.id(), null,
                    pro("second-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, false)));
            assertEquals(before, rows(k.id()));

            // the row is written in the change's own transaction: when the rest of the change fails
            // after the event was written, the row goes with it
            JdbcCaseStore store = new JdbcCaseStore();
            SQLException e = assertThrows(SQLException.class, () -> database.inTransaction(c -> {
                store.insertEvent(c, k.id(), CaseEvents.newEvent(Domain.newId(),
                        new CaseEvents.Assigned("a-x", ProfessionalRole.RVT_PROFESSIONAL, false), "Pro x joins", null,
                        clock.instant(), "ans"));
                assertEquals(before.size() + 1, count(c, k.id()), "visible inside the transaction");
                throw new SQLException("the rest of the change failed");
            }));
            assertEquals("the rest of the change failed", e.getMessage());
            assertEquals(before, rows(k.id()));
        }

        private static int count(Connection c, String caseId) throws SQLException {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM local_team_outbox WHERE case_id = ?")) {
                s.setString(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        // --- delivering ----------------------------------------------------------------------------

        @Test
        void theBoundConnectorGetsACasesEventsInOrderWithTheirKeys() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = caseWithTeam();
            bindLocalTeam(k.municipality(), "lt-test");
            firstPlan(k);
            cases.close(ANS, k.id(), null, new CloseInput("doelen bereikt"));
            List<OutboxEntry> before = rows(k.id());

            assertEquals(5, deliverAll());

            assertEquals(before.stream().map(OutboxEntry::idempotencyKey).toList(), connector.keys(),
                    "one attempt per event, in the case's order");
            assertEquals(List.of("CASE_OPENED", "TEAM_CHANGED", "TEAM_CHANGED", "PLAN_VERSION", "CASE_CLOSED"),
                    connector.seen.stream().map(OutboundEvent::type).toList());
            for (OutboundEvent e : connector.seen) {
                assertEquals(k.id(), e.caseId());
                assertEquals(k.municipality(), e.municipality());
                assertEquals("proeftuin-" + e.payload().get("caseEventId"), e.idempotencyKey(),
                        "the key is derived from the case event: " + e.payload());
                assertNotNull(e.payload().get("caseEventType"));
            }
            assertEquals("PLAN_VERSION_SAVED", connector.seen.get(3).payload().get("caseEventType"));
            assertEquals(Map.of("endpoint", "lt-" + k.municipality()), connector.configurations.get(0));
            for (OutboxEntry r : rows(k.id())) {
                assertEquals("DELIVERED", r.status());
                assertEquals(1, r.attempts());
                assertEquals("lt-test", r.pluginId());
                assertEquals("LT-" + k.id().substring(0, 8) + "-" + r.type(), r.remoteRef());
                assertEquals(START, r.deliveredAt());
                assertNull(r.nextAttemptAt());
                assertEquals("accepted", r.lastDetail());
            }
            assertEquals(0, exchange.deliverDue(), "nothing is delivered twice");
            assertEquals(5, connector.seen.size());
        }

        @Test
        void theLocalTeamVariantOfTheDeliveriesIsRecordedOncePerVariantAndIsACohort() {
            // cohorts (decision 0042): the local-team decisions record the variant they were taken under
            nl.proeftuin.core.store.internal.JdbcCohortStore store = new nl.proeftuin.core.store.internal.JdbcCohortStore();
            exchange.variants = new CaseVariants(bindingStore, store);
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = caseWithTeam();
            Binding bound = bindLocalTeam(k.municipality(), "lt-test");
            firstPlan(k);
            assertEquals(4, deliverAll());
            List<nl.proeftuin.core.store.cohorts.CohortStore.Variant> recorded = Domain.transaction(database,
                    c -> store.variants(c, k.id())).stream().filter(v -> v.decision().equals("LOCAL_TEAM")).toList();
            assertEquals(1, recorded.size(), "four deliveries under one variant: " + recorded);
            assertEquals("lt-test", recorded.get(0).pluginId());
            assertEquals(bound.configurationHash(), recorded.get(0).configurationHash());
            assertEquals(bound.revision(), recorded.get(0).bindingRevision());
            assertEquals(4, connector.seen.size());

            JdbcCohortService service = new JdbcCohortService(database, store,
                    new nl.proeftuin.core.store.internal.JdbcMunicipalityGroupStore(), municipalityStore,
                    new nl.proeftuin.core.store.internal.JdbcOutcomeStore(), new nl.proeftuin.core.store.internal.JdbcCaseStore(),
                    clock);
            var c = service.compare(List.of(
                    new nl.proeftuin.core.api.monitor.CohortSpec("delivered", null, null, List.of(k.municipality()), null,
                            null, null, null, null, "LOCAL_TEAM:lt-test:" + bound.configurationHash()),
                    new nl.proeftuin.core.api.monitor.CohortSpec("other", null, null, List.of(k.municipality()), null,
                            null, null, null, null, "LOCAL_TEAM:lt-other")));
            assertEquals(List.of(1L, 0L), c.cohorts().stream().map(x -> x.cases()).toList());
        }

        @Test
        void aRetryBacksOffExponentiallyWithTheSameKeyAndIsNotAttemptedBeforeItIsDue() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-test");
            AtomicInteger n = new AtomicInteger();
            connector.answer = e -> n.incrementAndGet() <= 3 ? retry("503 from the local team")
                    : new DeliveryResult(DeliveryResult.Status.DELIVERED, "accepted", "LT-1");

            assertEquals(1, exchange.deliverDue());
            OutboxEntry r = only(k.id());
            assertEquals("PENDING", r.status());
            assertEquals(1, r.attempts());
            assertEquals("503 from the local team", r.lastDetail());
            assertEquals("lt-test", r.pluginId());
            assertEquals(START.plusSeconds(10), r.nextAttemptAt());

            assertEquals(0, exchange.deliverDue(), "not attempted again before it is due");
            clock.advance(Duration.ofMillis(9_999));
            assertEquals(0, exchange.deliverDue(), "not attempted again before it is due");
            assertEquals(1, connector.seen.size());

            clock.advance(Duration.ofMillis(1));
            assertEquals(1, exchange.deliverDue());
            r = only(k.id());
            assertEquals(2, r.attempts());
            assertEquals(clock.instant().plusSeconds(20), r.nextAttemptAt());

            clock.advance(Duration.ofSeconds(19));
            assertEquals(0, exchange.deliverDue());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, exchange.deliverDue());
            r = only(k.id());
            assertEquals(3, r.attempts());
            assertEquals(clock.instant().plusSeconds(40), r.nextAttemptAt());

            clock.advance(Duration.ofSeconds(40));
            assertEquals(1, exchange.deliverDue());
            r = only(k.id());
            assertEquals("DELIVERED", r.status());
            assertEquals(4, r.attempts());
            assertEquals(clock.instant(), r.deliveredAt());

            assertEquals(4, connector.seen.size());
            assertEquals(1, connector.keys().stream().distinct().count(), "every attempt carries the same key");
            assertEquals(r.idempotencyKey(), connector.keys().get(0));
            assertEquals(List.of(), alerts(k.id(), FAILING), "four attempts stay under the alert threshold of five");
        }

        @Test
        void theBackOffStopsGrowingAtTheLongestRetry() {
            RecordingConnector connector = installConnector("lt-test");
            connector.answer = e -> retry("down");
            exchange = exchange(delivery(10_000, 30_000, 100, 50), calls);
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-test");
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                assertEquals(1, exchange.deliverDue());
                Instant next = only(k.id()).nextAttemptAt();
                waits.add(Duration.between(clock.instant(), next).toSeconds());
                clock.advance(Duration.between(clock.instant(), next));
            }
            assertEquals(List.of(10L, 20L, 30L, 30L, 30L), waits);
        }

        @Test
        void aLaterEventOfACaseWaitsForAnEarlierPendingOne() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-test");
            cases.assign(ANS, k.id(), null, pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));
            List<OutboxEntry> before = rows(k.id());
            connector.answer = e -> retry("down");

            assertEquals(1, exchange.deliverDue(), "only the first event of the case is attempted");
            clock.advance(Duration.ofSeconds(5));
            assertEquals(0, exchange.deliverDue(), "the second waits while the first waits for its retry");
            assertEquals(List.of(before.get(0).idempotencyKey()), connector.keys());
            assertEquals(0, rows(k.id()).get(1).attempts());

            connector.answer = new RecordingConnector().answer;
            clock.advance(Duration.ofSeconds(5));
            assertEquals(2, deliverAll());
            assertEquals(List.of(before.get(0).idempotencyKey(), before.get(0).idempotencyKey(),
                    before.get(1).idempotencyKey()), connector.keys());
            assertEquals(List.of("DELIVERED", "DELIVERED"), rows(k.id()).stream().map(OutboxEntry::status).toList());
        }

        @Test
        void aRejectedEventStopsWithAnAlertAndARetryPutsItBack() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-test");
            connector.answer = e -> new DeliveryResult(DeliveryResult.Status.REJECTED, "422: unknown municipality code",
                    null);

            assertEquals(1, exchange.deliverDue());
            OutboxEntry r = only(k.id());
            assertEquals("REJECTED", r.status());
            assertEquals(1, r.attempts());
            assertNull(r.nextAttemptAt());
            assertEquals("422: unknown municipality code", r.lastDetail());
            List<Alert> alerts = alerts(k.id(), REJECTED);
            assertEquals(1, alerts.size());
            assertEquals(ExtensionPoint.LOCAL_TEAM, alerts.get(0).point());
            assertEquals(k.municipality(), alerts.get(0).municipality());
            assertEquals("lt-test", alerts.get(0).pluginId());
            assertTrue(alerts.get(0).message().contains("422: unknown municipality code"), alerts.get(0).message());
            clock.advance(Duration.ofHours(2));
            assertEquals(0, exchange.deliverDue(), "a rejected event is not retried by itself");

            // a later event of the case is not held up by the rejected one
            connector.answer = new RecordingConnector().answer;
            cases.assign(ANS, k.id(), null, pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));
            assertEquals(1, exchange.deliverDue());
            assertEquals(List.of("REJECTED", "DELIVERED"), rows(k.id()).stream().map(OutboxEntry::status).toList());

            // the coordinator fixed the cause and retries
            OutboxEntry again = exchange.retry(COORDINATOR, r.id(), new RetryInput("gemeentecode hersteld"));
            assertEquals("PENDING", again.status());
            assertEquals(clock.instant(), again.nextAttemptAt());
            assertTrue(again.lastDetail().contains("Carla Coördinator"), again.lastDetail());
            assertTrue(again.lastDetail().contains("gemeentecode hersteld"), again.lastDetail());
            assertEquals(again, rows(k.id()).get(0));
            assertEquals(1, exchange.deliverDue());
            OutboxEntry delivered = rows(k.id()).get(0);
            assertEquals("DELIVERED", delivered.status());
            assertEquals(2, delivered.attempts());
            assertEquals(r.idempotencyKey(), connector.keys().get(connector.keys().size() - 1),
                    "the retry carries the same key");
            assertEquals(1, alerts(k.id(), REJECTED).size());

            RetryInput why = new RetryInput("nog eens");
            assertRule("already-delivered", () -> exchange.retry(COORDINATOR, delivered.id(), why));
            assertThrows(NotFoundException.class, () -> exchange.retry(COORDINATOR, "no-such-entry", why));
            assertInvalid("entryId", () -> exchange.retry(COORDINATOR, null, why));
            assertInvalid("actor", () -> exchange.retry(null, delivered.id(), why));
            assertInvalid("body", () -> exchange.retry(COORDINATOR, delivered.id(), null));
            assertInvalid("reason", () -> exchange.retry(COORDINATOR, delivered.id(), new RetryInput(" ")));
        }

        @Test
        void aThrowingConnectorIsRetriedAndAlertsOnceAfterTheConfiguredAttempts() {
            installLocalTeam("lt-broken", (e, conf) -> {
                throw new IllegalStateException("connection refused by lt.example");
            });
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-broken");
            for (int attempt = 1; attempt <= 7; attempt++) {
                assertEquals(1, exchange.deliverDue(), "attempt " + attempt);
                OutboxEntry r = only(k.id());
                assertEquals("PENDING", r.status());
                assertEquals(attempt, r.attempts());
                assertTrue(r.lastDetail().contains("connection refused by lt.example"), r.lastDetail());
                assertNotNull(r.nextAttemptAt());
                assertEquals(attempt < 5 ? 0 : 1, alerts(k.id(), FAILING).size(), "after attempt " + attempt);
                clock.advance(Duration.ofHours(1));
            }
            Alert alert = alerts(k.id(), FAILING).get(0);
            assertEquals("lt-broken", alert.pluginId());
            assertTrue(alert.message().contains("5 attempt"), alert.message());
        }

        @Test
        void aFailedAttemptNamesTheConnectorThatFailed() {
            installLocalTeam("lt-broken", (e, conf) -> {
                throw new IllegalStateException("connection refused");
            });
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-broken");
            assertEquals(1, exchange.deliverDue());
            // OutboxEntry.pluginId: "the connector of the last attempt"; the coordinator must see which
            // connector failed, not the core's fallback
            assertEquals("lt-broken", only(k.id()).pluginId());
        }

        @Test
        void aSlowConnectorIsCutOffAtItsBudgetAndRetried() throws Exception {
            CountDownLatch interrupted = new CountDownLatch(1);
            installLocalTeam("lt-slow", (e, conf) -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException x) {
                    interrupted.countDown();
                }
                return new DeliveryResult(DeliveryResult.Status.DELIVERED, "late", null);
            });
            CaseView k = openCase(person("Sanne"));
            bindLocalTeam(k.municipality(), "lt-slow");
            TimeBoxedPluginCalls tight = new TimeBoxedPluginCalls(Duration.ofMillis(100), 2);
            try {
                long start = System.nanoTime();
                assertEquals(1, exchange(defaults(), tight).deliverDue());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 5_000, "returned after " + millis + " ms");
                OutboxEntry r = only(k.id());
                assertEquals("PENDING", r.status());
                assertEquals(1, r.attempts());
                assertTrue(r.lastDetail().contains("within 100 ms"), r.lastDetail());
                assertEquals(START.plusSeconds(10), r.nextAttemptAt());
                assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the connector's thread was not interrupted");
                assertEquals(List.of(), alerts(k.id(), FAILING));
            } finally {
                tight.stop();
            }
        }

        @Test
        void anUnusableAnswerIsRetried() {
            installLocalTeam("lt-null", (e, conf) -> null);
            installLocalTeam("lt-statusless", (e, conf) -> new DeliveryResult(null, "?", null));
            CaseView a = openCase(person("Sanne"));
            CaseView b = openCase(person("Daan"));
            bindLocalTeam(a.municipality(), "lt-null");
            bindLocalTeam(b.municipality(), "lt-statusless");
            assertEquals(2, exchange.deliverDue());
            assertEquals("PENDING", only(a.id()).status());
            assertEquals(1, only(a.id()).attempts());
            assertTrue(only(a.id()).lastDetail().contains("returned nothing"), only(a.id()).lastDetail());
            assertEquals("PENDING", only(b.id()).status());
            assertTrue(only(b.id()).lastDetail().contains("without a status"), only(b.id()).lastDetail());
        }

        // --- no usable connector -------------------------------------------------------------------

        @Test
        void withoutABindingEventsWaitWithoutAnAlertAndAreDeliveredOnceOneIsBound() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView k = openCase(person("Sanne"));
            cases.assign(ANS, k.id(), null, pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));

            assertEquals(1, exchange.deliverDue());
            List<OutboxEntry> rows = rows(k.id());
            assertEquals(List.of("WAITING", "PENDING"), rows.stream().map(OutboxEntry::status).toList());
            assertEquals(0, rows.get(0).attempts(), "waiting is not a failed attempt");
            assertNull(rows.get(0).nextAttemptAt());
            assertTrue(rows.get(0).lastDetail().contains("no local-team connector is bound"), rows.get(0).lastDetail());
            assertEquals(List.of(), runtime.alerts(1000).stream().filter(x -> k.id().equals(x.caseId())).toList(),
                    "an unbound point is the region's choice, not a fault");
            clock.advance(Duration.ofHours(3));
            assertEquals(0, exchange.deliverDue(), "the later event waits behind the waiting one");
            assertTrue(connector.seen.isEmpty());

            bindLocalTeam(k.municipality(), "lt-test");
            assertEquals(2, deliverAll());
            assertEquals(rows.stream().map(OutboxEntry::idempotencyKey).toList(), connector.keys());
            assertEquals(List.of("DELIVERED", "DELIVERED"), rows(k.id()).stream().map(OutboxEntry::status).toList());
            assertEquals(1, rows(k.id()).get(0).attempts());
        }

        @Test
        void anAbsentConnectorMakesEventsWaitWithOneAlertPerEventUntilItReturns() {
            RecordingConnector connector = new RecordingConnector();
            long service = install(ExtensionPoint.LOCAL_TEAM, "lt-test", "2.0.1", 0, connector);
            String municipality = registered(unique("Ede"));
            bindLocalTeam(municipality, "lt-test");
            registry.remove(service); // its feature was uninstalled
            CaseView a = openCase(municipality, person("Sanne"));
            CaseView b = openCase(municipality, person("Daan"));

            assertEquals(2, exchange.deliverDue());
            for (CaseView k : List.of(a, b)) {
                OutboxEntry r = only(k.id());
                assertEquals("WAITING", r.status());
                assertTrue(r.lastDetail().contains("'lt-test' is not installed"), r.lastDetail());
                List<Alert> alerts = alerts(k.id(), BoundTriageService.ABSENT);
                assertEquals(1, alerts.size());
                assertEquals("lt-test", alerts.get(0).pluginId());
                assertEquals(ExtensionPoint.LOCAL_TEAM, alerts.get(0).point());
            }
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofHours(1));
                assertEquals(0, exchange.deliverDue());
            }
            assertEquals(1, alerts(a.id(), BoundTriageService.ABSENT).size());
            assertEquals(1, alerts(b.id(), BoundTriageService.ABSENT).size());

            install(ExtensionPoint.LOCAL_TEAM, "lt-test", "2.0.2", 0, connector); // reinstalled
            assertEquals(2, exchange.deliverDue());
            assertEquals("DELIVERED", only(a.id()).status());
            assertEquals("DELIVERED", only(b.id()).status());
            assertEquals(1, alerts(a.id(), BoundTriageService.ABSENT).size());
        }

        // --- the list --------------------------------------------------------------------------------

        @Test
        void theListIsNewestFirstFilteredAndItsInputChecked() {
            RecordingConnector connector = installConnector("lt-test");
            CaseView a = caseWithTeam();
            CaseView b = openCase(person("Daan"));
            bindLocalTeam(b.municipality(), "lt-test");
            exchange.deliverDue();

            List<OutboxEntry> all = exchange.outbox(null, null, 1000);
            assertEquals(4, all.size());
            assertEquals(b.id(), all.get(0).caseId(), "newest first");
            assertEquals(List.of("TEAM_CHANGED", "TEAM_CHANGED", "CASE_OPENED"),
                    exchange.outbox(null, a.id(), 1000).stream().map(OutboxEntry::type).toList());
            assertEquals(2, exchange.outbox(null, null, 2).size());
            assertEquals(List.of(b.id()), exchange.outbox("DELIVERED", null, 10).stream().map(OutboxEntry::caseId)
                    .toList());
            assertEquals(List.of(a.id()), exchange.outbox("WAITING", null, 10).stream().map(OutboxEntry::caseId)
                    .toList());
            assertEquals(2, exchange.outbox("PENDING", a.id(), 10).size());
            assertEquals(List.of(), exchange.outbox("REJECTED", null, 10));
            assertEquals(1, connector.seen.size());

            assertInvalid("status", () -> exchange.outbox("SENT", null, 10));
            assertInvalid("status", () -> exchange.outbox("pending", null, 10));
            assertInvalid("limit", () -> exchange.outbox(null, null, 0));
            assertInvalid("limit", () -> exchange.outbox(null, null, 1001));
            assertEquals(4, exchange.outbox(null, null, OutboxLocalTeamExchange.MAX_LIST).size());
        }

        // --- two nodes ---------------------------------------------------------------------------------

        @Test
        void twoConcurrentRoundsNeverDeliverOneEventTwice() throws Exception {
            RecordingConnector connector = new RecordingConnector();
            Function<OutboundEvent, DeliveryResult> accept = connector.answer;
            connector.answer = e -> {
                try {
                    Thread.sleep(1); // lets the other round catch up
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
                return accept.apply(e);
            };
            install(ExtensionPoint.LOCAL_TEAM, "lt-test", "2.0.1", 0, connector);
            String municipality = registered(unique("Zutphen"));
            bindLocalTeam(municipality, "lt-test");
            int events = 80;
            for (int i = 0; i < events; i++) {
                openCase(municipality, person("Kind" + i));
            }
            assertEquals(events, exchange.outbox("PENDING", null, 1000).size());
            OutboxLocalTeamExchange otherNode = exchange(defaults(), calls);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> rounds = new ArrayList<>();
                for (OutboxLocalTeamExchange node : List.of(exchange, otherNode)) {
                    rounds.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        int attempts = 0;
                        for (int i = 0; i < 50 && !exchange.outbox("PENDING", null, 1).isEmpty(); i++) {
                            attempts += node.deliverDue();
                        }
                        return attempts;
                    }));
                }
                int attempts = 0;
                for (Future<Integer> f : rounds) {
                    attempts += f.get(120, TimeUnit.SECONDS);
                }
                assertEquals(events, connector.callsPerKey.size(), "every event was delivered");
                List<String> twice = connector.callsPerKey.entrySet().stream().filter(e -> e.getValue().get() != 1)
                        .map(Map.Entry::getKey).toList();
                assertEquals(List.of(), twice, "delivered more than once");
                assertEquals(events, attempts, "the rounds count one attempt per event");
                assertEquals(events, exchange.outbox("DELIVERED", null, 1000).size());
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * A slow local-team system after an outage (a second per event, a backlog of 40 cases): a round that
         * stamped its claims with its start ran past its own lease (2 x budget + 30 s), another node's round
         * found those rows due again, and the team received events twice. A round now claims from the moment
         * of each attempt and stops at half its lease; the next round delivers the rest, each event once.
         */
        @Test
        void aSlowRoundNeverLetsAnotherNodeDeliverTheSameEventAgain() {
            String town = registered(unique("Ede"));
            java.time.Instant start = clock.instant();
            OutboxLocalTeamExchange[] nodeB = new OutboxLocalTeamExchange[1];
            java.util.concurrent.atomic.AtomicBoolean bRan = new java.util.concurrent.atomic.AtomicBoolean();
            Map<String, Integer> perKey = new java.util.concurrent.ConcurrentHashMap<>();
            installLocalTeam("lt-slow", (event, configuration) -> {
                perKey.merge(event.idempotencyKey(), 1, Integer::sum);
                clock.advance(java.time.Duration.ofSeconds(1));
                if (clock.instant().isAfter(start.plusSeconds(35)) && bRan.compareAndSet(false, true)) {
                    nodeB[0].deliverDue(); // the job's lease passed: another node's round starts
                }
                return new DeliveryResult(DeliveryResult.Status.DELIVERED, "ok", "ref-" + event.idempotencyKey());
            });
            bindLocalTeam(town, "lt-slow");
            for (int i = 0; i < 40; i++) {
                openCase(town, person("Kind" + i));
            }
            nodeB[0] = exchange(defaults(), calls);
            exchange.deliverDue();
            nodeB[0].deliverDue();
            exchange.deliverDue();
            assertEquals(40, perKey.size());
            assertEquals(java.util.List.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1).toList(),
                    "delivered more than once");
            assertEquals(40, exchange.outbox("DELIVERED", null, 1000).stream()
                    .filter(e -> town.equals(e.municipality())).count());
        }

        void installLocalTeam(String pluginId, LocalTeamConnector connector) {
            install(ExtensionPoint.LOCAL_TEAM, pluginId, "2.0.1", 0, connector);
        }

        @Test
        void aConnectorIsNotCalledForAnotherMunicipalitysEvents() {
            RecordingConnector ede = installConnector("lt-ede");
            CaseView inEde = openCase(unique("Ede"), person("Sanne"));
            CaseView elsewhere = openCase(person("Daan"));
            bindLocalTeam(inEde.municipality(), "lt-ede");
            exchange.deliverDue();
            assertEquals(List.of(inEde.id()), ede.seen.stream().map(OutboundEvent::caseId).toList());
            assertEquals("WAITING", only(elsewhere.id()).status());
            assertFalse(ede.seen.isEmpty());
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
