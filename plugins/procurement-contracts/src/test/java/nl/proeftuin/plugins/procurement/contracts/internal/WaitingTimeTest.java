package nl.proeftuin.plugins.procurement.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.Urgency;
import org.junit.jupiter.api.Test;

class WaitingTimeTest {

    static final ContractRegister.Contract CONTRACT = new ContractRegister.Contract(
            new ContractRegister.Provider("P", "12345678"),
            new ContractRegister.Product("45A10", "45", "Ambulant", LifeDomain.PARENTING), "REGIONAL",
            Set.of("ede"), 3, 60, 10, 20, 2);

    @Test
    void aRegularChildWaitsTheRegularTime() {
        WaitingTime.ForChild w = WaitingTime.of(CONTRACT, Urgency.REGULAR, false);
        assertEquals(60, w.days());
        assertNull(w.priority());
        assertEquals(60, WaitingTime.of(CONTRACT, null, false).days(), "no urgency is regular");
    }

    @Test
    void aProtectionMeasureGivesPriority() {
        WaitingTime.ForChild w = WaitingTime.of(CONTRACT, Urgency.REGULAR, true);
        assertEquals(20, w.days());
        assertEquals("protection measure", w.priority());
    }

    @Test
    void aMoreUrgentNeedOfAnotherChildGoesBeforeAProtectionMeasure() {
        WaitingTime.ForChild measure = WaitingTime.of(CONTRACT, Urgency.REGULAR, true);
        WaitingTime.ForChild urgent = WaitingTime.of(CONTRACT, Urgency.HIGH, false);
        WaitingTime.ForChild crisis = WaitingTime.of(CONTRACT, Urgency.CRISIS, false);
        assertEquals("urgent need", urgent.priority());
        assertEquals("crisis", crisis.priority());
        assertTrue(crisis.days() < urgent.days() && urgent.days() < measure.days(),
                crisis + " < " + urgent + " < " + measure);
    }

    @Test
    void aProtectionMeasureNeverMakesAnUrgentChildWaitLonger() {
        assertEquals(10, WaitingTime.of(CONTRACT, Urgency.HIGH, true).days());
        assertEquals(2, WaitingTime.of(CONTRACT, Urgency.CRISIS, true).days());
        assertEquals("crisis", WaitingTime.of(CONTRACT, Urgency.CRISIS, true).priority());
    }
}
