package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>The local team writes {@code inbox/}, the platform reads it: only what the team wrote may come
 * back in a report. So only a regular file is read, never a symbolic link (checked without following
 * it, and opened with {@code NOFOLLOW_LINKS}, so a link swapped in after the check is refused too), a
 * directory, a pipe or a device; and none larger than {@link #MAX_BYTES}. Such a file goes to
 * {@code failed/} with a report that names the reason only. An import that fails for any other
 * reason (the core or the database throws, the platform runs out of memory) is logged and the file
 * goes to {@code failed/} too, with its report so far: one file never blocks the ones after it.
 */
final class CsvImport {
    static final String PLUGIN_ID = CsvLocalTeamConnector.ID;
    /**
     * The largest file read, 16 MiB: room for the default {@code maxRows} (10000) rows of about 1 KiB
     * each, far below what would exhaust the heap (the text is held about three times over while it is
     * decoded and parsed). A larger file goes to {@code failed/} unread, with a report asking to split it.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CsvImport.class);

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

    /**
     * Imports the file; returns the report (also written to disk, beside the file in processed/ or
     * failed/). Whatever goes wrong, the file leaves the inbox: only when it cannot be moved (or is
     * gone) does this throw.
     */
    ImportReport importFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        progress.start(name);
        ImportReport report = new ImportReport();
        try {
            importInto(file, report);
        } catch (Throwable e) { // one file, whatever it holds, never stops the exchange
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                LOG.warn("localteam-file: {} left the inbox during its import", file, e);
                progress.finish("FAILED", null);
                return report;
            }
            LOG.error("localteam-file: the import of {} failed; it goes to {}", file, folders.failed(), e);
            // the reason stays in the log: an exception's text may hold what is not the team's
            report.rejected(0, null, "file", "the import stopped at an error of the platform (in its log, "
                    + "not repeated here); the requests this report marks IMPORTED or DUPLICATE were opened: send "
                    + "the file again to import the rest, those come back as DUPLICATE");
            Path reportFile = finish(file, folders.failed(), report);
            progress.finish("FAILED", reportFile);
        }
        return report;
    }

    private void importInto(Path file, ImportReport report) throws IOException {
        List<Csv.Row> rows;
        RequestColumns columns;
        try {
            rows = Csv.parse(decode(read(file)));
            if (rows.isEmpty() || rows.get(0).error() != null) {
                throw new Csv.FileError(1, rows.isEmpty() ? "the file is empty: it needs a header row"
                        : "the header row cannot be read: " + rows.get(0).error());
            }
            try {
                columns = RequestColumns.of(rows.get(0).fields());
            } catch (BadField e) {
                throw new Csv.FileError(1, "header: " + e.getMessage());
            }
            long dataRows = rows.stream().skip(1).filter(r -> !r.blank()).count();
            if (dataRows > maxRows) {
                throw new Csv.FileError(1, "the file has " + dataRows + " rows, more than maxRows " + maxRows
                        + ": split it");
            }
        } catch (Csv.FileError e) {
            report.rejected(e.line, null, "file", e.getMessage());
            Path reportFile = finish(file, folders.failed(), report);
            progress.finish("FAILED", reportFile);
            return;
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
        if (Files.exists(folder.resolve(base + ".csv"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(folder.resolve(base + ".report.csv"), LinkOption.NOFOLLOW_LINKS)) {
            base = base + "-" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS"));
        }
        Path reportFile = folder.resolve(base + ".report.csv");
        AtomicFiles.write(reportFile, report.csv());
        Files.move(file, folder.resolve(base + ".csv"), StandardCopyOption.ATOMIC_MOVE);
        return reportFile;
    }

    /**
     * The bytes of a regular file of at most {@link #MAX_BYTES}. @throws Csv.FileError naming why
     * anything else is not read (never what it holds)
     */
    static byte[] read(Path file) throws IOException, Csv.FileError {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new Csv.FileError(1, "the file is a symbolic link: only regular files are imported, a link is"
                    + " not followed");
        }
        if (!attributes.isRegularFile()) {
            throw new Csv.FileError(1, (attributes.isDirectory() ? "a directory" : "not a regular file (a pipe or"
                    + " a device)") + ": only regular files are imported");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new Csv.FileError(1, tooLarge());
        }
        try (SeekableByteChannel channel = openRegular(file); InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1); // the file may have grown since the check
            if (bytes.length > MAX_BYTES) {
                throw new Csv.FileError(1, tooLarge());
            }
            return bytes;
        }
    }

    private static String tooLarge() {
        return "the file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB (" + MAX_BYTES
                + " bytes), the most that is imported: split it";
    }

    /**
     * Opens the file for reading without following a link (a link swapped in after the check is
     * refused by the operating system: O_NOFOLLOW). @throws Csv.FileError when it cannot be opened so
     */
    static SeekableByteChannel openRegular(Path file) throws IOException, Csv.FileError {
        try {
            return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (AccessDeniedException e) {
            throw new Csv.FileError(1, "the platform may not read the file: give it read permission and send it"
                    + " again");
        } catch (IOException e) { // ELOOP, a link, comes as a plain IOException
            throw new Csv.FileError(1, "the file cannot be opened as a regular file (a symbolic link is not"
                    + " followed)");
        }
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
