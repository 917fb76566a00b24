package nl.proeftuin.core.store.sqlcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build check of "one owner per table": core/store is the only bundle that speaks SQL. Every
 * main source root of the reactor but core/store's is scanned; a statement in a string literal or a
 * JDBC statement outside core/store fails the build, naming file and line. (Like plugins/import-check
 * for plugin imports.) Tests and the test fixtures of testing/ may use SQL (they set up and inspect the
 * database).
 */
class SqlOnlyInStoreTest {

    @Test
    void noSqlOutsideCoreStore() throws IOException {
        Path root = projectRoot();
        List<Path> roots = mainSourceRoots(root);
        assertTrue(roots.stream().anyMatch(r -> r.startsWith(root.resolve("core/audit"))),
                "the scan must see the other bundles' sources: " + roots);
        List<SqlScanner.Finding> findings = SqlScanner.scanRoots(roots);
        if (!findings.isEmpty()) {
            fail("SQL outside core/store (only core/store speaks SQL: add a method to the store that owns the table,"
                    + " see docs/decisions/0016):\n" + findings.stream().map(f -> "  " + root.relativize(f.file())
                    + ":" + f.line() + ": " + f.what()).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void catchesAPlantedStatementAndNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path planted = dir.resolve("Planted.java");
        Files.writeString(planted, String.join("\n",
                "package x;",
                "import java.sql.Connection;",
                "import java.sql.PreparedStatement;",
                "class Planted {",
                "    // SELECT name FROM person WHERE id = ? (a comment is no SQL)",
                "    String message = \"Select a person from the list\";",
                "    void erase(Connection c) throws java.sql.SQLException {",
                "        try (var ps = c.prepareStatement(\"DELETE FROM person WHERE id = ?\")) {",
                "        }",
                "    }",
                "    String q = \"SELECT id, name \"",
                "            + \"FROM person\";",
                "    String u = \"UPDATE node_heartbeat SET beat_at = ?\";",
                "    String t = \"\"\"",
                "        INSERT INTO person (id) VALUES (?)",
                "        \"\"\";",
                "    String lower = \"select id from person where family_name = ?\";",
                "    String lowerDelete = \"delete from person where id = ?\";",
                "    java.util.function.Function<String, Object> ref = c::prepareStatement;",
                "}"));
        List<SqlScanner.Finding> findings = SqlScanner.scanRoots(List.of(dir));
        List<Integer> lines = findings.stream().map(SqlScanner.Finding::line).distinct().toList();
        assertEquals(List.of(3, 8, 11, 13, 14, 17, 18, 19), lines, findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.file().equals(planted)));
        assertTrue(findings.stream().anyMatch(f -> f.what().contains("DELETE FROM person")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.what().contains("prepareStatement")), findings.toString());
    }

    @Test
    void connectionsAndPlainTextAreNoSql(@TempDir Path dir) throws IOException {
        Path clean = dir.resolve("Clean.java");
        Files.writeString(clean, String.join("\n",
                "import java.sql.Connection;",
                "import java.sql.SQLException;",
                "class Clean {",
                "    String a = \"update the plan\";",
                "    String b = \"select from the menu\";",
                "    Object action = AccessAction.UPDATE;",
                "    String c = \"the case was deleted from the register\";",
                "    String d = \"Select one plugin from the list where it fits\";",
                "    String e = \"update your password and set a new one\";",
                "}"));
        assertEquals(List.of(), SqlScanner.scanRoots(List.of(dir)));
    }

    /** The reactor's root: the nearest ancestor of the working directory holding core/store/pom.xml. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("core/store/pom.xml")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project root above " + dir);
    }

    /** Every src/main/java of the reactor except core/store's (the modules are at most two levels deep). */
    static List<Path> mainSourceRoots(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(root, 5)) {
            dirs.filter(p -> p.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(p))
                    .filter(p -> !p.startsWith(root.resolve("core/store")))
                    // the shared test fixtures: test scope in every pom, in no feature; like tests, they may
                    // look into the database (HeldDatabase sees a transaction wait for a lock)
                    .filter(p -> !p.startsWith(root.resolve("testing")))
                    .filter(p -> root.relativize(p).getNameCount() <= 5)
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .sorted().forEach(out::add);
        }
        return out;
    }
}
