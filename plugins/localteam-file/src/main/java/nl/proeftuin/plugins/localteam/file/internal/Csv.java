package nl.proeftuin.plugins.localteam.file.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, small and strict: fields separated by commas, records by CRLF, LF or CR; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""}). A leading byte order
 * mark is skipped. Every record keeps the physical line it starts on, so that a report can name it.
 *
 * <p>The files are opened in spreadsheets, so a cell is never a formula: {@link #format} writes a
 * field that starts with {@code = + - @}, a tab or a CR with a single quote before it ({@code '=x}),
 * as the platform's other CSV exports do; a field that starts with a quote followed by such a start
 * gets one more quote, so that {@link #parse} can take exactly that one quote off again
 * ({@link #unguard}): what is written reads back the same.
 */
final class Csv {

    /** One record: the line it starts on (1-based) and its fields, or the reason it cannot be read. */
    record Row(int line, List<String> fields, String error) {
        boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** A file that cannot be read as CSV at all (an open quote up to the end: cut off, most likely). */
    static final class FileError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        FileError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {
    }

    /**
     * Splits text into records. A stray quote inside an unquoted field or text after a closing quote
     * makes that record an error (the rest of its line is skipped) and reading goes on.
     *
     * @throws FileError for a quoted field that is still open at the end of the text
     */
    static List<Row> parse(String text) throws FileError {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            String error = null;
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && s.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new FileError(quoteLine, "a quoted field opened on line " + quoteLine
                                    + " is not closed before the end of the file");
                        }
                        char c = s.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && s.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\r' || c == '\n') {
                            line++;
                            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                                field.append('\r');
                                i++;
                                c = '\n';
                            }
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        error = "text after a closing quote in field " + (fields.size() + 1);
                    }
                } else {
                    while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        if (s.charAt(i) == '"' && error == null) {
                            error = "a quote inside unquoted field " + (fields.size() + 1)
                                    + " (quote the field and double the quote)";
                        }
                        field.append(s.charAt(i));
                        i++;
                    }
                }
                if (error != null) {
                    while (i < n && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        i++; // skip the rest of the line: the record is reported, not guessed at
                    }
                }
                fields.add(unguard(field.toString()));
                field.setLength(0);
                if (i < n && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                endOfRecord = true;
                if (i < n) {
                    if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                }
            }
            rows.add(new Row(start, List.copyOf(fields), error));
        }
        return rows;
    }

    /**
     * One record as RFC 4180 text with CRLF; a field is quoted when it holds a comma, quote or line
     * break, and guarded against formulas ({@link #guard}).
     */
    static String format(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            String f = guard(fields.get(k) == null ? "" : fields.get(k));
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                    || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '))) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append("\r\n").toString();
    }

    /** A spreadsheet reads a cell that starts so as a formula. */
    private static boolean formulaStart(String f) {
        return !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0;
    }

    /** A field that needs a quote before it: a formula start, or a quote before one (so that unguard is exact). */
    private static boolean needsGuard(String f) {
        int quotes = 0;
        while (quotes < f.length() && f.charAt(quotes) == '\'') {
            quotes++;
        }
        return formulaStart(f.substring(quotes));
    }

    /** {@code =1+1} becomes {@code '=1+1}, {@code '=x} becomes {@code ''=x}; anything else stays. */
    static String guard(String f) {
        return needsGuard(f) ? "'" + f : f;
    }

    /** The inverse of {@link #guard}: one quote off a field that starts with quotes and then a formula start. */
    static String unguard(String f) {
        return f.startsWith("'") && needsGuard(f) ? f.substring(1) : f;
    }
}
