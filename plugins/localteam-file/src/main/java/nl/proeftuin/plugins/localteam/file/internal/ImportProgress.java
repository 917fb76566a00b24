package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of the import under way, where a user sees it without a shell: the file
 * {@code <directory>/import-status.json}, rewritten whole (atomically) at the start, every
 * {@code progressEveryRequests} requests and at the end, and the same figures in the log:
 *
 * <pre>{"file":"week47.csv","state":"RUNNING","rows":120,"requests":80,"handled":40,"imported":38,
 *  "duplicates":1,"rejectedRows":3,"startedAt":"...","updatedAt":"...","report":null}</pre>
 *
 * {@code state}: {@code RUNNING}, {@code DONE} (report in processed/), {@code FAILED} (file and report
 * in failed/, nothing imported).
 */
final class ImportProgress {
    static final String FILE = "import-status.json";
    private static final Logger LOG = LoggerFactory.getLogger(ImportProgress.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path statusFile;
    private final Clock clock;
    private final Map<String, Object> status = new LinkedHashMap<>();

    ImportProgress(Path directory, Clock clock) {
        this.statusFile = directory.resolve(FILE);
        this.clock = clock;
    }

    void start(String file) {
        status.clear();
        status.put("file", file);
        status.put("state", "RUNNING");
        status.put("rows", 0);
        status.put("requests", 0);
        status.put("handled", 0);
        status.put("imported", 0);
        status.put("duplicates", 0);
        status.put("rejectedRows", 0);
        status.put("startedAt", Instant.now(clock).toString());
        status.put("report", null);
        write();
    }

    void update(int rows, int requests, int handled, ImportReport report) {
        status.put("rows", rows);
        status.put("requests", requests);
        status.put("handled", handled);
        status.put("imported", report.imported);
        status.put("duplicates", report.duplicates);
        status.put("rejectedRows", report.rejectedRows);
        write();
        LOG.info("import {}: {} of {} requests handled ({} imported, {} duplicate, {} rows rejected)",
                status.get("file"), handled, requests, report.imported, report.duplicates, report.rejectedRows);
    }

    void finish(String state, Path reportFile) {
        status.put("state", state);
        status.put("report", reportFile == null ? null : reportFile.toString());
        write();
        LOG.info("import {} {}: report {}", status.get("file"), state, reportFile);
    }

    private void write() {
        status.put("updatedAt", Instant.now(clock).toString());
        try {
            AtomicFiles.write(statusFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", statusFile, e.getMessage());
        }
    }
}
