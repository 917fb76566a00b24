package nl.proeftuin.plugins.localteam.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesCommasAndLineBreaksInsideQuotedFieldsKeepTheLineNumbers() throws Exception {
        List<Csv.Row> rows = Csv.parse("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n3,,\"\"\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
        assertEquals(List.of("x, y", "he said \"hi\"", "two\nlines"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line(), "the line break inside the quotes counts");
        assertEquals(List.of("3", "", ""), rows.get(2).fields());
    }

    @Test
    void aByteOrderMarkIsSkippedAndCrAloneEndsARecord() throws Exception {
        List<Csv.Row> rows = Csv.parse("\uFEFFidempotencyKey,x\ra,b");
        assertEquals(List.of("idempotencyKey", "x"), rows.get(0).fields());
        assertEquals(List.of("a", "b"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void aStrayQuoteSpoilsOnlyItsRecord() throws Exception {
        List<Csv.Row> rows = Csv.parse("a,b\nx\"y,z\n\"q\"r,s\nok,1\n");
        assertTrue(rows.get(1).error().contains("quote inside unquoted field 1"), rows.get(1).error());
        assertTrue(rows.get(2).error().contains("after a closing quote"), rows.get(2).error());
        assertNull(rows.get(3).error());
        assertEquals(List.of("ok", "1"), rows.get(3).fields());
        assertEquals(4, rows.get(3).line());
    }

    @Test
    void aQuoteLeftOpenFailsTheFileWithItsLine() {
        Csv.FileError error = assertThrows(Csv.FileError.class, () -> Csv.parse("a,b\nc,d\n\"open,e\nf,g\n"));
        assertEquals(3, error.line);
    }

    @Test
    void formatQuotesWhatNeedsItAndReadsBackTheSame() throws Exception {
        List<String> fields = List.of("plain", "a,b", "say \"x\"", "two\r\nlines", "", " padded");
        String text = Csv.format(fields);
        assertEquals("plain,\"a,b\",\"say \"\"x\"\"\",\"two\r\nlines\",,\" padded\"\r\n", text);
        assertEquals(fields, Csv.parse(text).get(0).fields());
    }

    @Test
    void aFieldThatASpreadsheetWouldReadAsAFormulaGetsAQuoteAndReadsBackTheSame() throws Exception {
        List<String> fields = List.of("=HYPERLINK(\"http://x\",\"klik\")", "+31", "-1", "@SUM(A1)", "\t=1", "\r=1",
                "'=already quoted", "'plain", "a=b", "");
        String text = Csv.format(fields);
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",'+31,'-1,'@SUM(A1),'\t=1,\"'\r=1\","
                + "''=already quoted,'plain,a=b,\r\n", text);
        assertEquals(fields, Csv.parse(text).get(0).fields());
    }
}
