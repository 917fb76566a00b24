package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.store.cases.CaseStore;
import org.junit.jupiter.api.Test;

class CaseEventsTest {

    /** Every type has exactly one payload record, and every record names its own type. */
    @Test
    void oneRecordPerType() throws Exception {
        Set<CaseEvents.Type> seen = EnumSet.noneOf(CaseEvents.Type.class);
        for (Class<?> record : CaseEvents.Payload.class.getPermittedSubclasses()) {
            RecordComponent[] parts = record.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = types[i] == int.class ? 0 : types[i] == boolean.class ? false : null;
            }
            CaseEvents.Payload p = (CaseEvents.Payload) record.getDeclaredConstructor(types).newInstance(values);
            assertEquals(true, seen.add(p.type()), p.type() + " has two records");
        }
        assertEquals(EnumSet.allOf(CaseEvents.Type.class), seen);
    }

    /** The rule "which events a local team hears" is the engine's; the same as the store held before. */
    @Test
    void whatALocalTeamHears() {
        Map<String, String> heard = new TreeMap<>();
        for (CaseEvents.Type t : CaseEvents.Type.values()) {
            t.outbound().ifPresent(o -> heard.put(t.name(), o));
        }
        assertEquals(new TreeMap<>(Map.of("CASE_OPENED", "CASE_OPENED", "ASSIGNED", "TEAM_CHANGED", "HANDOVER",
                "TEAM_CHANGED", "ASSIGNMENT_ENDED", "TEAM_CHANGED", "PHASE_CHANGED", "PHASE_CHANGED", "FRAMEWORK_CHANGED",
                "FRAMEWORK_CHANGED", "PLAN_VERSION_SAVED", "PLAN_VERSION", "CASE_CLOSED", "CASE_CLOSED", "PERSON_RECTIFIED",
                "PERSON_RECTIFIED")), heard);
        CaseStore.NewEvent quiet = CaseEvents.newEvent("e1", new CaseEvents.RepeatIncident(LocalDate.of(2027, 3, 1)),
                "repeat incident", "description", Instant.EPOCH, "ans");
        assertNull(quiet.outboundType());
        assertNull(quiet.outboundMessage());
    }

    /** Payload and outbox message are JSON written by Jackson: any text in a sentence survives as text. */
    @Test
    void payloadAndMessageRoundTrip() throws Exception {
        CaseEvents.FrameworkChanged change = new CaseEvents.FrameworkChanged(Framework.VOLUNTARY, Framework.COMPULSORY,
                new Measure(MeasureType.OTS, LocalDate.of(2027, 3, 1), null));
        String detail = "a \"quoted\" \\ back\nslash\ttab \u0001 é ✓ </script>";
        CaseStore.NewEvent e = CaseEvents.newEvent("e2", change, detail, "reason", Instant.EPOCH, "ans");
        assertEquals("FRAMEWORK_CHANGED", e.event().type());
        assertEquals(change, CaseEvents.read(e.payload(), CaseEvents.FrameworkChanged.class));
        assertEquals("2027-03-01", new ObjectMapper().readTree(e.payload()).path("measure").path("since").asText());
        JsonNode message = new ObjectMapper().readTree(e.outboundMessage());
        assertEquals("FRAMEWORK_CHANGED", e.outboundType());
        assertEquals("e2", message.get("caseEventId").asText());
        assertEquals("FRAMEWORK_CHANGED", message.get("caseEventType").asText());
        assertEquals(detail, message.get("detail").asText());
        assertEquals(3, message.size(), "the reason is not sent");
    }
}
