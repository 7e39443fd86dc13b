package org.truce.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.truce.record.Parsed;
import org.truce.record.Violation;

/**
 * Incident entries as the ledger holds them: with what the write path adds to an entry in a signing
 * body's name (its signature, or the transcription mark), which an input may not carry.
 */
class IncidentCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode nil() {
        return JSON.createObjectNode().put("id", "00000000-0000-4000-8000-000000000001").put("source", "az-government")
                .put("zone", "pk-zone").put("from", "2021-03-01").put("to", "2021-03-01");
    }

    @Test
    void a_signed_entry_reads_back_from_the_ledger() {
        ObjectNode signed = nil();
        signed.putObject("bodySignature").put("keyId", "0011aabb").put("signature", "AAAA");
        IncidentFact read = IncidentCodec.fromLedger(IncidentFact.NIL, signed);
        assertThat(read).isEqualTo(IncidentCodec.fromLedger(IncidentFact.NIL, nil()));
        assertThat(((IncidentFact.NilReported) read).source()).isEqualTo("az-government");
    }

    @Test
    void a_transcribed_entry_reads_back_from_the_ledger() {
        ObjectNode transcribed = nil().put("transcribed", true);
        assertThat(IncidentCodec.fromLedger(IncidentFact.NIL, transcribed)).isEqualTo(IncidentCodec.fromLedger(IncidentFact.NIL, nil()));
    }

    @Test
    void as_input_the_members_the_write_path_adds_are_still_refused_by_name() {
        Parsed<IncidentFact> input = WorkflowReader.nil(nil().put("transcribed", true), "");
        assertThat(input).isInstanceOf(Parsed.Invalid.class);
        assertThat(((Parsed.Invalid<IncidentFact>) input).violations())
                .containsExactly(new Violation("/transcribed", "is not a field of this object"));
    }
}
