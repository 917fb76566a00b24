package nl.proeftuin.core.shell.internal;

import java.time.ZoneId;
import java.util.Comparator;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code proeftuin:bindings [point]}: the bindings, region and municipality ones. */
@Service
@Command(scope = "proeftuin", name = "bindings", description = "Lists the bindings of every extension point, or of one")
public class BindingsCommand implements Action {
    @Reference
    private PluginRuntime runtime;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Argument(index = 0, name = "point", description = "Only this extension point (TRIAGE, CARE_PATH, LOCAL_TEAM, PROCUREMENT)")
    @Completion(PointCompleter.class)
    private String point;

    @Override
    public Object execute() throws Exception {
        ShellTable shown = ShellAccess.call(log, session, AccessAction.READ, "binding", null, "proeftuin:bindings" + (point == null ? "" : " " + point), () -> {
            ExtensionPoint only = Arguments.optionalPoint(point);
            ZoneId zone = ZoneId.systemDefault();
            ShellTable table = new ShellTable().emptyTableText(only == null ? "No bindings" : "No bindings of " + only);
            table.column("Point");
            table.column("Scope");
            table.column("Plugin");
            table.column("Config");
            table.column("Rev").alignRight();
            table.column("Changed at");
            table.column("Changed by");
            runtime.bindings().stream()
                    .filter(b -> only == null || b.point() == only)
                    // the region first, then municipalities by name
                    .sorted(Comparator.comparing(Binding::point)
                            .thenComparing(Binding::municipality, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .forEach(b -> table.addRow().addContent(b.point(), Text.scope(b.municipality()), b.pluginId(),
                            Text.shortHash(b.configurationHash()), b.revision(), Text.time(b.changedAt(), zone),
                            Text.orNone(b.changedBy())));
            return table;
        });
        shown.print(System.out);
        return null;
    }
}
