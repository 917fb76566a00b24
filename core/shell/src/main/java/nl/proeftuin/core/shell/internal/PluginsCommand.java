package nl.proeftuin.core.shell.internal;

import java.util.Comparator;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code proeftuin:plugins}: the plugin services present now. */
@Service
@Command(scope = "proeftuin", name = "plugins", description = "Lists the plugin services present now, by extension point")
public class PluginsCommand implements Action {
    @Reference
    private PluginRuntime runtime;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Override
    public Object execute() throws Exception {
        ShellTable shown = ShellAccess.call(log, session, AccessAction.READ, "plugin", null, "proeftuin:plugins", () -> {
            ShellTable table = new ShellTable().emptyTableText("No plugins present");
            table.column("Point");
            table.column("Plugin");
            table.column("Bundle");
            table.column("Version");
            table.column("Service").alignRight();
            runtime.plugins().stream()
                    .sorted(Comparator.comparing(PluginInfo::point).thenComparing(PluginInfo::pluginId))
                    .forEach(p -> table.addRow().addContent(p.point(), p.pluginId(), p.bundle(), p.bundleVersion(), p.serviceId()));
            return table;
        });
        shown.print(System.out);
        return null;
    }
}
