package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.http.runtime.dto.ErrorPageDTO;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

/** What the watchdog counts as registered, read from the HTTP runtime's DTOs. */
class WhiteboardWatchdogTest {

    @Test
    void aServletListedOnlyAsAnErrorPageIsRegistered() {
        ServletDTO api = new ServletDTO();
        api.name = "proeftuin-api";
        FilterDTO headers = new FilterDTO();
        headers.name = "proeftuin-security-headers";
        ErrorPageDTO fallback = new ErrorPageDTO();
        fallback.name = "proeftuin-fallback";
        ServletContextDTO context = new ServletContextDTO();
        context.servletDTOs = new ServletDTO[] {api};
        context.filterDTOs = new FilterDTO[] {headers};
        context.errorPageDTOs = new ErrorPageDTO[] {fallback};
        RuntimeDTO runtime = new RuntimeDTO();
        runtime.servletContextDTOs = new ServletContextDTO[] {context};

        assertEquals(Set.of("servlet:proeftuin-api", "filter:proeftuin-security-headers", "servlet:proeftuin-fallback"),
                WhiteboardWatchdog.registered(runtime));
    }

    @Test
    void noRuntimeMeansNothingRegistered() {
        assertEquals(Set.of(), WhiteboardWatchdog.registered(null));
    }
}
