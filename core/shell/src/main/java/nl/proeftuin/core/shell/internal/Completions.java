package nl.proeftuin.core.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;

/**
 * The completion contract of Karaf's own StringsCompleter, kept here so that the bundle needs only the
 * shell API packages (org.apache.karaf.shell.support.completers is not imported).
 */
final class Completions {
    private Completions() {
    }

    /**
     * @return where the candidates replace the buffer (start of the argument), or -1 when none match
     */
    static int complete(CommandLine commandLine, List<String> options, List<String> candidates) {
        String argument = commandLine.getCursorArgument();
        String typed = argument == null ? "" : argument.substring(0, Math.min(argument.length(), commandLine.getArgumentPosition()));
        List<String> matches = Arguments.matching(typed, options);
        candidates.addAll(matches);
        return matches.isEmpty() ? -1 : commandLine.getBufferPosition() - commandLine.getArgumentPosition();
    }
}
