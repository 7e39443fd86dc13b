package org.truce.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code truce} command line: serve, bulletin, verify, witness, export, import, demo, bench, admin, mirror. */
@Command(name = "truce", mixinStandardHelpOptions = true, version = "truce 0.1.0",
        description = "The joint, verifiable record of a ceasefire and its settlement.",
        subcommands = {ServeCommand.class, BulletinCommand.class, MapCommand.class, VerifyCommand.class, WitnessCommand.class, ExportCommand.class, ImportCommand.class, ExtractCommand.class, DemoCommand.class,
                BenchCommand.class, AdminCommand.class, MirrorCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setExecutionExceptionHandler(Main::failed).execute(args);
        if (code != 0 || !(ServeCommand.serving() || WitnessCommand.serving())) System.exit(code);
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("truce: " + e.getMessage());
        return e instanceof IllegalStateException || e instanceof IllegalArgumentException ? 2 : 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
