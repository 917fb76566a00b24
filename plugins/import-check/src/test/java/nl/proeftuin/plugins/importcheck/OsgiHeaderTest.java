package nl.proeftuin.plugins.importcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class OsgiHeaderTest {

    @Test
    void commasInsideQuotesBelongToTheValue() {
        assertEquals(List.of("a.b", "c.d"), OsgiHeader.names("a.b;version=\"[1.0,2)\",c.d;version=\"[1,2)\""));
    }

    @Test
    void aClauseMayNameSeveralPackages() {
        assertEquals(List.of("a", "b", "c"), OsgiHeader.names("a;b;version=1;resolution:=optional,c"));
    }

    @Test
    void directivesWithQuotedSemicolonsAreSkipped() {
        assertEquals(List.of("a", "b"), OsgiHeader.names("a;uses:=\"x.y;z,w\",b"));
    }

    @Test
    void noHeaderNoNames() {
        assertEquals(List.of(), OsgiHeader.names(null));
        assertEquals(List.of(), OsgiHeader.names(" "));
    }
}
