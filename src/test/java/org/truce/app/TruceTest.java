package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ingest.DemoDataset;

class TruceTest {
    @TempDir
    Path dir;

    @Test
    void a_second_node_on_the_same_data_directory_refuses_to_start_with_a_clear_message() {
        try (Truce first = Truce.open(dir, Clock.systemUTC())) {
            assertThatThrownBy(() -> Truce.open(dir, Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Truce process is already using the data directory");
        }
        Truce.open(dir, Clock.systemUTC()).close();
    }

    @Test
    void the_node_key_is_created_on_first_start_readable_by_the_owner_only() throws Exception {
        Truce.open(dir, Clock.systemUTC()).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node-key.pk8")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("node-key.pub"))).startsWith("truce.local/ledger+");
    }

    @Test
    void reopening_rebuilds_the_same_projections_and_loading_the_demo_again_writes_nothing() {
        long size;
        try (Truce t = Truce.open(dir, Clock.systemUTC())) {
            assertThat(DemoDataset.load(t.recorder())).isGreaterThan(50);
            size = t.ledger().size();
        }
        try (Truce t = Truce.open(dir, Clock.systemUTC())) {
            assertThat(t.ledger().size()).isEqualTo(size);
            assertThat(DemoDataset.load(t.recorder())).isZero();
            assertThat(t.ledger().size()).isEqualTo(size);
            assertThat(t.figures().figure("returnees", "ru-unnamed", "nk", java.time.LocalDate.of(2021, 1, 11), size)
                    .orElseThrow().value()).isEqualByComparingTo("48241");
        }
    }

    @Test
    void a_store_changed_behind_the_applications_back_is_refused_at_start() throws Exception {
        try (Truce t = Truce.open(dir, Clock.systemUTC())) {
            DemoDataset.load(t.recorder());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("truce.db"));
             var s = c.prepareStatement("UPDATE entries SET body = CAST(replace(CAST(body AS TEXT), '48241', '58241') AS BLOB) WHERE CAST(body AS TEXT) LIKE '%48241%'")) {
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> Truce.open(dir, Clock.systemUTC()))
                .hasMessageContaining("does not match its last signed head");
        // the refusal released the data directory
        try (var lock = org.truce.store.DataDirLock.acquire(dir)) {
            assertThat(lock).isNotNull();
        }
    }
}
