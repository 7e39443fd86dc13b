package org.truce.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.truce.app.Truce;
import org.truce.ledger.AppendResult;
import org.truce.ledger.BodyKeys;
import org.truce.record.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce admin body-key}: a body's own Ed25519 key, recorded in the ledger (registration, rotation,
 * revocation). Unlike the other admin commands it writes the ledger, so it opens the node's data
 * directory and takes its lock: stop the server first, or use {@code POST /api/v1/admin/body-keys}.
 */
@Command(name = "body-key", mixinStandardHelpOptions = true,
        description = "Register, rotate or revoke a body's own signing key (a ledger entry; the server must be stopped, or use the API).",
        subcommands = {AdminBodyKeys.Register.class, AdminBodyKeys.Revoke.class, AdminBodyKeys.ListKeys.class})
final class AdminBodyKeys implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Where {
        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;
    }

    static String author() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Prints the outcome: the entry written (or found, on a retry), or each refusal with its field. */
    static int answer(CommandLine.Model.CommandSpec spec, Outcome outcome, String done) {
        if (outcome instanceof Outcome.Refused r) {
            r.violations().forEach(v -> spec.commandLine().getErr().println(spec.qualifiedName() + ": " + v.pointer().substring(1) + " " + v.detail()));
            spec.commandLine().getErr().flush();
            return 2;
        }
        AppendResult result = ((Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) return AdminCommand.fail(spec, "the entry's id is taken by other content", 2);
        var o = a.outcomes().get(0);
        System.out.println(done + (o.created() ? " at seq " : " (already at seq ") + o.entry().seq() + (o.created() ? "." : ")."));
        return 0;
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a body's Ed25519 public key; a body that has one rotates to the new key from this entry on.")
    static final class Register implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Option(names = "--body", required = true, description = "The catalog id of the body (a source).")
        String body;
        @Option(names = "--key", required = true, paramLabel = "FILE|KEY", description = "The public key: a verifier key"
                + " <body>+<key id>+<base64(0x01 ‖ key)>, or the 32-byte raw key in base64, or a file holding either.")
        String key;

        @Override
        public Integer call() {
            String text = KeyArgument.text(key);
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(where.data, Clock.systemUTC(), bar)) {
                Outcome outcome = truce.bodyKeyRecorder().register(body, text, author());
                String keyId = truce.ledger().bodyKeys().current(body).map(k -> k.keyId()).orElse("?");
                return answer(spec, outcome, "Registered key " + keyId + " of " + body);
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a body's current key: from this entry on it signs nothing until it registers another.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Option(names = "--body", required = true, description = "The catalog id of the body.")
        String body;
        @Option(names = "--key-id", required = true, description = "The key id (8 hex digits) of its current key.")
        String keyId;
        @Option(names = "--reason", required = true, description = "Why it is revoked (public, in the ledger).")
        String reason;

        @Override
        public Integer call() {
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(where.data, Clock.systemUTC(), bar)) {
                return answer(spec, truce.bodyKeyRecorder().revoke(body, keyId, reason, author()), "Revoked key " + keyId + " of " + body);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every body's keys and the ledger positions each is valid for.")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.Mixin
        Where where;

        @Override
        public Integer call() {
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(where.data, Clock.systemUTC(), bar)) {
                BodyKeys keys = truce.ledger().bodyKeys();
                for (String body : keys.bodies()) {
                    for (BodyKeys.Period p : keys.history(body)) {
                        String until = p.open() ? "current" : "until seq " + p.until() + (p.reason() == null ? " (rotated)" : " (revoked: " + p.reason() + ")");
                        System.out.println(body + "\t" + p.key().keyId() + "\tafter seq " + p.from() + "\t" + until + "\t" + p.key().verifierKey());
                    }
                }
            }
            return 0;
        }
    }
}
