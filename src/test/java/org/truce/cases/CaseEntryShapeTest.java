package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.privacy.Sealed;
import org.truce.record.Parsed;
import org.truce.record.Violation;

/**
 * What a case entry shows in the public ledger (issue 16): only what the counts need, the terms
 * sealed; and entries of the shape before, with the terms in clear, read and count as they did.
 */
class CaseEntryShapeTest {
    private static final String OLD_CASE = "6a1e0c52-8f0e-4b8a-9d47-3c2f5e7a9b10";
    private static final List<PartyTerm> TERMS = List.of(new PartyTerm("az-government", "detainee"),
            new PartyTerm("am-government", "prisoner of war"));
    private static final Sealed SEALED = new Sealed("bm9uY2U", "Y2lwaGVydGV4dA", "00ff");

    @Test
    void an_opening_is_written_with_only_what_the_counts_need_and_its_terms_sealed() {
        ObjectNode payload = CaseWriter.write(opened(List.of(), SEALED));

        assertThat(names(payload)).containsExactlyInAnyOrder("id", "kind", "source", "place", "date", "status", "terms");
        assertThat(names(payload.get("terms"))).containsExactlyInAnyOrder("nonce", "ciphertext", "mac");
    }

    @Test
    void terms_in_clear_are_never_written() {
        assertThatThrownBy(() -> CaseWriter.write(opened(TERMS, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealed");
        assertThatThrownBy(() -> CaseWriter.write(opened(TERMS, SEALED))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_opening_recorded_before_issue_16_replays_with_its_terms_in_clear() throws IOException {
        CaseBook book = new CaseBook();
        book.applied(entry(0, oldShape()));

        CaseFact.Opened fact = (CaseFact.Opened) CaseReader.fromLedger(CaseFact.OPENED, oldShape());
        assertThat(fact.terms()).isEqualTo(TERMS);
        assertThat(fact.sealedTerms()).isNull();
        assertThat(book.find(OLD_CASE)).get().extracting(CaseRecord::source).isEqualTo("anama");
        assertThat(book.clearTermsOf(OLD_CASE)).contains(TERMS);
        assertThat(book.sealedTermsOf(OLD_CASE)).isEmpty();
    }

    @Test
    void an_opening_of_the_new_shape_replays_with_its_terms_sealed() {
        CaseBook book = new CaseBook();
        book.applied(entry(0, CaseWriter.write(opened(List.of(), SEALED))));

        assertThat(book.sealedTermsOf(OLD_CASE)).contains(SEALED);
        assertThat(book.clearTermsOf(OLD_CASE)).isEmpty();
    }

    @Test
    void the_old_and_the_new_shape_of_an_opening_count_alike() throws IOException {
        var figures = new CaseFigures();
        for (String status : List.of("captured", "exchanged")) {
            ObjectNode before = (ObjectNode) oldShape();
            before.put("status", status);
            ObjectNode after = CaseWriter.write(opened(List.of(), SEALED));
            after.put("status", status);

            var old = figures.reportsOf(entry(0, before));
            assertThat(old).as(status).hasSize(status.equals("exchanged") ? 1 : 0);
            assertThat(figures.reportsOf(entry(0, after))).as(status).isEqualTo(old);
        }
    }

    @Test
    void a_case_entry_id_derived_from_a_name_is_refused() {
        String derived = UUID.nameUUIDFromBytes("Zyxwvut Canaryname 1990".getBytes(StandardCharsets.UTF_8)).toString();
        String random = UUID.randomUUID().toString();

        assertThat(violations(CaseReader.readOpening(opening(derived)))).extracting(Violation::pointer).containsExactly("/id");
        assertThat(violations(CaseReader.readStatus(status(derived), random))).extracting(Violation::pointer).containsExactly("/id");
        assertThat(CaseReader.readOpening(opening(random))).isInstanceOf(Parsed.Ok.class);
    }

    @Test
    void padding_hides_which_term_was_used_and_comes_off_exactly() {
        byte[] shortTerm = CaseWriter.terms(List.of(new PartyTerm("az-government", "detainee")));
        byte[] longTerm = CaseWriter.terms(List.of(new PartyTerm("az-government", "prisoner of war")));

        assertThat(CaseRecorder.pad(shortTerm)).hasSameSizeAs(CaseRecorder.pad(longTerm));
        assertThat(CaseRecorder.unpad(CaseRecorder.pad(longTerm))).isEqualTo(longTerm);
        assertThat(CaseRecorder.unpad(longTerm)).as("sealed before padding").isEqualTo(longTerm);
        assertThat(CaseReader.openedTerms(CaseRecorder.pad(CaseWriter.terms(TERMS)))).isEqualTo(TERMS);
    }

    private static CaseFact.Opened opened(List<PartyTerm> terms, Sealed sealedTerms) {
        return new CaseFact.Opened(OLD_CASE, CaseKind.DETAINEE, "anama", "nk", LocalDate.of(2021, 1, 5), "captured",
                terms, sealedTerms, null);
    }

    private static Entry entry(long seq, JsonNode payload) {
        return new Entry(seq, Instant.parse("2026-11-28T10:00:00Z"), CaseFact.OPENED, "anama", payload.get("id").asText(), payload);
    }

    private static JsonNode oldShape() throws IOException {
        try (InputStream in = CaseEntryShapeTest.class.getResourceAsStream("/cases/opened-before-issue-16.json")) {
            return EntryCodec.mapper().readTree(in);
        }
    }

    private static JsonNode opening(String id) {
        ObjectNode n = EntryCodec.mapper().createObjectNode();
        n.put("id", id).put("kind", "detainee").put("source", "anama").put("place", "nk").put("date", "2021-01-05")
                .put("status", "captured");
        return n;
    }

    private static JsonNode status(String id) {
        return EntryCodec.mapper().createObjectNode().put("id", id).put("status", "held").put("date", "2021-01-06");
    }

    private static List<Violation> violations(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed).violations();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
