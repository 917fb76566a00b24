package nl.proeftuin.core.shell.internal;

import java.time.ZoneId;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code proeftuin:outbox [-s status] [-c case] [-n limit]}: the local-team outbox with its delivery status. */
@Service
@Command(scope = "proeftuin", name = "outbox",
        description = "Shows the events for the municipalities' local teams and where their delivery stands")
public class OutboxCommand implements Action {

    @Reference
    private LocalTeamExchange exchange;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Option(name = "-s", aliases = "--status", description = "Only PENDING, WAITING, DELIVERED or REJECTED")
    private String status;

    @Option(name = "-c", aliases = "--case", description = "Only this case")
    private String caseId;

    @Option(name = "-n", aliases = "--limit", description = "At most this many, 1 to 1000 (default 20)")
    private int limit = AlertsCommand.DEFAULT_LIMIT;

    @Override
    public Object execute() throws Exception {
        ShellTable shown = ShellAccess.call(log, session, AccessAction.READ, "outbox", caseId, "proeftuin:outbox" + (status == null ? "" : " --status " + status) + (caseId == null ? "" : " --case " + caseId), () -> {
            ZoneId zone = ZoneId.systemDefault();
            ShellTable table = new ShellTable().emptyTableText("The outbox is empty");
            table.column("Id");
            table.column("Occurred");
            table.column("Type");
            table.column("Municipality");
            table.column("Case");
            table.column("Status");
            table.column("Attempts");
            table.column("Next attempt");
            table.column("Last outcome").maxSize(60).wrap();
            exchange.outbox(status == null ? null : status.toUpperCase(java.util.Locale.ROOT), caseId,
                    Arguments.limit(limit)).forEach(e -> table.addRow().addContent(e.id(), Text.time(e.occurredAt(), zone),
                            e.type(), e.municipality(), e.caseId(), e.status(), e.attempts(),
                            e.nextAttemptAt() == null ? "-" : Text.time(e.nextAttemptAt(), zone), Text.orNone(e.lastDetail())));
            return table;
        });
        shown.print(System.out);
        return null;
    }
}
