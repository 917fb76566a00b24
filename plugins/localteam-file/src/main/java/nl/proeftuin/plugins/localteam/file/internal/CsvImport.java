package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.spi.LocalTeamInbox;
import nl.proeftuin.plugins.localteam.file.internal.RequestColumns.BadField;
import nl.proeftuin.plugins.localteam.file.internal.RequestColumns.RequestRow;

/**
 * Imports one CSV file of requests (shape: {@link RequestColumns}) from the inbox folder:
 * <ol>
 * <li>reads and checks every row first; a file that is not UTF-8, has no valid header, more than
 * {@code maxRows} rows or a quote left open goes to {@code failed/} with its report, and nothing is
 * imported;</li>
 * <li>hands every request whose rows are all valid to the core's {@link LocalTeamInbox}, one request
 * per call (one core transaction: a request is opened whole or not at all); a request the core refuses
 * is reported on each of its rows;</li>
 * <li>writes {@code <name>.report.csv} ({@link ImportReport}) into {@code processed/} and moves the
 * file beside it.</li>
 * </ol>
 * Stopped half-way (a crash), the file is still in the inbox and is imported again: the requests
 * handed over before come back as DUPLICATE, by their idempotency key.
 */
final class CsvImport {
    static final String PLUGIN_ID = CsvLocalTeamConnector.ID;

    private final LocalTeamInbox inbox;
    private final String municipality;
    private final ExchangeFolders folders;
    private final int maxRows;
    private final int progressEvery;
    private final ImportProgress progress;
    private final Clock clock;

    CsvImport(LocalTeamInbox inbox, String municipality, ExchangeFolders folders, int maxRows, int progressEvery,
            Clock clock) {
        this.inbox = inbox;
        this.municipality = municipality;
        this.folders = folders;
        this.maxRows = maxRows;
        this.progressEvery = progressEvery;
        this.clock = clock;
        this.progress = new ImportProgress(folders.root(), clock);
    }

    ImportProgress progress() {
        return progress;
    }

    /** Imports the file; returns the report (also written to disk). */
    ImportReport importFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        progress.start(name);
        ImportReport report = new ImportReport();
        List<Csv.Row> rows;
        RequestColumns columns;
        try {
            rows = Csv.parse(decode(Files.readAllBytes(file)));
            if (rows.isEmpty() || rows.get(0).error() != null) {
                throw new Csv.FileError(1, rows.isEmpty() ? "the file is empty: it needs a header row"
                        : "the header row cannot be read: " + rows.get(0).error());
            }
            long dataRows = rows.stream().skip(1).filter(r -> !r.blank()).count();
            if (dataRows > maxRows) {
                throw new Csv.FileError(1, "the file has " + dataRows + " rows, more than maxRows " + maxRows
                        + ": split it");
            }
            try {
                columns = RequestColumns.of(rows.get(0).fields());
            } catch (BadField e) {
                throw new Csv.FileError(1, "header: " + e.getMessage());
            }
        } catch (Csv.FileError e) {
            report.rejected(e.line, null, "file", e.getMessage());
            Path reportFile = finish(file, folders.failed(), report);
            progress.finish("FAILED", reportFile);
            return report;
        }

        // 1. every row: valid, and consistent with the other rows of its request
        Map<String, List<RequestRow>> requests = new LinkedHashMap<>();
        Map<String, List<Integer>> badLines = new LinkedHashMap<>();
        Map<String, List<Integer>> allLines = new LinkedHashMap<>();
        int dataRows = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            dataRows++;
            String key = keyOf(row, columns);
            if (key != null) {
                allLines.computeIfAbsent(key, k -> new ArrayList<>()).add(row.line());
            }
            if (row.error() != null) {
                reject(report, badLines, row.line(), key, "row", row.error());
                continue;
            }
            RequestRow read;
            try {
                read = columns.read(row.line(), row.fields());
            } catch (BadField e) {
                reject(report, badLines, row.line(), key, e.field, e.reason);
                continue;
            }
            List<RequestRow> request = requests.computeIfAbsent(read.idempotencyKey(), k -> new ArrayList<>());
            if (!request.isEmpty()) {
                RequestRow first = request.get(0);
                String differs = !Objects.equals(first.externalRef(), read.externalRef()) ? "externalRef"
                        : !Objects.equals(first.receivedOn(), read.receivedOn()) ? "receivedOn"
                        : !Objects.equals(first.description(), read.description()) ? "description" : null;
                if (differs != null) {
                    reject(report, badLines, row.line(), read.idempotencyKey(), differs,
                            "differs from line " + first.line() + " of the same idempotencyKey");
                    continue;
                }
            }
            request.add(read);
        }
        // a request with a bad row is not imported at all: say so on its good rows
        for (Map.Entry<String, List<Integer>> bad : badLines.entrySet()) {
            List<RequestRow> good = requests.remove(bad.getKey());
            if (good != null) {
                for (RequestRow row : good) {
                    report.rejected(row.line(), bad.getKey(), "idempotencyKey", "request not imported: line "
                            + bad.getValue().get(0) + " of the same idempotencyKey is invalid");
                }
            }
        }

        // 2. hand the valid requests over, one core transaction each
        int handled = 0;
        progress.update(dataRows, requests.size(), handled, report);
        for (Map.Entry<String, List<RequestRow>> entry : requests.entrySet()) {
            List<RequestRow> request = entry.getValue();
            RequestRow first = request.get(0);
            try {
                InboundResult result = inbox.receive(PLUGIN_ID, new InboundRequest(entry.getKey(), municipality,
                        first.externalRef(), first.description(), first.receivedOn(),
                        request.stream().map(RequestRow::person).toList()));
                report.imported(first.line(), entry.getKey(), result.caseId(), result.duplicate());
            } catch (InvalidInputException e) {
                for (RequestRow row : request) {
                    report.rejected(row.line(), entry.getKey(), e.field(), e.reason());
                }
            }
            handled++;
            if (handled % progressEvery == 0) {
                progress.update(dataRows, requests.size(), handled, report);
            }
        }
        progress.update(dataRows, requests.size(), handled, report);
        Path reportFile = finish(file, folders.processed(), report);
        progress.finish("DONE", reportFile);
        return report;
    }

    private static void reject(ImportReport report, Map<String, List<Integer>> badLines, int line, String key,
            String field, String reason) {
        report.rejected(line, key, field, reason);
        if (key != null) {
            badLines.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
    }

    /** The row's idempotency key as far as it can be read, to group a bad row with its request. */
    private static String keyOf(Csv.Row row, RequestColumns columns) {
        String key = columns.keyField(row.fields());
        return key == null || key.isBlank() ? null : key.strip();
    }

    /** Writes the report, then moves the file beside it (a free name: a second week47.csv gets a suffix). */
    private Path finish(Path file, Path folder, ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        if (Files.exists(folder.resolve(base + ".csv")) || Files.exists(folder.resolve(base + ".report.csv"))) {
            base = base + "-" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS"));
        }
        Path reportFile = folder.resolve(base + ".report.csv");
        AtomicFiles.write(reportFile, report.csv());
        Files.move(file, folder.resolve(base + ".csv"), StandardCopyOption.ATOMIC_MOVE);
        return reportFile;
    }

    private static String decode(byte[] bytes) throws Csv.FileError {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Csv.FileError(1, "the file is not UTF-8 text (save it as CSV UTF-8)");
        }
    }
}
