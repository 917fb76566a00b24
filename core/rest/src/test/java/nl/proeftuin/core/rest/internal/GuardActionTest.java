package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.proeftuin.core.audit.AccessAction;
import org.junit.jupiter.api.Test;

/** The NEN 7513 action each kind of request is logged as. */
class GuardActionTest {

    @Test
    void bindingChangesExportsPrintsAndSearchesAreNamedAsSuch() {
        assertEquals(AccessAction.BINDING_CHANGE, Guard.action("PUT", "/bindings/{point}/region", false));
        assertEquals(AccessAction.BINDING_CHANGE, Guard.action("DELETE", "/bindings/{point}/municipalities/{municipality}", true));
        assertEquals(AccessAction.READ, Guard.action("GET", "/bindings", false));
        // switches: planning and cancelling a switch change bindings; a replay only reads stored triage facts
        assertEquals(AccessAction.BINDING_CHANGE, Guard.action("POST", "/bindings/{point}/switches", false));
        assertEquals(AccessAction.BINDING_CHANGE, Guard.action("DELETE", "/bindings/{point}/switches/{switchId}", true));
        assertEquals(AccessAction.READ, Guard.action("POST", "/triage-replays", false));
        assertEquals(AccessAction.EXPORT, Guard.action("GET", "/persons/{personId}/export", false));
        assertEquals(AccessAction.EXPORT, Guard.action("GET", "/monitor.csv", false));
        assertEquals(AccessAction.PRINT, Guard.action("GET", "/cases/{caseId}/plan/family-view", false));
        // an export rendered as a page is still an export of everything held about the person
        assertEquals(AccessAction.EXPORT, Guard.action("GET", "/persons/{personId}/export.html", false));
        assertEquals(AccessAction.SEARCH, Guard.action("GET", "/cases", true));
        assertEquals(AccessAction.SEARCH, Guard.action("GET", "/persons", true));
        assertEquals(AccessAction.READ, Guard.action("GET", "/cases/{caseId}", false));
        assertEquals(AccessAction.CREATE, Guard.action("POST", "/cases", false));
        assertEquals(AccessAction.UPDATE, Guard.action("PUT", "/cases/{caseId}/plan", false));
        assertEquals(AccessAction.DELETE, Guard.action("DELETE", "/legal-holds/{holdId}", false));
    }
}
