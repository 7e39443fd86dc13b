package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.truce.store.PostgisLayers;
import org.truce.store.PostgresTestDatabase;

/** Which PostGIS layers {@code serve} keeps: by default those of its {@code --db}, else none, saying why in one line. */
class ServeLayersTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void on_postgresql_the_layers_of_the_same_database_are_kept_without_being_asked() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            try (PostgisLayers layers = ServeLayers.choose(db.url(), null, false, out)) {
                assertThat(layers).isNotNull();
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM truce_gis.layers_state")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void when_the_database_cannot_offer_postgis_the_node_serves_without_them_and_says_why_in_one_line() {
        String absent = "postgresql://postgres@127.0.0.1:5432/truce_test_absent_database";
        assertThat(ServeLayers.choose(absent, null, false, out)).isNull();
        String said = printed.toString(StandardCharsets.UTF_8);
        assertThat(said.lines()).hasSize(1);
        assertThat(said).startsWith("PostGIS map layers are off: could not ask the database for its extensions: ")
                .contains("the node serves without them (--no-postgis-layers silences this line).");
    }

    @Test
    void no_postgis_layers_keeps_none_and_says_nothing() {
        assertThat(ServeLayers.choose("postgresql://postgres@127.0.0.1:5432/truce_test_absent_database", null, true, out)).isNull();
        assertThat(ServeLayers.choose(null, null, false, out)).as("SQLite without --postgis-layers").isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void both_postgis_layers_and_no_postgis_layers_are_refused() {
        assertThatThrownBy(() -> ServeLayers.choose(null, "postgresql://127.0.0.1/x", true, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give --postgis-layers or --no-postgis-layers, not both");
    }
}
