package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ingest.DemoDataset;
import org.truce.accounts.AccountStore;
import org.truce.accounts.Accounts;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;
import org.truce.accounts.SignIn;
import org.truce.store.AccountStores;
import org.truce.store.DataDirLock;
import picocli.CommandLine;

/** {@code truce admin}, run in-process as picocli runs it, against a real accounts.db. */
class AdminCommandTest {
    @TempDir
    Path data;

    record Run(int code, String out, String err) {}

    /** Organisations speak for sources of the catalog: the demo's are declared first. */
    @BeforeEach
    void declareTheDemoSources() {
        try (Truce truce = Truce.open(data, java.time.Clock.systemUTC())) {
            DemoDataset.load(truce.recorder());
        }
    }

    @Test
    void an_organisation_for_a_source_the_catalog_does_not_declare_is_refused() {
        Run run = admin("create-org", "--id", "ghost", "--source", "no-such-source", "--name", "Ghost");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("source no-such-source is not in the ledger's catalog");
    }

    private Run adminWithInput(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == AdminCreateUser.class) return type.cast(new AdminCreateUser(in));
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 3];
        full[0] = "admin";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--data";
        full[args.length + 2] = data.toString();
        int code = cli.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    private Run admin(String... args) {
        return adminWithInput("", args);
    }

    @Test
    void an_operator_sets_up_an_organisation_a_user_with_roles_and_a_token() throws Exception {
        assertThat(admin("create-org", "--id", "anama", "--source", "anama", "--name", "ANAMA").code()).isZero();
        Run created = adminWithInput("correct horse battery\n", "create-user", "--org", "anama", "--username", "alice",
                "--role", "reporter", "--role", "admin", "--password-stdin");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).containsPattern("Created account alice \\(u-[a-z2-7]{12}\\) in anama with roles \\[reporter, admin\\]");

        assertThat(admin("grant", "--user", "alice", "--role", "verifier").code()).isZero();
        assertThat(admin("revoke", "--user", "alice", "--role", "admin").code()).isZero();

        Run token = admin("token", "create", "--user", "alice", "--name", "tablet", "--days", "30");
        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.out()).contains("will not be shown again");
        Matcher m = Pattern.compile("truce_([a-z2-7]{10})_[A-Za-z0-9_-]{43}").matcher(token.out());
        assertThat(m.find()).isTrue();
        String text = m.group();

        try (AccountStore store = AccountStores.open(data)) {
            Accounts accounts = new Accounts(store, Clock.systemUTC(), new SecureRandom());
            Principal p = accounts.authenticateToken(text).orElseThrow();
            assertThat(p.has(Role.REPORTER)).isTrue();
            assertThat(p.has(Role.VERIFIER)).isTrue();
            assertThat(p.has(Role.ADMIN)).isFalse();
            assertThat(accounts.signIn("alice", "correct horse battery".toCharArray(), "127.0.0.1")).isInstanceOf(SignIn.Ok.class);

            assertThat(admin("token", "revoke", "--id", m.group(1)).code()).isZero();
            assertThat(accounts.authenticateToken(text)).isEmpty();
        }

        Run list = admin("list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("anama  source=anama  ANAMA").containsPattern("alice  u-[a-z2-7]{12}  org=anama  roles=reporter,verifier");
        assertThat(list.out()).doesNotContain("argon2").doesNotContain(text);
    }

    @Test
    void a_refusal_is_one_line_on_stderr_naming_the_problem_and_a_non_zero_exit() {
        admin("create-org", "--id", "anama", "--source", "anama", "--name", "ANAMA");
        adminWithInput("correct horse battery\n", "create-user", "--org", "anama", "--username", "alice", "--password-stdin");

        Run duplicate = adminWithInput("another long password\n", "create-user", "--org", "anama", "--username", "alice", "--password-stdin");
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).isEqualTo("truce admin create-user: username \"alice\" is already taken" + System.lineSeparator());

        Run weak = adminWithInput("too short\n", "create-user", "--org", "anama", "--username", "bob", "--password-stdin");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("password must have at least 12 characters");

        Run role = admin("grant", "--user", "alice", "--role", "root");
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).contains("role must be one of reporter, transcriber");

        Run days = admin("token", "create", "--user", "alice", "--name", "x", "--days", "400");
        assertThat(days.code()).isEqualTo(2);
        assertThat(days.err()).contains("--days must be 1 to 366");
    }

    @Test
    void without_password_stdin_and_without_a_console_create_user_says_how_to_give_the_password() {
        assumeTrue(System.console() == null, "the test JVM has no console");
        admin("create-org", "--id", "anama", "--source", "anama", "--name", "ANAMA");

        Run run = admin("create-user", "--org", "anama", "--username", "alice");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no console").contains("--password-stdin");
    }

    @Test
    void the_admin_commands_work_while_a_server_holds_the_data_directory() throws Exception {
        DataDirLock serverLock = DataDirLock.acquire(data);
        try {
            Run run = admin("create-org", "--id", "icrc", "--source", "icrc", "--name", "ICRC");
            assertThat(run.code()).as(run.err()).isZero();
        } finally {
            serverLock.close();
        }
    }

    @Test
    void the_accounts_file_is_readable_by_its_owner_only() throws Exception {
        admin("create-org", "--id", "icrc", "--source", "icrc", "--name", "ICRC");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(AccountStores.FILE))))
                .isEqualTo("rw-------");
    }
}
