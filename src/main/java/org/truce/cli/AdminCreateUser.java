package org.truce.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.truce.accounts.Account;
import org.truce.accounts.AccountRefused;
import org.truce.accounts.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates an account. The password never appears on the command line (where {@code ps} and shell
 * history would show it): it is typed twice on the console, or read as one line from standard input
 * with {@code --password-stdin}. Standard input is injectable for tests.
 */
@Command(name = "create-user", mixinStandardHelpOptions = true, description = "Create an account in an organisation.")
final class AdminCreateUser implements Callable<Integer> {
    private static final int MAX_CHARS = 4096;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    AdminCommand.DataDir dir;

    @Option(names = "--org", required = true, description = "Organisation id.")
    String org;
    @Option(names = "--username", required = true, description = "Username: 3 to 64 characters a-z, 0-9, '.', '_', '-'.")
    String username;
    @Option(names = "--role", description = "Role in the organisation; repeat for several.")
    List<String> roles = new ArrayList<>();
    @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
    boolean passwordStdin;

    private final InputStream stdin;

    AdminCreateUser() {
        this(System.in);
    }

    AdminCreateUser(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        try {
            for (String r : roles) wanted.add(AdminCommand.role(r));
        } catch (AccountRefused e) {
            return AdminCommand.fail(spec, e.getMessage(), 2);
        }
        char[] password;
        try {
            password = passwordStdin ? readLine(stdin) : askTwice();
        } catch (IllegalStateException e) {
            return AdminCommand.fail(spec, e.getMessage(), 2);
        }
        return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
            Account account = accounts.createUser(org, username, password, wanted); // clears the password
            AdminCommand.audit(dir, account.orgId(), "account.created", account.id(), "roles " + wanted.stream().map(Role::wireName).toList());
            out.println("Created account " + account.username() + " (" + account.id() + ") in " + account.orgId()
                    + (wanted.isEmpty() ? " with no roles." : " with roles " + wanted.stream().map(Role::wireName).toList() + "."));
        });
    }

    private static char[] askTwice() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("no console to ask for the password; pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("Password (at least 12 characters): ");
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || second == null) throw new IllegalStateException("no password was entered");
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new IllegalStateException("the two passwords differ");
        }
        return first;
    }

    /** One line of UTF-8 without the line end, read into a char array rather than an immutable String. */
    static char[] readLine(InputStream in) {
        char[] buffer = new char[MAX_CHARS];
        int n = 0;
        try {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                if (n == buffer.length) throw new IllegalStateException("the password on standard input is too long");
                buffer[n++] = (char) c;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the password from standard input", e);
        }
        if (n > 0 && buffer[n - 1] == '\r') n--;
        char[] line = Arrays.copyOf(buffer, n);
        Arrays.fill(buffer, '\0');
        if (line.length == 0) throw new IllegalStateException("no password on standard input");
        return line;
    }
}
