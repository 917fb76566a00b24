package nl.proeftuin.core.security.internal;

import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.ShellPermission;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:backup [FILE]}: writes a backup archive of this node (the embedded database copied
 * online, the etc/ files that matter, a manifest of checksums) into {@code data/backups/}. Only for a
 * regional administrator: the shell user must be an enabled account of the platform with the role
 * {@code REGIONAL_ADMINISTRATOR} and all municipalities (the same as {@code POST /api/v1/backups}), or
 * hold that role in the shell's own realm ({@link ShellPermission}, as the user commands). Logged in the
 * access log as an EXPORT of the node, refusals included. Restore offline with {@code bin/proeftuin-restore}.
 */
@Service
@Command(scope = "proeftuin", name = "backup",
        description = "Writes a backup archive of this node into data/backups/ (regional administrators)")
public class BackupCommand implements Action {
    @Reference
    private NodeBackup backup;

    @Reference
    private UserAdministration users;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Argument(index = 0, name = "file", required = false,
            description = "The archive's file name in data/backups/ (ending in .zip); default proeftuin-backup-<UTC time>.zip")
    private String file;

    @Override
    public Object execute() throws Exception {
        String user = ShellAccess.user(session).substring("shell:".length());
        BackupFile written = ShellAccess.call(log, session, AccessAction.EXPORT, "node", "backup",
                "proeftuin:backup" + (file == null ? "" : " " + file), () -> {
                    ShellPermission.require(users, "proeftuin:backup", Role.REGIONAL_ADMINISTRATOR);
                    return backup.create(file, user);
                });
        System.out.println("Backup written: " + written.path());
        System.out.println("  size " + written.size() + " bytes, " + written.entries() + " files, schema "
                + written.schemaVersion() + ", " + written.millis() + " ms");
        System.out.println("  sha256 " + written.sha256());
        return null;
    }
}
