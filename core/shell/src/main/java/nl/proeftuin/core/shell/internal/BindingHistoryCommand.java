package nl.proeftuin.core.shell.internal;

import java.time.ZoneId;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code proeftuin:binding-history [point]}: who changed which binding, when and why, newest first. */
@Service
@Command(scope = "proeftuin", name = "binding-history", description = "Shows binding changes, newest first")
public class BindingHistoryCommand implements Action {
    @Reference
    private PluginRuntime runtime;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Argument(index = 0, name = "point", description = "Only this extension point")
    @Completion(PointCompleter.class)
    private String point;

    @Override
    public Object execute() throws Exception {
        ShellTable shown = ShellAccess.call(log, session, AccessAction.READ, "binding", null, "proeftuin:binding-history" + (point == null ? "" : " " + point), () -> {
            ExtensionPoint only = Arguments.optionalPoint(point);
            ZoneId zone = ZoneId.systemDefault();
            ShellTable table = new ShellTable().emptyTableText("No binding changes");
            table.column("#").alignRight();
            table.column("At");
            table.column("Point");
            table.column("Scope");
            table.column("Change");
            table.column("By");
            table.column("Reason").maxSize(60).wrap();
            runtime.history(only).forEach(c -> table.addRow().addContent(c.id(), Text.time(c.at(), zone), c.point(),
                    Text.scope(c.municipality()), Text.change(c.oldPluginId(), c.newPluginId()), Text.orNone(c.by()),
                    Text.orNone(c.reason())));
            return table;
        });
        shown.print(System.out);
        return null;
    }
}
