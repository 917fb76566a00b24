package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.security.Role;

/**
 * {@code POST /backups}: a backup archive of the node written into its {@code data/backups/} (the
 * same {@link NodeBackup} as {@code proeftuin:backup}), for the regional administrator granted all
 * municipalities ({@code {}} or {@code {"file": "NAME.zip"}}): the archive holds every municipality's data and the node's keys. The answer names
 * the file, its size and SHA-256, never its content: the archive stays on the node, where the
 * operator copies it off. The {@link Guard} logs the call as an EXPORT.
 */
final class BackupResource {
    /** What to write: the archive's file name in data/backups/, or null for one with the time in it. */
    record BackupInput(String file) {
    }

    private final OptionalService<NodeBackup> backup;

    BackupResource(OptionalService<NodeBackup> backup) {
        this.backup = backup;
    }

    void register(Router router) {
        router.add(Route.post("/backups")
                .operation("createBackup", "operations", "Writes a backup archive of this node into data/backups/ (0600): "
                        + "an online copy of the embedded database, the etc/ files that matter (users, keys, configuration) "
                        + "and a manifest with versions and SHA-256 checksums; answers its file name, size and SHA-256; "
                        + "the body {} names it proeftuin-backup-<UTC time>.zip, {\"file\": \"NAME.zip\"} otherwise (400 on file "
                        + "for another name or one that exists) "
                        + "(regional administrator granted all municipalities; logged as an export). 409 backup-postgresql "
                        + "on PostgreSQL (use pg_dump). Restore offline with bin/proeftuin-restore.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(BackupInput.class)
                .returns(201, "Created", BackupFile.class)
                .responses(400, 409)
                .handle(r -> {
                    if (!Guard.principal(r).allMunicipalities()) {
                        throw new ApiProblem(403, "Forbidden", "Only an administrator granted all municipalities backs up the node")
                                .with("reason", "other_municipality");
                    }
                    Guard.Entry entry = Guard.entry(r);
                    if (entry != null) {
                        entry.action = AccessAction.EXPORT;
                    }
                    NodeBackup service = backup.get();
                    BackupFile written = service.create(r.body(BackupInput.class).file(), Actors.from(r).id());
                    return Reply.json(201, written);
                }));
    }
}
