package nl.proeftuin.core.audit.internal;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ChainVerification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:audit-verify}: checks the access log's hash chain from the first entry (or, with
 * {@code --since-last}, from this node's last verification that found it intact) and names the first
 * broken entry. The check itself is logged (action VERIFY), after it ran.
 */
@Service
@Command(scope = "proeftuin", name = "audit-verify", description = "Verifies the access log's hash chain and names the first broken entry")
public class AuditVerifyCommand implements Action {

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Option(name = "--since-last", description = "Only the entries since this node's last verification that found the"
            + " chain intact (and that the entry it ended at is unchanged); the first time, the whole chain")
    private boolean sinceLast;

    @Override
    public Object execute() {
        ChainVerification result = sinceLast ? log.verifySinceLastVerification() : log.verify();
        System.out.println(describe(result));
        String user = ShellUser.name(session);
        log.append(new AccessEvent(AccessAction.VERIFY, AccessEvent.SUCCESS, user, user, "shell", null,
                sinceLast ? "verify the access log since the last verification" : "verify the access log", null, null,
                "access-log", null, null,
                result.intact() ? "intact, " + result.entriesChecked() + " entries" : "BROKEN: " + result.reason()));
        if (!result.intact()) {
            // a non-zero exit for scripts (bin/client): Karaf prints the message as the error
            throw new IllegalStateException("The access log's chain is broken at entry " + result.firstBrokenSeq());
        }
        return null;
    }

    static String describe(ChainVerification result) {
        if (result.intact()) {
            return "Access log intact: " + result.entriesChecked() + " entries checked.";
        }
        return "Access log BROKEN after " + result.entriesChecked() + " good entries.\n"
                + "  first broken entry: " + (result.firstBrokenSeq() == null ? "-" : result.firstBrokenSeq())
                + (result.firstBrokenEventId() == null ? "" : " (event " + result.firstBrokenEventId() + ")") + "\n"
                + "  reason: " + LogValues.neutralise(result.reason(), 2000);
    }
}
