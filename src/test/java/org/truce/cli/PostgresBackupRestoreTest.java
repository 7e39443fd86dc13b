package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.store.PostgresTestDatabase;
import org.truce.store.Stores;
import org.truce.support.TestNode;

/**
 * Backup and restore across the two stores through the real commands: SQLite exported and imported
 * into an empty PostgreSQL database, and PostgreSQL exported and imported into SQLite; each time the
 * same tree (size and root under the exporting node's signed head) and the same bulletin text.
 */
class PostgresBackupRestoreTest {
    private static final String DATE = "2021-01-11";

    @TempDir
    Path tmp;

    @Test
    void sqlite_exported_and_imported_into_an_empty_postgresql_has_the_same_root_and_bulletin() throws SQLException {
        Path original = tmp.resolve("original");
        try (Truce truce = Truce.open(original, Clock.systemUTC())) {
            truce.loadDemo();
        }
        Path export = tmp.resolve("ledger.jsonl");
        CliRun exported = CliRun.of("export", "--ledger", "--data", original.toString(), "--out", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();

        try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
            Path importer = tmp.resolve("importer");
            CliRun imported = CliRun.of("import", "--ledger", export.toString(), "--data", importer.toString(), "--db", pg.url(),
                    "--public-key", original.resolve("node-key.pub").toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("into " + pg.url()).contains("copy node-key.pk8, node-key.pub and " + PredecessorKeys.FILE);

            CliRun verify = CliRun.of("verify", "--db", pg.url(), "--data", importer.toString());
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            CliRun withOldKeyOnly = CliRun.of("verify", "--db", pg.url(), "--data", tmp.resolve("nothing").toString(),
                    "--public-key", original.resolve("node-key.pub").toString());
            assertThat(withOldKeyOnly.code()).as(withOldKeyOnly.out()).isZero();

            assertThat(lastHead(Stores.openPostgres(pg.url()), original)).isEqualTo(lastHead(Stores.openSqlite(original), original));
            String before = bulletin("--data", original.toString());
            String after = bulletin("--db", pg.url(), "--data", importer.toString());
            assertThat(CliRun.unsigned(after)).isEqualTo(CliRun.unsigned(before));
            assertThat(after).isNotEqualTo(before); // the importing node signs the checkpoint with its own key

            CliRun again = CliRun.of("import", "--ledger", export.toString(), "--data", tmp.resolve("second").toString(),
                    "--db", pg.url());
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).contains("refusing to import: the store of " + pg.url() + " already holds");
        }
    }

    @Test
    void postgresql_exported_and_imported_into_sqlite_has_the_same_root_and_bulletin() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
            Path node = tmp.resolve("pg-node");
            new TestNode(node, pg.url(), true).close();
            Path export = tmp.resolve("from-pg.jsonl");
            CliRun exported = CliRun.of("export", "--ledger", "--db", pg.url(), "--data", node.toString(), "--out", export.toString());
            assertThat(exported.code()).as(exported.err()).isZero();
            long size;
            try (LedgerStore store = Stores.openPostgres(pg.url())) {
                size = store.size();
            }
            assertThat(size).isPositive();
            assertThat(exported.out()).startsWith("Exported " + size + " entries");
            assertThat(Files.readAllLines(export)).hasSizeGreaterThan((int) size + 1);

            Path restored = tmp.resolve("restored");
            CliRun imported = CliRun.of("import", "--ledger", export.toString(), "--data", restored.toString(),
                    "--public-key", node.resolve("node-key.pub").toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            CliRun verify = CliRun.of("verify", "--data", restored.toString());
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("OK: " + size + " entries");

            assertThat(lastHead(Stores.openSqlite(restored), node)).isEqualTo(lastHead(Stores.openPostgres(pg.url()), node));
            String before = bulletin("--db", pg.url(), "--data", node.toString());
            String after = bulletin("--data", restored.toString());
            assertThat(CliRun.unsigned(after)).isEqualTo(CliRun.unsigned(before));
        }
    }

    @Test
    void an_export_from_postgresql_needs_a_nodes_data_directory_for_its_key() throws SQLException {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
            Path nowhere = tmp.resolve("nowhere");
            CliRun run = CliRun.of("export", "--ledger", "--db", pg.url(), "--data", nowhere.toString(),
                    "--out", tmp.resolve("x.jsonl").toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("no node key in " + nowhere);
            assertThat(tmp.resolve("x.jsonl")).doesNotExist();
        }
    }

    /** The size and root of the store's last kept head, checked with the key of {@code signer}'s data directory; closes the store. */
    private static String lastHead(LedgerStore store, Path signer) {
        try (store) {
            List<LedgerStore.KeptHead> heads = store.heads();
            Checkpoint cp = NoteVerifier.parse(Files.readString(signer.resolve("node-key.pub")).strip())
                    .verify(heads.get(heads.size() - 1).signedNote());
            assertThat(cp.size()).isEqualTo(store.size());
            return cp.size() + " " + java.util.HexFormat.of().formatHex(cp.rootHash());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String bulletin(String... where) {
        List<String> args = new java.util.ArrayList<>(List.of("bulletin", "--as-of", DATE));
        args.addAll(List.of(where));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("2021");
        return run.out();
    }
}
