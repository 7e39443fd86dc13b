package org.truce.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.truce.bulletin.Messages;

/**
 * What every page template is given: the reader's language and its fixed texts (ICU patterns of the
 * {@code ui/*} bundles), the links of the language switcher, and who is signed in (null for a reader).
 * Made per request; immutable.
 */
public final class Ui {
    private final Language language;
    private final Messages texts;
    private final String path;
    private final String user;
    private final String org;
    private final String csrf;

    Ui(Language language, String path, String user, String org, String csrf) {
        this.language = language;
        this.texts = Messages.ui(language.code());
        this.path = path;
        this.user = user;
        this.org = org;
        this.csrf = csrf;
    }

    /** One entry of the language switcher. */
    public record Choice(String code, String name, String href, boolean current) {}

    public String lang() {
        return language.code();
    }

    public Language language() {
        return language;
    }

    /** The fixed text {@code key} in the reader's language. */
    public String t(String key) {
        return texts.format(key, Map.of());
    }

    /** Whether the reader's language (or English) has the fixed text {@code key}: for keys made from catalog words. */
    public boolean has(String key) {
        return texts.has(key);
    }

    /**
     * The label of a desk form's field: its {@code desk.field.*} text; a breakdown's
     * ({@code breakdown.children}) its {@code desk.breakdown.*} text, else the catalog's own word.
     */
    public String fieldLabel(String field) {
        if (has("desk.field." + field)) return t("desk.field." + field);
        if (field.startsWith("breakdown.")) {
            String name = field.substring("breakdown.".length());
            return has("desk.breakdown." + name) ? t("desk.breakdown." + name) : name;
        }
        return field;
    }

    /** The fixed text {@code key} with named arguments given as name, value, name, value… */
    public String t(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("arguments come in name, value pairs");
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return texts.format(key, args);
    }

    /** The fixed text {@code key} with named arguments (a source's name in every form: {@link org.truce.bulletin.SourceNames}). */
    public String t(String key, Map<String, Object> args) {
        return texts.format(key, args);
    }

    /** The reader's language's fixed texts, for helpers that put arguments ({@link org.truce.bulletin.SourceNames}). */
    Messages texts() {
        return texts;
    }

    /**
     * Who stands behind the entries at {@code seqs}, in the reader's language ({@code signature.*}):
     * the bulletins' decision ({@link org.truce.ledger.BodyKeys#attestations}), nothing where no body
     * of theirs signs.
     */
    public List<String> signatures(org.truce.ledger.BodyKeys keys, java.util.Collection<Long> seqs) {
        return keys.attestations(seqs).keySet().stream().map(a -> t("signature." + a.wire())).toList();
    }

    /** A long date in the reader's language. */
    public String date(LocalDate date) {
        return texts.date(date);
    }

    /** A number with the reader's grouping and decimal marks. */
    public String number(BigDecimal n) {
        return texts.number(n);
    }

    /** This page in each language; the choice also sets the language cookie. */
    public List<Choice> languages() {
        return Arrays.stream(Language.values())
                .map(l -> new Choice(l.code(), l.nativeName(), path + "?lang=" + l.code(), l == language))
                .toList();
    }

    public boolean signedIn() {
        return user != null;
    }

    /** The signed-in account's author name ({@code org/u-…}), or null. */
    public String user() {
        return user;
    }

    public String org() {
        return org;
    }

    /** The session's anti-forgery token for forms, or null when nobody is signed in. */
    public String csrf() {
        return csrf;
    }
}
