package nl.proeftuin.core.shell.internal;

import java.util.List;

import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/** Completes the ids of the plugins present now (any extension point). */
@Service
public class PluginIdCompleter implements Completer {
    @Reference
    private PluginRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = runtime.plugins().stream().map(PluginInfo::pluginId).distinct().sorted().toList();
        return Completions.complete(commandLine, ids, candidates);
    }
}
