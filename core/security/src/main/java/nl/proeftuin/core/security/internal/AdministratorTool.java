package nl.proeftuin.core.security.internal;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * {@code bin/proeftuin-admin create-administrator [--name NAME] [--municipalities LIST] [--role ROLE]...
 * [--overwrite] USER}: creates a regional administrator without the Karaf console, on a stopped node
 * (before its first start too) or a running one, so that a configuration-management tool can install a
 * node. Runs outside OSGi as a plain {@code main} from this bundle's jar in {@code system/}, with the
 * platform's own password policy ({@link PasswordPolicy}), hashing ({@link Pbkdf2}) and users file
 * ({@link UsersFile}, written whole, 0600). The password is read from standard input (one line), or
 * from the console without echo (twice) when there is one; never from the command line or the
 * environment.
 *
 * <p>The rest of the account (display name, municipalities) lives in the database, which a stopped
 * node cannot be asked about: it goes to {@link PendingAccounts#FILE} in etc/, which the platform
 * applies at its next start, or within seconds when it runs (through user administration, in the
 * access log), and then removes.
 *
 * <p>Exit codes: 0 created; 1 refused (weak password, user exists, invalid input); 2 usage.
 */
public final class AdministratorTool {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final String CONFIG = "nl.proeftuin.core.security.internal.AccountRealm.cfg";
    /**
     * {@link AccountRealm#USER_ID}, repeated: that class implements Karaf's JaasRealm, which is not
     * on this tool's class path (AdministratorToolTest checks the two are the same).
     */
    static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final Path etc;
    private final InputStream in;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;

    AdministratorTool(Path etc, InputStream in, Console console, PrintStream out, PrintStream err) {
        this.etc = etc;
        this.in = in;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String etc = System.getProperty("karaf.etc", "etc");
        int code = new AdministratorTool(Path.of(etc), System.in, System.console(), System.out, System.err).run(args);
        System.exit(code);
    }

    static final String USAGE_TEXT = """
            usage: proeftuin-admin create-administrator [--name NAME] [--municipalities '*'|M1,M2] [--role ROLE]...
                                                        [--overwrite] USER
              Creates USER as a REGIONAL_ADMINISTRATOR of the proeftuin realm (plus any --role given).
              The password is read from standard input (one line), e.g.
                printf '%s\\n' "$PW" | bin/proeftuin-admin create-administrator rik.admin
              --name            display name (default: the user id)
              --municipalities  '*' for all municipalities (the default), or names of the region's register
              --role            a further role (PROFESSIONAL, COORDINATOR, AUDITOR); repeat for several
              --overwrite       replace the password of an existing user (and add the roles)
            """;

    int run(String[] args) {
        List<String> list = List.of(args);
        if (list.isEmpty() || !"create-administrator".equals(list.get(0))) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String name = null;
        String municipalities = "*";
        boolean overwrite = false;
        Set<Role> roles = EnumSet.of(Role.REGIONAL_ADMINISTRATOR);
        String user = null;
        for (int i = 1; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--name", "-n" -> {
                    if (++i >= list.size()) {
                        return usage(a + " needs a value");
                    }
                    name = list.get(i);
                }
                case "--municipalities", "--municipality", "-m" -> {
                    if (++i >= list.size()) {
                        return usage(a + " needs a value");
                    }
                    municipalities = list.get(i);
                }
                case "--role", "-r" -> {
                    if (++i >= list.size()) {
                        return usage(a + " needs a value");
                    }
                    for (String one : list.get(i).split(",")) {
                        var role = UsersFile.role(one);
                        if (role.isEmpty()) {
                            return refused("role: unknown role " + one + "; one of " + Arrays.toString(Role.values()));
                        }
                        roles.add(role.get());
                    }
                }
                case "--overwrite" -> overwrite = true;
                case "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        return usage("unknown option " + a);
                    }
                    if (user != null) {
                        return usage("one user only (and the password on standard input, never as an argument)");
                    }
                    user = a;
                }
            }
        }
        if (user == null) {
            return usage("the user id is missing");
        }
        char[] password = null;
        try {
            if (!USER_ID.matcher(user).matches()) {
                throw new InvalidInputException("userId", "must be 2 to 64 of a-z 0-9 . _ @ -, starting with a letter or digit");
            }
            String userId = user;
            Set<String> scope = scope(municipalities);
            String display = name == null || name.isBlank() ? userId : name.strip();
            if (display.length() > AccountRealm.MAX_NAME || display.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("name", "must be at most " + AccountRealm.MAX_NAME
                        + " characters without control characters");
            }
            Properties config = config();
            UsersFile file = new UsersFile(Path.of(usersFile(config)));
            Map<String, UsersFile.Entry> users = file.read();
            UsersFile.Entry existing = users.get(userId);
            if (existing != null && !overwrite) {
                return refused("A user " + userId + " exists already in " + file.path()
                        + " (give --overwrite to set a new password and add the roles)");
            }
            password = readPassword();
            PasswordPolicy policy = new PasswordPolicy(integer(config, "minPasswordLength", 12),
                    integer(config, "minPasswordEntropyBits", PasswordPolicy.DEFAULT_MIN_ENTROPY_BITS));
            policy.check(userId, password);
            String hash = UsersFile.CRYPT + Pbkdf2.hash(password, integer(config, "pbkdf2Iterations",
                    Pbkdf2.DEFAULT_ITERATIONS)) + UsersFile.CRYPT;
            // the pending entry first: the platform reads it (--overwrite) when it moves the line in
            PendingAccounts.File pendingFile = new PendingAccounts.File(etc.resolve(PendingAccounts.FILE));
            pendingFile.put(userId, display, scope, overwrite);
            boolean[] taken = {false};
            boolean replace = overwrite;
            file.update(now -> {
                // again under the lock: the platform may have moved entries out meanwhile, or another run added one
                UsersFile.Entry current = now.get(userId);
                if (current != null && !replace) {
                    taken[0] = true;
                    return false;
                }
                if (current != null) {
                    roles.addAll(current.roles());
                }
                now.put(userId, new UsersFile.Entry(hash, roles));
                return true;
            });
            if (taken[0]) {
                pendingFile.remove(userId);
                return refused("A user " + userId + " exists already in " + file.path()
                        + " (give --overwrite to set a new password and add the roles)");
            }
            out.println((existing == null ? "Created " : "Updated ") + userId + " roles=" + roles + " in " + file.path()
                    + "; the platform moves the account into its database, with its name and municipalities ("
                    + String.join(",", scope) + "), at its next start (within seconds when it runs)"
                    + (overwrite ? "; an existing account gets this password and these roles added" : "; an existing account"
                            + " is left unchanged (--overwrite to give it this password)"));
            return 0;
        } catch (InvalidInputException e) {
            return refused(e.field() + ": " + e.reason());
        } catch (IOException | RuntimeException e) {
            err.println("proeftuin-admin: " + e.getMessage());
            return REFUSED;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** {@code *} (or {@code ALL}) alone, or a comma-separated list of names the platform checks against its register at start. */
    static Set<String> scope(String municipalities) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : municipalities.split(",")) {
            if (!m.isBlank()) {
                String v = m.strip();
                if (v.chars().anyMatch(Character::isISOControl) || v.length() > AccountRealm.MAX_NAME) {
                    throw new InvalidInputException("municipalities", "must be names without control characters");
                }
                out.add(Principal.meansAll(v) ? Principal.ALL_MUNICIPALITIES : v);
            }
        }
        if (out.contains("*") && out.size() > 1) {
            throw new InvalidInputException("municipalities", "'*' (all municipalities) cannot be combined with others");
        }
        return out;
    }

    /** One line from standard input, or twice without echo from the console. */
    private char[] readPassword() throws IOException {
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Repeat password: ");
            try {
                if (first == null || !Arrays.equals(first, second)) {
                    throw new InvalidInputException("password", "the two entries differ");
                }
                return first;
            } finally {
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
            if (line.size() > 4 * PasswordPolicy.MAX_LENGTH) {
                break;
            }
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, length));
        char[] exact = new char[chars.remaining()];
        chars.get(exact);
        Arrays.fill(bytes, (byte) 0);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return exact;
    }

    private Properties config() throws IOException {
        Properties p = new Properties();
        Path cfg = etc.resolve(CONFIG);
        if (Files.exists(cfg)) {
            try (InputStream s = Files.newInputStream(cfg)) {
                p.load(s);
            }
        }
        return p;
    }

    private String usersFile(Properties config) {
        String path = config.getProperty("usersFile", "${karaf.etc}/proeftuin-users.properties").strip();
        return path.replace("${karaf.etc}", etc.toString());
    }

    private static int integer(Properties config, String key, int fallback) {
        String v = config.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        // Config Admin's typed form (I"12") or a plain number
        String digits = v.strip().replaceAll("^[A-Za-z]?\"?|\"$", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "is not a number in " + CONFIG + ": " + v);
        }
    }

    private int usage(String message) {
        err.println("proeftuin-admin: " + message);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private int refused(String message) {
        err.println("proeftuin-admin: refused: " + message);
        return REFUSED;
    }
}
