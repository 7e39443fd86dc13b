package org.truce.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.truce.accounts.IssuedToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code truce admin token create|revoke}: personal API tokens for field apps. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create or revoke personal API tokens.",
        subcommands = {AdminTokens.Create.class, AdminTokens.Revoke.class})
final class AdminTokens implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a token; it is printed once and never again.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        AdminCommand.DataDir dir;

        @Option(names = "--user", required = true, description = "Username of the token's owner.")
        String user;
        @Option(names = "--name", required = true, description = "A label to recognise the token by (device, app).")
        String name;
        @Option(names = "--days", defaultValue = "90", description = "Days until it expires, 1 to 366 (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            if (days < 1 || days > 366) return AdminCommand.fail(spec, "--days must be 1 to 366 (got " + days + ")", 2);
            return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
                IssuedToken token = accounts.createToken(user, name, Duration.ofDays(days));
                AdminCommand.audit(dir, null, "token.created", token.id(), "for " + user + ": " + name + ", expires " + token.expiresAt());
                out.println("Token " + token.id() + " for " + user + ", expires " + token.expiresAt() + ":");
                out.println(token.text());
                out.println("It will not be shown again: give it to its owner now. Revoke it with: truce admin token revoke --id "
                        + token.id());
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token; a running server refuses it at once.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        AdminCommand.DataDir dir;

        @Option(names = "--id", required = true, description = "Token id (the part after truce_).")
        String id;

        @Override
        public Integer call() {
            return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
                boolean revoked = accounts.revokeToken(id);
                if (revoked) AdminCommand.audit(dir, null, "token.revoked", id, null);
                out.println(revoked ? "Revoked token " + id + "." : "No live token " + id + "; nothing changed.");
            });
        }
    }
}
