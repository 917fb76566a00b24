package nl.proeftuin.core.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.plugins.ConfigurationDifference;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.ShellPermission;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:configuration-import [--dry-run] file reason...}: makes this instance's bindings those of a
 * document written by {@code proeftuin:configuration-export} or {@code GET /api/v1/configuration/export}
 * elsewhere, as {@code POST /api/v1/configuration/import} does: {@code --dry-run} prints the differences and
 * changes nothing; without it the differences are applied in one transaction or not at all (one bad entry
 * refuses the whole document, naming every bad entry). Logged: a dry run as a read, an import as a binding
 * change, then one entry listing every difference applied (old and new plugin and configuration). As there, for
 * a coordinator or regional administrator granted all municipalities ({@link ShellPermission}); the file is read
 * by the platform's own system user, so its reading is in the access log (refusals included) and an error never
 * shows what the file holds: a file that is no JSON document is told by line and column only.
 */
@Service
@Command(scope = "proeftuin", name = "configuration-import",
        description = "Makes this instance's bindings those of an exported document (first try it with --dry-run)")
public class ConfigurationImportCommand implements Action {
    static final String NAME = "proeftuin:configuration-import";
    /** A document of the whole region is some kilobytes; nothing near this. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    @Reference
    private PluginRuntime runtime;

    @Reference
    private UserAdministration users;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Option(name = "-n", aliases = "--dry-run", description = "Only print what would change")
    private boolean dryRun;

    @Argument(index = 0, name = "file", required = true, description = "The exported JSON document")
    private String file;

    @Argument(index = 1, name = "reason", multiValued = true,
            description = "Why (kept in the binding history); required unless --dry-run")
    private List<String> reason;

    @Override
    public Object execute() throws Exception {
        String why = dryRun ? null : Arguments.reason(reason);
        Path path = Path.of(file).toAbsolutePath().normalize();
        String command = NAME + (dryRun ? " --dry-run " : " ") + path;
        ConfigurationImport result;
        try {
            // who may, the file's reading and the import in one entry: a refusal is logged as well
            result = ShellAccess.call(log, session, dryRun ? AccessAction.READ : AccessAction.BINDING_CHANGE,
                    "configuration", null, command, () -> {
                        ShellPermission.require(users, NAME, Role.COORDINATOR, Role.REGIONAL_ADMINISTRATOR);
                        ConfigurationDocument document = read(path);
                        return runtime.importConfiguration(ShellActor.current(session), document, why, dryRun);
                    });
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("The document is refused, nothing was changed: " + e.getMessage(), e);
        }
        if (!result.dryRun() && !result.differences().isEmpty()) {
            // what was applied, in the access log's words: old and new plugin and configuration per scope
            ShellAccess.run(log, session, AccessAction.BINDING_CHANGE, "configuration", null, command + " applied: "
                    + result.differences().stream().map(ConfigurationImportCommand::line)
                            .collect(Collectors.joining("; ")) + "; reason: " + why, () -> { });
        }
        System.out.print(report(result));
        return null;
    }

    /**
     * The document, or a refusal that says where the file stops being one, never what it holds: Jackson's own
     * message quotes the text it choked on (a key file's whole content, once), and its cause is left off, as
     * the log of the command's failure would print it.
     */
    static ConfigurationDocument read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No such file: " + path);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IllegalArgumentException("Not a configuration document (" + path + "): larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        try {
            return ConfigurationExportCommand.JSON.readValue(path.toFile(), ConfigurationDocument.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw new IllegalArgumentException("Not a configuration document (" + path + "): "
                    + (e instanceof JsonParseException ? "not valid JSON"
                            : "not the JSON of an exported document") + where);
        }
    }

    /** One difference: {@code CHANGED TRIAGE municipality Arnhem: a {..} -> b {..}}, old and new configuration. */
    static String line(ConfigurationDifference d) {
        return d.change() + " " + d.point() + " " + Text.scope(d.municipality()) + ": "
                + (d.oldPluginId() == null ? "(none)" : d.oldPluginId() + configuration(d.oldConfiguration())) + " -> "
                + (d.newPluginId() == null ? "(none)" : d.newPluginId() + configuration(d.newConfiguration()));
    }

    private static String configuration(Map<String, String> configuration) {
        return configuration == null || configuration.isEmpty() ? "" : " " + new TreeMap<>(configuration);
    }

    static String report(ConfigurationImport result) {
        StringBuilder text = new StringBuilder(result.dryRun() ? "Dry run, nothing changed: " : "Applied: ")
                .append(result.differences().size()).append(" differences, ").append(result.unchanged())
                .append(" unchanged\n");
        result.differences().forEach(d -> text.append("  ").append(line(d)).append('\n'));
        return text.toString();
    }
}
