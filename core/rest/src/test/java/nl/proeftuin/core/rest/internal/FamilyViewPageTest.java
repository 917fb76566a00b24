package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.proeftuin.core.api.dto.FamilyView;
import org.junit.jupiter.api.Test;

class FamilyViewPageTest {

    @Test
    void escapesEveryCharacterThatMeansSomethingInHtml() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", FamilyViewPage.escape("<script>alert('x')</script> & \""));
        assertEquals("", FamilyViewPage.escape(null));
    }

    @Test
    void rendersAnAccessiblePrintablePageEvenForEmptyParts() {
        String page = FamilyViewPage.render(new FamilyView("<Plan>", null,
                List.of(new FamilyView.Section("Afspraken", List.of()), new FamilyView.Section("Doelen", null))));
        assertTrue(page.contains("<title>&lt;Plan&gt;</title>"), page);
        assertTrue(page.contains("<main>") && page.contains("<h2>Afspraken</h2>") && page.contains("<h2>Doelen</h2>"), page);
        assertTrue(page.contains("Hier staat nog niets."), page);
        assertTrue(page.contains("<meta charset=\"utf-8\">"), page);
        String untitled = FamilyViewPage.render(new FamilyView(null, null, null));
        assertTrue(untitled.contains("<h1>Ons gezinsplan</h1>"), untitled);
    }

    @Test
    void acceptRankingUsesTheMostSpecificRange() {
        assertEquals(0.8, FamilyViewPage.quality("text/html;q=0.8, */*;q=0.1", "text", "html"));
        assertEquals(0.1, FamilyViewPage.quality("text/html;q=0.8, */*;q=0.1", "application", "json"));
        assertEquals(0.0, FamilyViewPage.quality("text/html;q=0", "text", "html"));
        assertEquals(0.5, FamilyViewPage.quality("text/*;q=0.5", "text", "html"));
        assertEquals(0.0, FamilyViewPage.quality("image/png", "application", "json"));
        assertEquals(0.0, FamilyViewPage.quality("text/html;q=abc", "text", "html"));
    }
}
