package nl.proeftuin.core.shell.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:configuration-export [file]}: the region's binding configuration as the versioned JSON
 * document of {@code GET /api/v1/configuration/export} (every binding with its plugin's version and
 * configuration; no secret), to a file or to the console; to import it elsewhere with
 * {@code POST /api/v1/configuration/import}. Logged as an export.
 */
@Service
@Command(scope = "proeftuin", name = "configuration-export",
        description = "Writes the region's bindings (with plugin versions and configurations) as one JSON document,"
                + " to promote them to another instance")
public class ConfigurationExportCommand implements Action {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Reference
    private PluginRuntime runtime;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Argument(index = 0, name = "file", description = "Write the document to this file (replaced if it exists);"
            + " absent: print it")
    private String file;

    @Override
    public Object execute() throws Exception {
        ConfigurationDocument document = ShellAccess.call(log, session, AccessAction.EXPORT, "configuration", null,
                "proeftuin:configuration-export" + (file == null ? "" : " " + file),
                () -> runtime.exportConfiguration(ShellActor.current(session)));
        byte[] json = JSON.writeValueAsBytes(document);
        if (file == null) {
            PrintStream out = System.out;
            out.println(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            Path target = Path.of(file).toAbsolutePath();
            Files.write(target, json);
            System.out.println(document.bindings().size() + " bindings written to " + target);
        }
        return null;
    }
}
