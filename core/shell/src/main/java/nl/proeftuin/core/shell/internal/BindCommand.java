package nl.proeftuin.core.shell.internal;

import java.time.ZoneId;
import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:bind [-m municipality] [-c key=value ...] point pluginId reason...}: binds a plugin
 * for the region or one municipality, as the logged-in shell user, and prints the new binding.
 */
@Service
@Command(scope = "proeftuin", name = "bind",
        description = "Binds a plugin to an extension point for the region or one municipality (takes effect for the next request)")
public class BindCommand implements Action {
    @Reference
    private PluginRuntime runtime;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Option(name = "-m", aliases = "--municipality", description = "Bind for this municipality only (overrides the region's binding)")
    private String municipality;

    @Option(name = "-c", aliases = "--config", multiValued = true,
            description = "A configuration entry key=value; repeat for several")
    private List<String> configuration;

    @Argument(index = 0, name = "point", required = true, description = "The extension point (TRIAGE, CARE_PATH, LOCAL_TEAM, PROCUREMENT)")
    @Completion(PointCompleter.class)
    private String point;

    @Argument(index = 1, name = "pluginId", required = true, description = "The plugin to bind (see proeftuin:plugins)")
    @Completion(PluginIdCompleter.class)
    private String pluginId;

    @Argument(index = 2, name = "reason", required = true, multiValued = true, description = "Why (kept in the binding history)")
    private List<String> reason;

    @Override
    public Object execute() throws Exception {
        BindingInput input = new BindingInput(pluginId, Arguments.configuration(configuration), Arguments.reason(reason));
        Binding binding = ShellAccess.call(log, session, AccessAction.BINDING_CHANGE, "binding",
                point + (municipality == null ? "" : "/" + municipality),
                "proeftuin:bind " + point + " " + pluginId + (municipality == null ? "" : " -m " + municipality),
                () -> runtime.bind(ShellActor.current(session), Arguments.point(point),
                        Arguments.municipality(municipality), input));
        System.out.println(Text.describe(binding, ZoneId.systemDefault()));
        return null;
    }
}
