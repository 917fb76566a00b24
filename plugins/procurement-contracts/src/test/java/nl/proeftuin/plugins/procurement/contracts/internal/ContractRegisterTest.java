package nl.proeftuin.plugins.procurement.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContractRegisterTest {

    static String example() throws IOException {
        try (InputStream in = ContractRegisterTest.class.getResourceAsStream("/registers/example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A one-contract register with one field replaced. */
    static String register(String version, String contractFields) {
        return "{\"version\":\"" + version + "\","
                + "\"providers\":[{\"name\":\"Vallei Jeugd\",\"agb\":\"12345678\"},{\"name\":\"Ede Thuis\",\"agb\":\"87654321\"}],"
                + "\"products\":[{\"code\":\"45A10\",\"category\":\"45\",\"name\":\"Ambulant\",\"domain\":\"PARENTING\"}],"
                + "\"contracts\":[{" + contractFields + "}]}";
    }

    static final String GOOD = "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"REGIONAL\","
            + "\"municipalities\":[\"Ede\",\"Wageningen\"],\"capacity\":2,\"waitingDays\":40,"
            + "\"priorityWaitingDays\":20,\"crisisDays\":1";

    @Test
    void theShippedExampleIsAValidRegisterForBothRegions() throws IOException {
        ContractRegister r = ContractRegister.parse(example(), "bundle:example.json");
        assertEquals("example-2026.1", r.version());
        for (String m : new String[] {"Arnhem", "Zevenaar", "Wageningen", "Ede", "Barneveld", "Veenendaal",
                "Nijkerk", "Renswoude", "Scherpenzeel"}) {
            assertTrue(!r.covering(m).isEmpty(), m + " has contracts");
        }
        assertTrue(r.covering("Amsterdam").isEmpty());
    }

    @Test
    void urgentDaysDefaultToThePriorityWaitingTime() {
        ContractRegister r = ContractRegister.parse(register("1", GOOD), "t");
        assertEquals(20, r.contracts().get(0).urgentDays());
        assertTrue(r.contracts().get(0).covers(" ede "), "municipality names are matched case-insensitively");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"provider\":\"Nobody\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | provider 'Nobody' is not in providers",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"99X99\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | product '99X99' is not in products",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"NATIONAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | must be LOCAL or REGIONAL",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\",\"Wageningen\"],\"capacity\":1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | a LOCAL contract covers exactly one municipality",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[],\"capacity\":1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | at least one municipality",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":-1,\"waitingDays\":1,\"priorityWaitingDays\":1,\"crisisDays\":1 | contracts[0].capacity must be a whole number",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":10,\"priorityWaitingDays\":20,\"crisisDays\":1 | must rise with the rank of a need",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":30,\"urgentDays\":25,\"priorityWaitingDays\":20,\"crisisDays\":1 | urgentDays (25) <= priorityWaitingDays (20)",
        "\"provider\":\"Vallei Jeugd\",\"product\":\"45A10\",\"type\":\"LOCAL\",\"municipalities\":[\"Ede\"],\"capacity\":1,\"waitingDays\":\"lang\",\"priorityWaitingDays\":1,\"crisisDays\":1 | contracts[0].waitingDays must be a whole number",
    })
    void aBadContractIsRefusedWithItsPlace(String contract, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContractRegister.parse(register("1", contract), "file:/r.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("file:/r.json"), "names the location: " + e.getMessage());
    }

    @Test
    void badDocumentsAreRefused() {
        assertMessage("not valid JSON", "{\"version\":");
        assertMessage("must be a JSON object", "[]");
        assertMessage("version is missing", "{\"providers\":[],\"products\":[],\"contracts\":[]}");
        assertMessage("providers must be an array", "{\"version\":\"1\",\"products\":[],\"contracts\":[]}");
        assertMessage("is not an 8-digit AGB code", "{\"version\":\"1\",\"providers\":[{\"name\":\"X\",\"agb\":\"1234\"}],"
                + "\"products\":[],\"contracts\":[]}");
        assertMessage("appears twice", "{\"version\":\"1\",\"providers\":[{\"name\":\"X\",\"agb\":\"12345678\"},"
                + "{\"name\":\"x\",\"agb\":\"12345679\"}],\"products\":[],\"contracts\":[]}");
        assertMessage("not a 2-digit iJw product category", "{\"version\":\"1\",\"providers\":[],\"products\":"
                + "[{\"code\":\"45A10\",\"category\":\"4\",\"name\":\"A\",\"domain\":\"PARENTING\"}],\"contracts\":[]}");
        assertMessage("not a 5-character iJw product code", "{\"version\":\"1\",\"providers\":[],\"products\":"
                + "[{\"code\":\"45A1\",\"category\":\"45\",\"name\":\"A\",\"domain\":\"PARENTING\"}],\"contracts\":[]}");
        assertMessage("domain 'SCHOOL' is not one of", "{\"version\":\"1\",\"providers\":[],\"products\":"
                + "[{\"code\":\"45A10\",\"category\":\"45\",\"name\":\"A\",\"domain\":\"SCHOOL\"}],\"contracts\":[]}");
        assertMessage("Duplicate field", "{\"version\":\"1\",\"version\":\"2\",\"providers\":[],\"products\":[],\"contracts\":[]}");
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContractRegister.parse(json, "t"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
