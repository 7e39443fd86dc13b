package org.truce.incidents;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a double quote, CR or LF, and a double quote inside it doubled. A text field
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with
 * an apostrophe (OWASP, "CSV Injection"). Stateless.
 */
public final class Csv {
    private Csv() {}

    /** One record, CRLF-terminated; a null field is empty. */
    public static String row(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = defused(value);
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /**
     * The text with an apostrophe in front when a spreadsheet would run it as a formula (OWASP, "CSV
     * Injection"); a plain number is left alone. The same guard serves text cells of XLSX exports.
     */
    public static String defused(String value) {
        if (value == null || value.isEmpty()) return value;
        char c = value.charAt(0);
        if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !isNumber(value)) return "'" + value;
        return value;
    }

    private static boolean isNumber(String v) {
        return v.matches("-?[0-9]+(\\.[0-9]+)?");
    }
}
