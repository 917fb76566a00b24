package nl.proeftuin.plugins.localteam.file.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.spi.OutboundEvent;

/**
 * An outbound event as CSV of the same shape as an imported request ({@link RequestColumns}), plus
 * the event's own columns. Mapping:
 * <table>
 * <tr><th>column</th><th>from</th></tr>
 * <tr><td>idempotencyKey</td><td>the event's idempotency key</td></tr>
 * <tr><td>externalRef, description</td><td>the payload's {@code externalRef}, {@code description} (text), else empty</td></tr>
 * <tr><td>receivedOn</td><td>the date the event occurred (Europe/Amsterdam)</td></tr>
 * <tr><td>givenName .. roles</td><td>one row per entry of the payload's {@code persons} (maps with these names;
 * roles a list joined by |); no persons: one row with these empty</td></tr>
 * <tr><td>eventType, caseId, municipality, occurredAt</td><td>the event's</td></tr>
 * <tr><td>payload</td><td>the whole payload as JSON, so nothing is lost</td></tr>
 * </table>
 */
final class EventRows {
    static final List<String> EVENT_COLUMNS = List.of("eventType", "caseId", "municipality", "occurredAt", "payload");
    static final List<String> COLUMNS = Stream.concat(RequestColumns.COLUMNS.stream(), EVENT_COLUMNS.stream()).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRows() {
    }

    static String csv(OutboundEvent event) {
        Map<String, Object> payload = event.payload() == null ? Map.of() : event.payload();
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: event " + event.idempotencyKey()
                    + " is not JSON-compatible: " + e.getOriginalMessage(), e);
        }
        List<Map<?, ?>> persons = new ArrayList<>();
        if (payload.get("persons") instanceof Collection<?> list) {
            for (Object person : list) {
                if (person instanceof Map<?, ?> map) {
                    persons.add(map);
                }
            }
        }
        if (persons.isEmpty()) {
            persons.add(Map.of());
        }
        StringBuilder out = new StringBuilder(Csv.format(COLUMNS));
        for (Map<?, ?> person : persons) {
            out.append(Csv.format(List.of(event.idempotencyKey(), text(payload.get("externalRef")),
                    event.occurredAt() == null ? "" : DutchDay.of(event.occurredAt()).toString(),
                    text(payload.get("description")), text(person.get("givenName")), text(person.get("familyName")),
                    text(person.get("dateOfBirth")), text(person.get("nationalId")), roles(person.get("roles")),
                    text(event.type()), text(event.caseId()), text(event.municipality()),
                    event.occurredAt() == null ? "" : event.occurredAt().toString(), json)));
        }
        return out.toString();
    }

    private static String roles(Object roles) {
        if (roles instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).sorted().collect(Collectors.joining("|"));
        }
        return text(roles);
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof Collection ? "" : value.toString();
    }
}
