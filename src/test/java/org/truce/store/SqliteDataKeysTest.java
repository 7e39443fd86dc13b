package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.privacy.DataKey;
import org.truce.privacy.DataKeys;

/** The data keys in a real keys.db: the contract, and destruction that really forgets on disk. */
class SqliteDataKeysTest extends DataKeysContract {

    @TempDir
    Path dataDir;

    @Override
    protected DataKeys open(SecureRandom random) {
        return PrivateStores.openDataKeys(dataDir, random);
    }

    @Test
    void a_destroyed_key_is_found_in_no_key_file_while_other_keys_remain() throws Exception {
        try (DataKeys keys = open()) {
            byte[] target = keys.getOrCreate("case-erase").bytes();
            byte[] kept = null;
            for (int i = 0; i < 20; i++) {
                byte[] key = keys.getOrCreate("case-" + i).bytes();
                if (i == 10) kept = key;
            }
            checkpoint();
            assertThat(foundInKeyFiles(target)).as("the test can see a key on disk").isTrue();
            assertThat(foundInKeyFiles(kept)).isTrue();

            assertThat(keys.destroy("case-erase")).isTrue();

            assertThat(foundInKeyFiles(target)).as("the destroyed key's bytes are on disk").isFalse();
            assertThat(foundInKeyFiles(kept)).isTrue();
            assertThat(keys.find("case-erase")).isEmpty();
            assertThat(keys.destroyed("case-erase")).isTrue();
            assertThat(keys.destroyed("case-10")).isFalse();
            assertThat(keys.find("case-10")).get().extracting(DataKey::bytes).isEqualTo(kept);
            assertThatThrownBy(() -> keys.getOrCreate("case-erase"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the data key of case case-erase was destroyed (its personal data is erased); "
                            + "it cannot get a new key");
        }
    }

    @Test
    void the_key_file_is_readable_and_writable_by_its_owner_only() throws IOException {
        try (DataKeys keys = open()) {
            keys.getOrCreate("case-1");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(PrivateStores.KEYS_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void key_store_connections_run_with_secure_delete_wal_full_sync_and_a_busy_timeout() throws SQLException {
        SideDatabase keysFile = new SideDatabase(dataDir.resolve(PrivateStores.KEYS_FILE), true);
        try (Connection connection = keysFile.open()) {
            assertThat(pragma(connection, "secure_delete")).isEqualTo("1");
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("2");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo(String.valueOf(SqliteDatabase.BUSY_TIMEOUT_MILLIS));
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement sql = connection.createStatement(); var rows = sql.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Moves every committed page from the WAL into keys.db, where a key would stay if nothing shredded it. */
    private void checkpoint() throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(PrivateStores.KEYS_FILE));
                Statement sql = raw.createStatement()) {
            sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private boolean foundInKeyFiles(byte[] key) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PrivateStores.KEYS_FILE)).toList()) {
                if (indexOf(Files.readAllBytes(file), key) >= 0) return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
