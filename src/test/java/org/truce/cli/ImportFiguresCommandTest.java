package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** {@code truce import figures FILE} against a real node over HTTP. */
@ExtendWith(DemoNodeExtension.class)
class ImportFiguresCommandTest {
    TestNode node;
    @TempDir
    Path dir;

    static final String HEAD = "Показатель;Значение;Дата;Место;Источник;Атрибуция\r\n";
    static final String GOOD = HEAD + "вернувшиеся жители;48 241;11.01.2021;Нагорный Карабах;ru-peacekeepers;По данным миротворцев\r\n";

    @Test
    void a_dry_run_prints_every_error_by_row_and_column_and_exits_1_then_the_fixed_file_commits_with_exit_0() throws Exception {
        String token = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-cli", Role.REPORTER);
        Path bad = Files.writeString(dir.resolve("bad.csv"), GOOD
                + "вернувшиеся жители;много;12.01.2021;Атлантида;ru-peacekeepers;По данным миротворцев\r\n", StandardCharsets.UTF_8);
        long size = node.truce.ledger().size();
        CliRun dry = CliRun.of("import", "figures", bad.toString(), "--node", node.base(), "--token", token);
        assertThat(dry.code()).as(dry.err()).isEqualTo(1);
        assertThat(dry.out()).contains("bad.csv: 2 rows: 1 new, 0 unchanged, 0 corrections, 1 with errors (dry run: nothing written)")
                .contains("row 3, column B (value)").contains("row 3, column D (place)");

        Path good = Files.writeString(dir.resolve("good.csv"), GOOD, StandardCharsets.UTF_8);
        CliRun commit = CliRun.of("import", "figures", good.toString(), "--node", node.base(), "--token", token, "--commit");
        assertThat(commit.code()).as(commit.out() + commit.err()).isEqualTo(0);
        assertThat(commit.out()).contains("1 new").contains("(recorded)");
        assertThat(node.truce.ledger().size()).isEqualTo(size + 1);
    }

    @Test
    void an_unknown_mapping_is_refused_as_a_whole_with_exit_2() throws Exception {
        Path good = Files.writeString(dir.resolve("good.csv"), GOOD, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("import", "figures", good.toString(), "--node", node.base(), "--token", node.token, "--mapping", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("refused (400)").contains("?mapping");
    }
}
