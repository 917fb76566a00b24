package nl.proeftuin.core.shell.internal;

import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code proeftuin:unbind [-m municipality] point reason...}: removes the region's or a municipality's binding. */
@Service
@Command(scope = "proeftuin", name = "unbind",
        description = "Removes a municipality's own binding (the region's applies again) or the region's binding")
public class UnbindCommand implements Action {
    @Reference
    private PluginRuntime runtime;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Option(name = "-m", aliases = "--municipality", description = "Remove this municipality's own binding; without it, the region's")
    private String municipality;

    @Argument(index = 0, name = "point", required = true, description = "The extension point")
    @Completion(PointCompleter.class)
    private String point;

    @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "Why (kept in the binding history)")
    private List<String> reason;

    @Override
    public Object execute() throws Exception {
        ExtensionPoint extensionPoint = Arguments.point(point);
        String scope = Arguments.municipality(municipality);
        ShellAccess.run(log, session, AccessAction.BINDING_CHANGE, "binding", extensionPoint + (scope == null ? "" : "/" + scope),
                "proeftuin:unbind " + extensionPoint + (scope == null ? "" : " -m " + scope),
                () -> runtime.unbind(ShellActor.current(session), extensionPoint, scope, Arguments.reason(reason)));
        System.out.println("Unbound " + extensionPoint + " for the " + Text.scope(scope));
        return null;
    }
}
