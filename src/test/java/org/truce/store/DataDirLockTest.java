package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataDirLockTest {

    @TempDir
    Path tmp;

    @Test
    void a_second_acquire_of_a_held_directory_is_refused_with_a_clear_message() {
        Path dataDir = tmp.resolve("data");
        try (DataDirLock held = DataDirLock.acquire(dataDir)) {
            Path dir = held.directory();

            assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Another Truce process is already using the data directory " + dir
                            + " (lock file " + dir.resolve("truce.lock") + " held by PID " + ProcessHandle.current().pid()
                            + "). Stop it first, or pass a different --data directory.");
        }
    }

    @Test
    void a_released_directory_can_be_locked_again() {
        Path dataDir = tmp.resolve("data");
        DataDirLock.acquire(dataDir).close();

        try (DataDirLock again = DataDirLock.acquire(dataDir)) {
            assertThat(again.directory()).isEqualTo(dataDir.toAbsolutePath());
        }
    }

    @Test
    void the_lock_file_names_the_holder_pid() throws IOException {
        try (DataDirLock held = DataDirLock.acquire(tmp)) {
            assertThat(Files.readString(held.directory().resolve(DataDirLock.LOCK_FILE)).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void another_process_is_refused_while_this_one_holds_the_lock() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (DataDirLock held = DataDirLock.acquire(dataDir)) {
            // A refused attempt inside this JVM must not drop the OS lock (POSIX locks are per process).
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir)).isInstanceOf(IllegalStateException.class);

            Probe probe = probe(dataDir, "try");

            assertThat(probe.exitCode()).isEqualTo(LockProbe.REFUSED);
            assertThat(probe.firstLine())
                    .startsWith("Another Truce process is already using the data directory " + held.directory())
                    .contains("held by PID " + ProcessHandle.current().pid())
                    .endsWith("Stop it first, or pass a different --data directory.");
        }
    }

    @Test
    void another_process_can_lock_the_directory_once_it_is_released() throws Exception {
        Path dataDir = tmp.resolve("data");
        DataDirLock.acquire(dataDir).close();

        Probe probe = probe(dataDir, "try");

        assertThat(probe.exitCode()).isZero();
        assertThat(probe.firstLine()).isEqualTo("acquired " + dataDir.toRealPath());
    }

    @Test
    void a_killed_holder_leaves_the_directory_free() throws Exception {
        Path dataDir = tmp.resolve("data");
        Process holder = ChildJvm.of(tmp.resolve("holder.err"), LockProbe.class, dataDir.toString(), "hold").start();
        try (BufferedReader out = reader(holder)) {
            assertThat(out.readLine()).as(stderr("holder.err")).startsWith("acquired ");
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir)).isInstanceOf(IllegalStateException.class);

            holder.destroyForcibly().waitFor();

            try (DataDirLock taken = DataDirLock.acquire(dataDir)) {
                assertThat(taken.directory()).isEqualTo(dataDir.toRealPath());
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    private Probe probe(Path dataDir, String mode) throws IOException, InterruptedException {
        Process process = ChildJvm.of(tmp.resolve("probe.err"), LockProbe.class, dataDir.toString(), mode).start();
        try (BufferedReader out = reader(process)) {
            String firstLine = out.readLine();
            int exitCode = process.waitFor();
            assertThat(firstLine).as(stderr("probe.err")).isNotNull();
            return new Probe(exitCode, firstLine);
        } finally {
            process.destroyForcibly();
        }
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private String stderr(String name) throws IOException {
        return "child stderr:\n" + Files.readString(tmp.resolve(name));
    }

    private record Probe(int exitCode, String firstLine) {}
}
