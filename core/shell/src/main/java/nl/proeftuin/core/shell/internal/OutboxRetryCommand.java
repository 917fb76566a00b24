package nl.proeftuin.core.shell.internal;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.api.localteam.OutboxEntry;
import nl.proeftuin.core.api.localteam.RetryInput;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code proeftuin:outbox-retry <id> -r reason}: puts a rejected or waiting event back for delivery now. */
@Service
@Command(scope = "proeftuin", name = "outbox-retry",
        description = "Puts a rejected or waiting local-team event back for delivery now")
public class OutboxRetryCommand implements Action {

    @Reference
    private LocalTeamExchange exchange;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "The outbox entry (see proeftuin:outbox)")
    private String id;

    @Option(name = "-r", aliases = "--reason", required = true, description = "Why (kept with the entry)")
    private String reason;

    @Override
    public Object execute() throws Exception {
        OutboxEntry e = ShellAccess.call(log, session, AccessAction.UPDATE, "outbox", id, "proeftuin:outbox-retry " + id,
                () -> exchange.retry(ShellActor.current(session), id, new RetryInput(reason)));
        System.out.println("Event " + e.type() + " of case " + e.caseId() + " is " + e.status()
                + " again; the next delivery round sends it.");
        return null;
    }
}
