package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.junit.jupiter.api.Test;

/** The hint user-list prints when there are no users works as printed, through Karaf's own parser. */
class UserListHintTest {
    private static void inject(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static Object field(Object target, String field) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(target);
    }

    @Test
    void theFirstUserHintParsesAsAUserAddCommand() throws Exception {
        UserListCommand list = new UserListCommand();
        inject(list, "users", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserAdministration.class},
                (proxy, method, args) -> method.getName().equals("accounts") ? List.of()
                        : method.getName().equals("hasAccounts") ? Boolean.FALSE : null));
        inject(list, "log", new UserCommandsLogTest.RecordingLog()); // listing users is logged
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            list.execute();
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        int at = printed.indexOf("proeftuin:user-add ");
        assertTrue(at >= 0, printed);
        // the words as the shell splits them (quotes group)
        List<Object> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(printed.substring(at + "proeftuin:user-add ".length()));
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        UserAddCommand add = new UserAddCommand();
        assertTrue(new DefaultActionPreparator().prepare(add, null, words), printed);
        assertEquals("USER", field(add, "user"));
        assertEquals("NAME", field(add, "name"));
        assertEquals(List.of("REGIONAL_ADMINISTRATOR"), field(add, "roles"));
    }
}
