package nl.proeftuin.core.shell.internal;

import java.util.Arrays;
import java.util.List;

import nl.proeftuin.core.spi.ExtensionPoint;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/** Completes extension point names. */
@Service
public class PointCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return Completions.complete(commandLine, Arrays.stream(ExtensionPoint.values()).map(Enum::name).toList(), candidates);
    }
}
