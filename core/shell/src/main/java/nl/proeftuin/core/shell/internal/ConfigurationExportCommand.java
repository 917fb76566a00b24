package nl.proeftuin.core.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.ShellPermission;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:configuration-export [--force] [file]}: the region's binding configuration as the versioned
 * JSON document of {@code GET /api/v1/configuration/export} (every binding with its plugin's version and
 * configuration; no secret), to a file or to the console; to import it elsewhere with
 * {@code POST /api/v1/configuration/import}. As there, for a coordinator or regional administrator granted all
 * municipalities ({@link ShellPermission}). The file is written by the platform's own system user, so the command
 * never replaces a file unless told to ({@code --force}) and never writes through a symbolic link: the document
 * goes into a new file in the target's folder that is then renamed to the target. Logged as an export, refusals
 * included.
 */
@Service
@Command(scope = "proeftuin", name = "configuration-export",
        description = "Writes the region's bindings (with plugin versions and configurations) as one JSON document,"
                + " to promote them to another instance")
public class ConfigurationExportCommand implements Action {
    static final String NAME = "proeftuin:configuration-export";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Reference
    private PluginRuntime runtime;

    @Reference
    private UserAdministration users;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Option(name = "-f", aliases = "--force", description = "Replace the file if it exists (never a symbolic link)")
    private boolean force;

    @Argument(index = 0, name = "file", description = "Write the document to this new file (an existing one only with"
            + " --force); absent: print it")
    private String file;

    @Override
    public Object execute() throws Exception {
        Path target = file == null ? null : Path.of(file).toAbsolutePath().normalize();
        int written = ShellAccess.call(log, session, AccessAction.EXPORT, "configuration", null,
                NAME + (force ? " --force" : "") + (file == null ? "" : " " + target), () -> {
                    ShellPermission.require(users, NAME, Role.COORDINATOR, Role.REGIONAL_ADMINISTRATOR);
                    if (target != null) {
                        writable(target, force); // before the export: a refused file exports nothing
                    }
                    ConfigurationDocument document = runtime.exportConfiguration(ShellActor.current(session));
                    byte[] json = JSON.writeValueAsBytes(document);
                    if (target == null) {
                        PrintStream out = System.out;
                        out.println(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        write(target, json, force);
                    }
                    return document.bindings().size();
                });
        if (target != null) {
            System.out.println(written + " bindings written to " + target);
        }
        return null;
    }

    /** Refuses a symbolic link, a folder, an existing file without {@code force}, or a folder that is not there. */
    static void writable(Path target, boolean force) {
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("Refused: " + target + " is a symbolic link; give the file itself");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("Refused: " + target + " exists and is not a file");
            }
            if (!force) {
                throw new IllegalArgumentException("Refused: " + target + " exists; give --force to replace it");
            }
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No such folder: " + folder);
        }
    }

    /**
     * Into a new file of the target's folder (created exclusively, so nothing planted there is followed, and
     * readable by the platform's user only), then renamed to the target: a rename replaces a directory entry,
     * it never writes through a link. Without {@code force} the rename refuses a target that appeared meanwhile.
     */
    static void write(Path target, byte[] json, boolean force) throws IOException {
        writable(target, force);
        Path temp = Files.createTempFile(target.getParent(), ".configuration-export-", ".tmp");
        try {
            Files.write(temp, json, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
            if (force) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException e) {
                    throw new IllegalArgumentException("Refused: " + target + " exists; give --force to replace it");
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
