package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Grant;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;
import org.truce.accounts.SignIn;
import org.truce.app.Truce;
import org.truce.audit.AuditRecord;
import org.truce.ingest.DemoDataset;
import org.truce.ledger.Ledger;
import org.truce.store.PostgresTestDatabase;
import picocli.CommandLine;

/**
 * {@code truce admin --db}: run in-process as picocli runs it, against the PostgreSQL database that a
 * running node uses; the node sees every change at its next call, and the command writes nothing to
 * the data directory it is given.
 */
class AdminSharedDatabaseTest {
    @TempDir
    Path dir;

    private PostgresTestDatabase database;
    private Truce node;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void startANodeWithTheDemoSources() {
        database = PostgresTestDatabase.create();
        node = Truce.open(dir.resolve("node"), database.url(), Clock.systemUTC(), Ledger.Progress.NONE);
        DemoDataset.load(node.recorder());
    }

    @AfterEach
    void stop() throws SQLException {
        if (node != null) node.close();
        if (database != null) database.close();
    }

    @Test
    void an_operator_sets_up_an_organisation_a_user_and_a_token_that_the_running_node_honours() throws Exception {
        assertThat(admin("create-org", "--id", "anama", "--source", "anama", "--name", "ANAMA").code()).isZero();
        Run created = adminWithInput("correct horse battery\n", "create-user", "--org", "anama", "--username", "alice",
                "--role", "reporter", "--password-stdin");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(admin("grant", "--user", "alice", "--role", "verifier").code()).isZero();
        Run token = admin("token", "create", "--user", "alice", "--name", "tablet", "--days", "30");
        assertThat(token.code()).as(token.err()).isZero();
        Matcher m = Pattern.compile("truce_[a-z2-7]{10}_[A-Za-z0-9_-]{43}").matcher(token.out());
        assertThat(m.find()).isTrue();

        Principal byToken = node.accounts().authenticateToken(m.group()).orElseThrow();
        assertThat(byToken.grants()).containsExactlyInAnyOrder(new Grant(Role.REPORTER, "anama"), new Grant(Role.VERIFIER, "anama"));
        assertThat(node.accounts().signIn("alice", "correct horse battery".toCharArray(), "192.0.2.1")).isInstanceOf(SignIn.Ok.class);
        assertThat(node.audit().read(null, 0, 100)).extracting(AuditRecord::action)
                .contains("org.created", "account.created", "grant", "token.created");
        assertThat(node.audit().verify().ok()).isTrue();
        assertThat(admin("list").out()).contains("alice");
        assertThat(dir.resolve("admin-data")).as("admin --db writes nothing to --data").doesNotExist();
        try (Stream<Path> files = Files.list(dir.resolve("node"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".db"));
        }
    }

    @Test
    void a_source_missing_from_the_shared_ledger_is_refused() {
        Run run = admin("create-org", "--id", "ghost", "--source", "no-such-source", "--name", "Ghost");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("source no-such-source is not in the ledger's catalog of the shared database");
    }

    @Test
    void a_malformed_database_url_is_refused_naming_the_option() {
        Run run = adminAt("mysql://x@h/db", "list");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db: the database URL must start with postgresql://");
    }

    private Run admin(String... args) {
        return adminWithInput("", args);
    }

    private Run adminWithInput(String stdin, String... args) {
        return run(stdin, database.url(), args);
    }

    private Run adminAt(String url, String... args) {
        return run("", url, args);
    }

    private Run run(String stdin, String url, String... args) {
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
        String[] full = new String[args.length + 5];
        full[0] = "admin";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--data";
        full[args.length + 2] = dir.resolve("admin-data").toString();
        full[args.length + 3] = "--db";
        full[args.length + 4] = url;
        int code = cli.execute(full);
        return new Run(code, out.toString(), err.toString());
    }
}
