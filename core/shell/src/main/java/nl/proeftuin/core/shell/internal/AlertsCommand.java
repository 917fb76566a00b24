package nl.proeftuin.core.shell.internal;

import java.time.ZoneId;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code proeftuin:alerts [-n limit]}: the newest alerts for the coordinator. */
@Service
@Command(scope = "proeftuin", name = "alerts", description = "Shows the newest alerts (fallbacks used, plugins failing)")
public class AlertsCommand implements Action {
    /** A screenful; the REST API's default (100) is for programs. */
    static final int DEFAULT_LIMIT = 20;

    @Reference
    private PluginRuntime runtime;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Option(name = "-n", aliases = "--limit", description = "At most this many, 1 to 1000 (default 20)")
    private int limit = DEFAULT_LIMIT;

    @Override
    public Object execute() throws Exception {
        ShellTable shown = ShellAccess.call(log, session, AccessAction.READ, "alert", null, "proeftuin:alerts", () -> {
            ZoneId zone = ZoneId.systemDefault();
            ShellTable table = new ShellTable().emptyTableText("No alerts");
            table.column("At");
            table.column("Kind");
            table.column("Point");
            table.column("Scope");
            table.column("Plugin");
            table.column("Case");
            table.column("Message").maxSize(70).wrap();
            runtime.alerts(Arguments.limit(limit)).forEach(a -> table.addRow().addContent(Text.time(a.at(), zone), a.kind(),
                    Text.orNone(a.point()), Text.scope(a.municipality()), Text.orNone(a.pluginId()), Text.orNone(a.caseId()),
                    a.message()));
            return table;
        });
        shown.print(System.out);
        return null;
    }
}
