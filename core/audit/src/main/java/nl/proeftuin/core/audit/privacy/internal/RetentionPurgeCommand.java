package nl.proeftuin.core.audit.privacy.internal;

import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code proeftuin:retention-purge [--dry-run]}: applies the retention now (or shows what it would remove). */
@Service
@Command(scope = "proeftuin", name = "retention-purge", description = "Removes closed cases and persons past their retention (legal holds excepted)")
public class RetentionPurgeCommand implements Action {

    @Reference
    private PrivacyService privacy;

    @Reference
    private Session session;

    @Option(name = "--dry-run", description = "Only show what would be removed")
    private boolean dryRun;

    @Override
    public Object execute() {
        // the service logs the purge (action PURGE) as the shell's logged-in user
        PurgeReport report = privacy.purge(ShellAccess.user(session), dryRun);
        System.out.println((report.dryRun() ? "Dry run, nothing removed. Would remove " : "Removed ")
                + report.casesPurged().size() + " case(s) and " + report.personsPurged().size() + " person(s); retention "
                + report.retentionYears() + " years.");
        report.casesPurged().forEach(id -> System.out.println("  case   " + id));
        report.personsPurged().forEach(id -> System.out.println("  person " + id));
        report.held().forEach(id -> System.out.println("  kept (legal hold) " + id));
        return null;
    }
}
