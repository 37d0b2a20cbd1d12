package org.retort.migrate.cli;

import java.io.PrintStream;
import org.retort.migrate.ProgressListener;
import org.retort.migrate.RevisionScript;

/**
 * Draws migration progress on the terminal: one line per revision with a bar of the run so far, and, on an
 * interactive console, the running operation redrawn in place; {@code --verbose} echoes each SQL statement.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean verbose;
    private final boolean interactive;
    private int total;
    private boolean pending;

    ConsoleProgress(PrintStream out, boolean verbose, boolean interactive) {
        this.out = out;
        this.verbose = verbose;
        this.interactive = interactive;
    }

    static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
    }

    @Override
    public void runStarted(boolean upgrade, int count) {
        this.total = count;
        if (count == 0) {
            out.println("Nothing to " + (upgrade ? "upgrade" : "downgrade") + ": the database is already there.");
        }
    }

    @Override
    public void revisionStarted(RevisionScript revision, int i, int count, boolean upgrade) {
        total = count;
        endLine();
        out.println(bar(i - 1, count) + "  " + (upgrade ? "upgrade -> " : "downgrade <- ") + revision);
    }

    @Override
    public void operationStarted(RevisionScript revision, String operation) {
        if (interactive && !verbose) {
            String line = "    " + operation;
            out.print("\r" + (line.length() > 100 ? line.substring(0, 97) + "..." : String.format("%-100s", line)));
            pending = true;
        } else {
            out.println("    " + operation);
        }
    }

    @Override
    public void sql(String sql) {
        if (verbose) {
            out.println("      " + sql.replace("\n", "\n      "));
        }
    }

    @Override
    public void revisionFinished(RevisionScript revision, int i, int count) {
        endLine();
    }

    @Override
    public void runFinished(int applied) {
        endLine();
        if (applied > 0) {
            out.println(bar(total, total) + "  done, " + applied + " revision(s)");
        }
    }

    private void endLine() {
        if (pending) {
            out.print("\r" + " ".repeat(104) + "\r");
            pending = false;
        }
    }
}
