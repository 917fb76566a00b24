package nl.proeftuin.plugins.localteam.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.spi.LocalTeamInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {
    static final String HEADER = "idempotencyKey,externalRef,receivedOn,description,givenName,familyName,dateOfBirth,nationalId,roles\n";

    /**
     * The core's inbox: dedupes by key; refuses a family name "Refused" as the core refuses bad input;
     * fails as a database or the JVM can on "Crash" (a RuntimeException), "Oom" and "Deep" (Errors).
     */
    static final class RecordingInbox implements LocalTeamInbox {
        final List<InboundRequest> opened = new CopyOnWriteArrayList<>();
        final Map<String, String> cases = new ConcurrentHashMap<>();

        @Override
        public void refused(String pluginId, String municipality, int status, String reason) {
            throw new AssertionError("localteam-file refuses nothing before handing it over: " + reason);
        }

        @Override
        public InboundResult receive(String pluginId, InboundRequest request) {
            assertEquals("localteam-file", pluginId);
            if (request.persons().stream().anyMatch(p -> "Refused".equals(p.familyName()))) {
                throw new InvalidInputException("persons[0].dateOfBirth", "is in the future");
            }
            if (request.persons().stream().anyMatch(p -> "Crash".equals(p.familyName()))) {
                throw new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 (db-secret)");
            }
            if (request.persons().stream().anyMatch(p -> "Oom".equals(p.familyName()))) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (request.persons().stream().anyMatch(p -> "Deep".equals(p.familyName()))) {
                throw new StackOverflowError();
            }
            String known = cases.get(request.idempotencyKey());
            if (known != null) {
                return new InboundResult(known, true);
            }
            opened.add(request);
            String caseId = "case-" + cases.size();
            cases.put(request.idempotencyKey(), caseId);
            return new InboundResult(caseId, false);
        }
    }

    @TempDir
    Path dir;
    ExchangeFolders folders;
    RecordingInbox inbox;
    CsvImport importer;

    @BeforeEach
    void setUp() throws Exception {
        folders = new ExchangeFolders(dir).create();
        inbox = new RecordingInbox();
        importer = new CsvImport(inbox, "Ede", folders, 100, 2, Clock.systemUTC());
    }

    Path drop(String name, String content) throws Exception {
        return Files.writeString(folders.inbox().resolve(name), content, StandardCharsets.UTF_8);
    }

    static Map<Integer, String> rejectedByLine(ImportReport report) {
        return report.rejected().stream().collect(Collectors.toMap(ImportReport.Line::line,
                l -> l.field() + ": " + l.reason()));
    }

    @Test
    void goodRequestsAreImportedAndEveryBadRowIsReportedWithItsLine() throws Exception {
        Path file = drop("week47.csv", "\uFEFF" + HEADER
                + "lt-1,Z-1,2026-11-20,\"Zorgen, thuis\",Sam,Jansen,2016-04-01,,CHILD\n"          // 2: request lt-1
                + "lt-1,Z-1,2026-11-20,\"Zorgen, thuis\",Eva,Jansen,1988-02-11,123456782,PARENT|VICTIM\n" // 3
                + "lt-2,,2026-31-11,Bad date,Tom,Bakker,2015-01-01,,CHILD\n"                      // 4: bad date
                + "lt-3,,2026-11-21,Missing name,,Visser,2014-01-01,,CHILD\n"                     // 5: missing givenName
                + "lt-4,,2026-11-21,Good,Ali,Yilmaz,2013-05-05,,CHILD\n"                          // 6: request lt-4
                + "lt-4,,2026-11-21,Good,Ayse,Yilmaz,1985-05-05,,UNCLE\n"                         // 7: bad role spoils lt-4
                + "lt-5,,2026-11-22,\"Two\nlines\",Noor,Smit,2012-02-02,,CHILD\n"                 // 8-9: request lt-5
                + "lt-6,,2026-11-22,Too few\n"                                                    // 10
                + "lt-7,,2026-11-22,Core says no,Kim,Refused,2012-02-02,,CHILD\n"                 // 11
                + "\n");

        ImportReport report = importer.importFile(file);

        assertEquals(List.of("lt-1", "lt-5"), inbox.opened.stream().map(InboundRequest::idempotencyKey).toList());
        InboundRequest first = inbox.opened.get(0);
        assertEquals(2, first.persons().size());
        assertEquals("Zorgen, thuis", first.description());
        assertEquals("Ede", first.municipality());
        assertEquals(LocalDate.of(2026, 11, 20), first.receivedOn());
        assertEquals("Two\nlines", inbox.opened.get(1).description());

        Map<Integer, String> bad = rejectedByLine(report);
        assertEquals(List.of(4, 5, 6, 7, 10, 11), bad.keySet().stream().sorted().toList(), bad.toString());
        assertTrue(bad.get(4).startsWith("receivedOn: '2026-31-11' is not a date"), bad.get(4));
        assertEquals("givenName: is required", bad.get(5));
        assertTrue(bad.get(6).contains("request not imported: line 7"), bad.get(6));
        assertTrue(bad.get(7).startsWith("roles: 'UNCLE'"), bad.get(7));
        assertEquals("row: has 4 fields, the header has 9", bad.get(10));
        assertEquals("persons[0].dateOfBirth: is in the future", bad.get(11));
        assertEquals(2, report.imported);

        // the file and its report are in processed/, the inbox is empty
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(folders.processed().resolve("week47.csv")));
        List<Csv.Row> written = Csv.parse(Files.readString(folders.processed().resolve("week47.report.csv")));
        assertEquals(ImportReport.COLUMNS, written.get(0).fields());
        assertEquals(List.of("2", "lt-1", "IMPORTED", "case-0", "", ""), written.get(1).fields());
        assertEquals(List.of("4", "lt-2", "REJECTED", "", "receivedOn", "'2026-31-11' is not a date as yyyy-mm-dd"),
                written.get(2).fields());
        assertEquals(8, written.size() - 1, "2 imported + 6 rejected lines (lt-4's good row too)");

        JsonNode status = new ObjectMapper().readTree(dir.resolve("import-status.json").toFile());
        assertEquals("DONE", status.get("state").asText());
        assertEquals("week47.csv", status.get("file").asText());
        assertEquals(2, status.get("imported").asInt());
        assertEquals(6, status.get("rejectedRows").asInt());
    }

    @Test
    void importingTheSameFileAgainOpensNothingNewAndKeepsBothReports() throws Exception {
        String content = HEADER + "lt-1,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n";
        importer.importFile(drop("a.csv", content));
        ImportReport again = importer.importFile(drop("a.csv", content));

        assertEquals(1, inbox.opened.size());
        assertEquals(1, again.duplicates);
        assertEquals("DUPLICATE", again.lines.get(0).outcome());
        try (var files = Files.list(folders.processed())) {
            assertEquals(4, files.count(), "a.csv, a.report.csv and a second pair with a time suffix");
        }
    }

    @Test
    void rowsOfOneRequestMustAgree() throws Exception {
        ImportReport report = importer.importFile(drop("b.csv", HEADER
                + "lt-9,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n"
                + "lt-9,,2026-11-21,Zorgen,Eva,Jansen,1988-02-11,,PARENT\n"));

        assertTrue(inbox.opened.isEmpty(), "a request is all-or-nothing");
        Map<Integer, String> bad = rejectedByLine(report);
        assertEquals("receivedOn: differs from line 2 of the same idempotencyKey", bad.get(3));
        assertTrue(bad.get(2).contains("request not imported: line 3"), bad.get(2));
    }

    @Test
    void anUnreadableFileGoesToFailedAndNothingIsImported() throws Exception {
        Path open = drop("open.csv", HEADER + "lt-1,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n"
                + "lt-2,,2026-11-20,\"never closed,Tom,Bakker,2015-01-01,,CHILD\n");
        ImportReport report = importer.importFile(open);
        assertTrue(inbox.opened.isEmpty());
        assertEquals(3, report.rejected().get(0).line());
        assertTrue(Files.exists(folders.failed().resolve("open.csv")));
        assertTrue(Files.readString(folders.failed().resolve("open.report.csv")).contains("not closed"));

        importer.importFile(drop("header.csv", "idempotencyKey,receivedOn,description\nlt-1,2026-11-20,x\n"));
        assertTrue(Files.readString(folders.failed().resolve("header.report.csv"))
                .contains("header: externalRef: column missing from the header"));

        Files.write(folders.inbox().resolve("latin1.csv"), (HEADER + "lt-1,,2026-11-20,Zorg\u00e9n,S,J,2016-04-01,,CHILD\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        importer.importFile(folders.inbox().resolve("latin1.csv"));
        assertTrue(Files.readString(folders.failed().resolve("latin1.report.csv")).contains("not UTF-8"));
        assertTrue(inbox.opened.isEmpty());
        JsonNode status = new ObjectMapper().readTree(dir.resolve("import-status.json").toFile());
        assertEquals("FAILED", status.get("state").asText());
    }

    @Test
    void hiddenAndUnsettledFilesAreLeftAlone() throws Exception {
        drop(".sending.csv", HEADER);
        Path fresh = drop("fresh.csv", HEADER);
        assertTrue(CsvExchangeDirectory.settledFiles(folders.inbox(), java.time.Instant.now().minusSeconds(5)).isEmpty());
        assertEquals(List.of(fresh), CsvExchangeDirectory.settledFiles(folders.inbox(), java.time.Instant.now().plusSeconds(1)));
    }

    // --- what the platform can read beyond the exchange directory never reaches a report ----------

    static JsonNode status(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("import-status.json").toFile());
    }

    @Test
    void aSymbolicLinkInTheInboxIsRefusedAndWhatItPointsToIsNeverRead() throws Exception {
        // a file only the platform may read (its etc/), linked into the inbox by the local team
        Path etc = Files.createDirectories(dir.resolve("platform-etc"));
        Path key = Files.writeString(etc.resolve("proeftuin-access-log.key"), "c2VjcmV0LWtleS0zMi1ieXRlcw==,x\n");
        Path link = Files.createSymbolicLink(folders.inbox().resolve("week47.csv"), key);
        assertEquals(List.of(link), CsvExchangeDirectory.settledFiles(folders.inbox(), Instant.now().plusSeconds(1)),
                "listed, so that it is refused with a report rather than left unexplained");

        ImportReport report = importer.importFile(link);

        String written = Files.readString(folders.failed().resolve("week47.report.csv"));
        assertFalse(written.contains("c2VjcmV0"), written);
        assertTrue(written.contains("symbolic link"), written);
        assertEquals(1, report.rejectedRows);
        assertTrue(inbox.opened.isEmpty());
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS), "out of the inbox");
        assertTrue(Files.isSymbolicLink(folders.failed().resolve("week47.csv")), "the link itself moved, not a copy");
        assertEquals("c2VjcmV0LWtleS0zMi1ieXRlcw==,x\n", Files.readString(key), "the target untouched");
        assertEquals("FAILED", status(dir).get("state").asText());
    }

    @Test
    void aLinkSwappedInAfterTheCheckIsNotOpened() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path link = Files.createSymbolicLink(folders.inbox().resolve("swapped.csv"), secret);
        Csv.FileError refused = assertThrows(Csv.FileError.class, () -> CsvImport.openRegular(link).close());
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
    }

    @Test
    void aBadHeaderIsNamedByItsPositionNeverCopied() throws Exception {
        importer.importFile(drop("notcsv.csv", "Zm9vYmFyLXNlY3JldA==\nmore,lines\n"));
        String written = Files.readString(folders.failed().resolve("notcsv.report.csv"));
        assertFalse(written.contains("Zm9vYmFy"), written);
        assertTrue(written.contains("header: column 1: not a known column name"), written);
        assertTrue(inbox.opened.isEmpty());
    }

    @Test
    void aFileOverTheSizeLimitGoesToFailedUnread() throws Exception {
        Path huge = folders.inbox().resolve("huge.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(2L * 1024 * 1024 * 1024 + 1); // over 2 GiB, sparse: nothing on disk
        }
        ImportReport report = assertDoesNotThrow(() -> importer.importFile(huge));
        assertEquals(1, report.rejectedRows);
        assertTrue(report.rejected().get(0).reason().contains("16 MiB"), report.rejected().get(0).reason());
        assertFalse(Files.exists(huge));
        assertTrue(Files.exists(folders.failed().resolve("huge.csv")));
        assertTrue(Files.readString(folders.failed().resolve("huge.report.csv")).contains("larger than 16 MiB"));
        assertEquals("FAILED", status(dir).get("state").asText());
    }

    @Test
    void aControlCharacterInAFieldRejectsItsRow() throws Exception {
        ImportReport report = importer.importFile(drop("nul.csv", HEADER
                + "lt-1,,2026-11-20,Zorgen\u0000,Sam,Jansen,2016-04-01,,CHILD\n"
                + "lt-2,,2026-11-20,Zorgen,Tom\u0007,Bakker,2015-01-01,,CHILD\n"
                + "lt-3,,2026-11-20,\"Twee\r\nregels\tmet tab\",Noor,Smit,2012-02-02,,CHILD\n"));
        Map<Integer, String> bad = rejectedByLine(report);
        assertTrue(bad.get(2).startsWith("description: holds a control character"), bad.toString());
        assertTrue(bad.get(3).startsWith("givenName: holds a control character"), bad.toString());
        assertEquals(List.of("lt-3"), inbox.opened.stream().map(InboundRequest::idempotencyKey).toList(),
                "line breaks and tabs in a description are fine");
    }

    @Test
    void aFileWhoseImportFailsGoesToFailedAndTheNextOneIsImported() throws Exception {
        Path crash = drop("a-crash.csv", HEADER
                + "lt-1,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n"
                + "lt-2,,2026-11-20,Zorgen,Tom,Crash,2015-01-01,,CHILD\n");
        ImportReport report = assertDoesNotThrow(() -> importer.importFile(crash));
        assertFalse(Files.exists(crash), "the inbox is not blocked");
        String written = Files.readString(folders.failed().resolve("a-crash.report.csv"));
        assertTrue(written.contains("2,lt-1,IMPORTED"), written);
        assertTrue(written.contains("send the file again"), written);
        assertFalse(written.contains("db-secret"), "the exception stays in the log: " + written);
        assertEquals(1, report.imported);
        assertEquals("FAILED", status(dir).get("state").asText());

        Path oom = drop("b-oom.csv", HEADER + "lt-3,,2026-11-20,Zorgen,Eva,Oom,1988-02-11,,PARENT\n");
        assertDoesNotThrow(() -> importer.importFile(oom));
        assertTrue(Files.exists(folders.failed().resolve("b-oom.csv")));
        assertEquals("FAILED", status(dir).get("state").asText(), "not left RUNNING");

        importer.importFile(drop("c-good.csv", HEADER + "lt-4,,2026-11-20,Zorgen,Ali,Yilmaz,2013-05-05,,CHILD\n"));
        assertTrue(Files.exists(folders.processed().resolve("c-good.csv")));
    }

    @Test
    void thePollSurvivesAnyFileAndImportsTheOnesAfterIt() throws Exception {
        CsvExchangeDirectory directory = CsvLocalTeamConnectorTest.directory("Ede", dir);
        try {
            directory.inbox = inbox;
            FileTime settled = FileTime.from(Instant.now().minusSeconds(3600));
            for (Path file : List.of(drop("a-deep.csv", HEADER + "lt-1,,2026-11-20,Zorgen,Eva,Deep,1988-02-11,,PARENT\n"),
                    drop("b-crash.csv", HEADER + "lt-2,,2026-11-20,Zorgen,Tom,Crash,2015-01-01,,CHILD\n"),
                    drop("c-good.csv", HEADER + "lt-3,,2026-11-20,Zorgen,Ali,Yilmaz,2013-05-05,,CHILD\n"))) {
                Files.setLastModifiedTime(file, settled);
            }
            assertDoesNotThrow(directory::poll);
            assertTrue(Files.exists(folders.failed().resolve("a-deep.csv")));
            assertTrue(Files.exists(folders.failed().resolve("b-crash.csv")));
            assertTrue(Files.exists(folders.processed().resolve("c-good.csv")), "the files after it are imported");
            try (var left = Files.list(folders.inbox())) {
                assertEquals(0, left.count());
            }
        } finally {
            directory.deactivate();
        }
    }

    @Test
    void aSymbolicLinkInPlaceOfAFolderStopsTheImportWithALogLine() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("platform-data"));
        Files.writeString(elsewhere.resolve("x.csv"), HEADER + "lt-1,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n");
        Files.delete(folders.inbox());
        Files.createSymbolicLink(folders.inbox(), elsewhere);
        assertTrue(folders.problem().startsWith("inbox/ is a symbolic link"), folders.problem());
        CsvExchangeDirectory directory = CsvLocalTeamConnectorTest.directory("Ede", dir);
        try {
            directory.inbox = inbox;
            Files.setLastModifiedTime(elsewhere.resolve("x.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
            assertDoesNotThrow(directory::poll);
            assertTrue(Files.exists(elsewhere.resolve("x.csv")), "nothing read or moved through the link");
            assertTrue(inbox.opened.isEmpty());
        } finally {
            directory.deactivate();
        }
    }

    // --- a report is never a formula in the team's spreadsheet ------------------------------------

    @Test
    void aValueEchoedInAReportIsNoFormula() throws Exception {
        importer.importFile(drop("formula.csv", HEADER + "-2+3,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n"));
        String written = Files.readString(folders.processed().resolve("formula.report.csv"));
        assertTrue(written.contains("\r\n2,'-2+3,REJECTED,"), written);
        assertFalse(written.contains(",-2+3"), written);
        assertEquals("-2+3", Csv.parse(written).get(1).fields().get(1), "read back as written");
    }
}
