package nl.proeftuin.core.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.plugins.ConfigurationDifference;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
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
 * change, then one entry listing every difference applied (old and new plugin and configuration).
 */
@Service
@Command(scope = "proeftuin", name = "configuration-import",
        description = "Makes this instance's bindings those of an exported document (first try it with --dry-run)")
public class ConfigurationImportCommand implements Action {

    @Reference
    private PluginRuntime runtime;

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
        ConfigurationDocument document = read(Path.of(file));
        String command = "proeftuin:configuration-import" + (dryRun ? " --dry-run " : " ") + file;
        ConfigurationImport result;
        try {
            result = ShellAccess.call(log, session, dryRun ? AccessAction.READ : AccessAction.BINDING_CHANGE,
                    "configuration", null, command,
                    () -> runtime.importConfiguration(ShellActor.current(session), document, why, dryRun));
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

    private static ConfigurationDocument read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No such file: " + path.toAbsolutePath());
        }
        try {
            return ConfigurationExportCommand.JSON.readValue(path.toFile(), ConfigurationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a configuration document (" + path.toAbsolutePath() + "): "
                    + e.getOriginalMessage(), e);
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
