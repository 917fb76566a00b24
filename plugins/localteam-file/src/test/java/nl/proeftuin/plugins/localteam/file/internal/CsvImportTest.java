package nl.proeftuin.plugins.localteam.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The core's inbox: dedupes by key; refuses a family name "Refused" as the core refuses bad input. */
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
}
