package nl.proeftuin.plugins.localteam.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.OutboundEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLocalTeamConnectorTest {

    @TempDir
    Path dir;

    final CsvLocalTeamConnector connector = new CsvLocalTeamConnector();
    CsvExchangeDirectory ede;

    /** The administrator's exchange directory of a municipality, as Config Admin would hand it. */
    static CsvExchangeDirectory directory(String municipality, Path directory) throws Exception {
        Map<String, Object> values = Map.of("municipality", municipality, "directory", directory.toString());
        return new CsvExchangeDirectory((CsvExchangeDirectoryConfig) Proxy.newProxyInstance(
                CsvExchangeDirectoryConfig.class.getClassLoader(), new Class<?>[] {CsvExchangeDirectoryConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue()));
    }

    @BeforeEach
    void configure() throws Exception {
        ede = directory("Ede", dir);
        connector.addDirectory(ede);
    }

    @AfterEach
    void stop() throws Exception {
        ede.deactivate();
    }

    static OutboundEvent event(String key) {
        return new OutboundEvent(key, "CASE_OPENED", "case-7", "Ede", Instant.parse("2026-11-24T23:30:00Z"),
                Map.of("externalRef", "Z-9", "description", "Zorgen, \"thuis\"",
                        "persons", List.of(Map.of("givenName", "Sam", "familyName", "Jansen", "dateOfBirth", "2016-04-01",
                                "roles", List.of("VICTIM", "CHILD")), Map.of("givenName", "Eva", "familyName", "Jansen"))));
    }

    @Test
    void writesOneFileOfTheImportShapePerEventAndIsIdempotent() throws Exception {
        Map<String, String> binding = Map.of();
        DeliveryResult first = connector.deliver(event("evt-1"), binding);

        assertEquals(Status.DELIVERED, first.status(), first.detail());
        assertEquals("evt-1.csv", first.remoteRef());
        Path file = dir.resolve("outbox/evt-1.csv");
        List<Csv.Row> rows = Csv.parse(Files.readString(file));
        assertEquals(EventRows.COLUMNS, rows.get(0).fields());
        assertEquals(RequestColumns.COLUMNS, rows.get(0).fields().subList(0, 9), "the import's columns first");
        List<String> sam = rows.get(1).fields();
        assertEquals(List.of("evt-1", "Z-9", "2026-11-25", "Zorgen, \"thuis\"", "Sam", "Jansen", "2016-04-01", "",
                "CHILD|VICTIM", "CASE_OPENED", "case-7", "Ede", "2026-11-24T23:30:00Z"), sam.subList(0, 13));
        assertTrue(sam.get(13).contains("\"externalRef\":\"Z-9\""), sam.get(13));
        assertEquals("Eva", rows.get(2).fields().get(4));
        // the export's request columns read back as an import row
        RequestColumns columns = RequestColumns.of(RequestColumns.COLUMNS);
        assertEquals("Sam", columns.read(2, sam.subList(0, 9)).person().givenName());

        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        DeliveryResult again = connector.deliver(event("evt-1"), binding);
        assertEquals(Status.DELIVERED, again.status());
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "not rewritten");
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void anUnsafeKeyBecomesAHashedFileNameAndAnEventWithoutPersonsOneRow() throws Exception {
        OutboundEvent event = new OutboundEvent("../evil/key", "CASE_CLOSED", "case-8", "Ede", Instant.now(), Map.of());
        DeliveryResult result = connector.deliver(event, Map.of());
        assertTrue(result.remoteRef().matches("key-[0-9a-f]{64}\\.csv"), result.remoteRef());
        assertEquals(2, Csv.parse(Files.readString(dir.resolve("outbox").resolve(result.remoteRef()))).size());
    }

    @Test
    void anUnwritableDirectoryIsRetried() throws Exception {
        Files.delete(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox"), "x");
        DeliveryResult result = connector.deliver(event("evt-2"), Map.of());
        assertEquals(Status.RETRY, result.status());
        assertTrue(result.detail().startsWith("cannot write"), result.detail());
    }

    @Test
    void anUnusableBindingThrowsNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-3"), Map.of("dir", "/tmp"))).getMessage().startsWith("dir:"));
        OutboundEvent renkum = new OutboundEvent("evt-3", "CASE_OPENED", "case-9", "Renkum", Instant.now(), Map.of());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> connector.deliver(renkum, Map.of())).getMessage().startsWith("directory: no"));
    }

    @Test
    void aBindingCannotChooseWhereCaseDataIsWritten() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("coordinators-choice"));
        assertEquals("configuration.directory", assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede",
                        Map.of("directory", elsewhere.toString()))).field());
        assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-4"), Map.of("directory", elsewhere.toString())));
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing written where the binding said");
        }
        assertEquals("configuration.municipality", assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", Map.of("municipality", "Nowhere")))
                .field());
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", Map.of());
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", Map.of("municipality", "ede"));
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, null, Map.of());
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Renkum", Map.of());
    }

    @Test
    void aBindingCannotSendOneMunicipalitysEventsToAnothersDirectory() throws Exception {
        Path arnhemRoot = Files.createDirectory(dir.resolve("arnhem-exchange"));
        CsvExchangeDirectory arnhem = directory("Arnhem", arnhemRoot);
        connector.addDirectory(arnhem);
        try {
            // bind time: Arnhem's binding (or a region-wide one) cannot name Ede's directory
            InvalidInputException other = assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of("municipality", "Ede")));
            assertEquals("configuration.municipality", other.field());
            assertTrue(other.getMessage().contains("'Ede'") && other.getMessage().contains("Arnhem"), other.getMessage());
            InvalidInputException region = assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, null, Map.of("municipality", "Ede")));
            assertEquals("configuration.municipality", region.field());
            connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of("municipality", "Arnhem"));

            // delivery: a binding stored before the check still cannot write Arnhem's event into Ede's outbox
            OutboundEvent arnhemEvent = new OutboundEvent("evt-arnhem", "CASE_OPENED", "case-10", "Arnhem",
                    Instant.now(), Map.of("persons", List.of(Map.of("givenName", "Noor", "familyName", "Smit"))));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> connector.deliver(arnhemEvent, Map.of("municipality", "Ede")));
            assertTrue(refused.getMessage().startsWith("municipality:"), refused.getMessage());
            assertEquals(0, outboxFiles(dir), "nothing of Arnhem in Ede's outbox");
            assertEquals(0, outboxFiles(arnhemRoot), "nor written anywhere else");

            // a region-wide binding: each event goes to its own municipality's directory
            assertEquals(Status.DELIVERED, connector.deliver(arnhemEvent, Map.of()).status());
            assertEquals(Status.DELIVERED, connector.deliver(event("evt-ede"), Map.of()).status());
            assertTrue(Files.exists(arnhemRoot.resolve("outbox/evt-arnhem.csv")));
            assertTrue(Files.exists(dir.resolve("outbox/evt-ede.csv")));
            assertEquals(1, outboxFiles(dir), "only Ede's event in Ede's outbox");
            assertEquals(1, outboxFiles(arnhemRoot), "only Arnhem's event in Arnhem's outbox");
            // a binding naming the event's own municipality is fine
            assertEquals(Status.DELIVERED, connector.deliver(arnhemEvent, Map.of("municipality", "arnhem")).status());
        } finally {
            arnhem.deactivate();
        }
    }

    static long outboxFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("outbox"))) {
            return files.count();
        }
    }

    @Test
    void aCellOfAnExportedEventIsNoFormulaAndReadsBackAsImport() throws Exception {
        OutboundEvent event = new OutboundEvent("evt-f", "CASE_OPENED", "case-7", "Ede", Instant.parse("2026-11-24T10:00:00Z"),
                Map.of("description", "=cmd|' /C calc'!A0", "persons",
                        List.of(Map.of("givenName", "@Sam", "familyName", "+Jansen", "dateOfBirth", "2016-04-01",
                                "roles", List.of("CHILD")))));
        assertEquals(Status.DELIVERED, connector.deliver(event, Map.of()).status());
        String raw = Files.readString(dir.resolve("outbox/evt-f.csv"));
        assertTrue(raw.contains(",'=cmd|' /C calc'!A0,'@Sam,'+Jansen,"), raw);
        List<String> row = Csv.parse(raw).get(1).fields();
        assertEquals("=cmd|' /C calc'!A0", row.get(3));
        assertEquals("@Sam", RequestColumns.of(RequestColumns.COLUMNS).read(2, row.subList(0, 9)).person().givenName());
    }

    @Test
    void aLinkPlantedAtATemporaryNameIsNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("platform-file"), "the platform's own");
        Path outbox = dir.resolve("outbox");
        // the name the temporary file used to have: predictable
        Files.createSymbolicLink(outbox.resolve(".evt-5.csv." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp"), victim);
        Files.createSymbolicLink(outbox.resolve("evt-6.csv"), dir.resolve("not-there-yet"));

        assertEquals(Status.DELIVERED, connector.deliver(event("evt-5"), Map.of()).status());
        assertEquals(Status.DELIVERED, connector.deliver(event("evt-6"), Map.of()).status());

        assertEquals("the platform's own", Files.readString(victim));
        assertTrue(Files.readString(outbox.resolve("evt-5.csv")).contains("evt-5"));
        assertTrue(Files.isRegularFile(outbox.resolve("evt-6.csv"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "a link at the target is replaced, not written through");
        assertTrue(Files.notExists(dir.resolve("not-there-yet")));
    }

    @Test
    void anOutboxReplacedByALinkIsRetriedAndNothingIsWrittenWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("platform-etc"));
        Files.delete(dir.resolve("outbox"));
        Files.createSymbolicLink(dir.resolve("outbox"), elsewhere);
        DeliveryResult result = connector.deliver(event("evt-7"), Map.of());
        assertEquals(Status.RETRY, result.status(), result.detail());
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }
}
