package nl.proeftuin.plugins.localteam.file.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, line by line: the report file {@code <name>.report.csv} beside the imported
 * file, with the columns {@code line,idempotencyKey,outcome,caseId,field,reason}; outcome is
 * {@code IMPORTED} or {@code DUPLICATE} (per request, at its first line) or {@code REJECTED} (per
 * bad row; every row of a request with a bad row is rejected, so no request is half imported).
 */
final class ImportReport {
    static final List<String> COLUMNS = List.of("line", "idempotencyKey", "outcome", "caseId", "field", "reason");

    record Line(int line, String idempotencyKey, String outcome, String caseId, String field, String reason) {
    }

    final List<Line> lines = new ArrayList<>();
    int imported;
    int duplicates;
    int rejectedRows;

    void imported(int line, String key, String caseId, boolean duplicate) {
        lines.add(new Line(line, key, duplicate ? "DUPLICATE" : "IMPORTED", caseId, "", ""));
        if (duplicate) {
            duplicates++;
        } else {
            imported++;
        }
    }

    void rejected(int line, String key, String field, String reason) {
        lines.add(new Line(line, key == null ? "" : key, "REJECTED", "", field, reason));
        rejectedRows++;
    }

    List<Line> rejected() {
        return lines.stream().filter(l -> "REJECTED".equals(l.outcome())).toList();
    }

    String csv() {
        StringBuilder out = new StringBuilder(Csv.format(COLUMNS));
        lines.stream().sorted(java.util.Comparator.comparingInt(Line::line)).forEach(l -> out.append(Csv.format(
                List.of(Integer.toString(l.line()), l.idempotencyKey(), l.outcome(), l.caseId(), l.field(), l.reason()))));
        return out.toString();
    }
}
