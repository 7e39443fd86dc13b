package org.truce.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs {@code truce} commands in this JVM as the launcher would, capturing what they print: stdout,
 * and stderr with the message of an exception a command threw (the exit code is then 2).
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        String[] failure = {""};
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).setErr(new PrintWriter(picocliErr, true))
                    .setExecutionExceptionHandler((e, c, parsed) -> {
                        failure[0] = String.valueOf(e.getMessage()) + "\n";
                        return 2;
                    })
                    .execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8),
                    failure[0] + picocliErr + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Text without the signature lines of signed notes ({@code — name base64}): each node signs with its own key. */
    static String unsigned(String text) {
        return text.replaceAll("(?m)^\u2014 \\S+ [A-Za-z0-9+/=]+\\R", "");
    }
}
