package nl.proeftuin.core.store.sqlcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL in Java sources: statement keywords in string literals (SELECT ... FROM, INSERT INTO,
 * UPDATE ... SET, DELETE FROM, CREATE/ALTER/DROP TABLE, MERGE INTO) and JDBC statement use
 * (PreparedStatement, Statement, CallableStatement, ResultSet, prepareStatement, createStatement).
 * A {@link java.sql.Connection} handed over by {@code Database} and {@link java.sql.SQLException}
 * are no SQL: callers of the store may hold them.
 */
final class SqlScanner {

    /** One place SQL was found. */
    record Finding(Path file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what;
        }
    }

    /** SQL statements in the text of one string literal (in capitals, as the code base writes them, or in lower case). */
    private static final List<Pattern> STATEMENTS = List.of(
            Pattern.compile("^\\s*SELECT\\s+\\S"),
            Pattern.compile("\\bSELECT\\b.*\\bFROM\\b"),
            Pattern.compile("\\bINSERT\\s+INTO\\b"),
            Pattern.compile("\\bUPDATE\\s+\\w+\\s+SET\\b"),
            Pattern.compile("\\bDELETE\\s+FROM\\b"),
            Pattern.compile("\\b(CREATE|ALTER|DROP)\\s+(TABLE|INDEX|VIEW|SEQUENCE)\\b"),
            Pattern.compile("\\bMERGE\\s+INTO\\b"),
            Pattern.compile("\\bFROM\\s+\\w+(\\s+\\w+)?\\s+WHERE\\b"),
            Pattern.compile("\\bWHERE\\s+\\w+(\\.\\w+)?\\s*(=|<|>|IS\\s|IN\\s*\\()\\s*"),
            // the same statements in lower case, in shapes no sentence of a message takes
            Pattern.compile("(?i)\\bselect\\s+.+?\\s+from\\s+\\w+(\\s+\\w+)?\\s+where\\s+\\w+(\\.\\w+)?\\s*(=|<|>|\\bin\\b|\\bis\\b|\\blike\\b)"),
            Pattern.compile("(?i)\\binsert\\s+into\\s+\\w+\\s*\\("),
            Pattern.compile("(?i)\\bupdate\\s+\\w+\\s+set\\s+\\w+\\s*="),
            Pattern.compile("(?i)\\bdelete\\s+from\\s+\\w+\\s+where\\b"),
            Pattern.compile("(?i)\\b(create|alter|drop)\\s+(table|index|view|sequence)\\s+\\w+"));

    /** JDBC statement use in code (outside literals and comments). */
    private static final Pattern JDBC = Pattern.compile(
            "\\bjava\\.sql\\.(PreparedStatement|Statement|CallableStatement|ResultSet|ResultSetMetaData)\\b"
                    + "|\\b(PreparedStatement|CallableStatement|ResultSet|ResultSetMetaData)\\b"
                    + "|(\\.|::)(prepareStatement|createStatement|prepareCall|executeQuery|executeUpdate|executeBatch)\\b");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SqlScanner() {
    }

    /** Every Java file under the given source roots. */
    static List<Finding> scanRoots(List<Path> roots) {
        List<Finding> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(f -> out.addAll(scan(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static List<Finding> scan(Path file) {
        try {
            return scan(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> scan(Path file, String source) {
        List<Finding> out = new ArrayList<>();
        String[] lines = source.split("\r?\n", -1);
        boolean inComment = false;
        boolean inTextBlock = false;
        StringBuilder textBlock = new StringBuilder();
        int textBlockStart = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (inTextBlock) {
                int end = line.indexOf("\"\"\"");
                textBlock.append(' ').append(end < 0 ? line : line.substring(0, end));
                if (end < 0) {
                    continue;
                }
                inTextBlock = false;
                literal(out, file, textBlockStart, textBlock.toString());
                line = line.substring(end + 3);
            }
            // strip comments, keeping literals
            StringBuilder code = new StringBuilder();
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        inComment = false;
                        i = end + 2;
                    }
                } else if (line.startsWith("/*", i)) {
                    inComment = true;
                    i += 2;
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("\"\"\"", i)) {
                    int end = line.indexOf("\"\"\"", i + 3);
                    if (end < 0) {
                        inTextBlock = true;
                        textBlock.setLength(0);
                        textBlockStart = n + 1;
                        i = line.length();
                    } else {
                        literals.add(line.substring(i + 3, end));
                        i = end + 3;
                    }
                } else if (line.charAt(i) == '"') {
                    Matcher m = LITERAL.matcher(line);
                    if (m.find(i) && m.start() == i) {
                        literals.add(m.group(1));
                        code.append("\"\"");
                        i = m.end();
                    } else {
                        i = line.length();
                    }
                } else if (line.charAt(i) == '\'') {
                    int end = line.indexOf('\'', i + (line.startsWith("'\\", i) ? 3 : 2));
                    i = end < 0 ? line.length() : end + 1;
                } else {
                    code.append(line.charAt(i));
                    i++;
                }
            }
            Matcher jdbc = JDBC.matcher(code);
            if (jdbc.find()) {
                out.add(new Finding(file, n + 1, "JDBC statement use: " + jdbc.group().strip()));
            }
            for (String literal : literals) {
                literal(out, file, n + 1, literal);
            }
        }
        return out;
    }

    private static void literal(List<Finding> out, Path file, int line, String text) {
        for (Pattern p : STATEMENTS) {
            if (p.matcher(text).find()) {
                out.add(new Finding(file, line, "SQL in a string literal: \"" + text.strip() + "\""));
                return;
            }
        }
    }
}
