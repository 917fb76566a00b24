package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The printed family plan carries nobody's access view (the hostile test printed 13 pages for a
 * family of five, the perpetrator's and the ex-partner's views included); a member's access view is
 * its own page and print, for that member only. The UI has no JavaScript test runner: these checks
 * read the modules the browser loads.
 */
class AccessViewPrintTest {
    private static final Path JS = Path.of("src/main/resources/ui/js");

    @Test
    void theFamilyViewAndItsPrintLoadNoAccessView() throws IOException {
        String family = Files.readString(JS.resolve("family.js"));
        assertFalse(family.contains("access-log"), "family.js must not fetch any member's access view");
        assertFalse(family.contains("access.title") || family.contains("access-view"),
                "nor show one in the plan or its print");
    }

    @Test
    void aMembersAccessViewIsItsOwnPageForThatMemberOnly() throws IOException {
        String app = Files.readString(JS.resolve("app.js"));
        assertTrue(app.contains("\\/access\\/([^/]+)$/, () => import('./access.js')"), "a route per case and member");
        String access = Files.readString(JS.resolve("access.js"));
        Matcher fetches = Pattern.compile("access-log").matcher(access);
        int count = 0;
        while (fetches.find()) {
            count++;
        }
        assertEquals(1, count, "one fetch, of one person's view");
        assertTrue(access.contains("/persons/${encodeURIComponent(personId)}/access-log"), "the member's own");
        assertFalse(access.contains("members.map") || access.contains("for (const m of"),
                "never a loop over the family's members");
        assertTrue(access.contains("window.print()"), "printed on its own");
    }
}
