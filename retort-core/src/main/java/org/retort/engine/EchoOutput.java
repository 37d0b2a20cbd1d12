package org.retort.engine;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;

/**
 * Where the SQL echo goes. Through SLF4J (logger {@code org.retort.engine}) when a provider is bound and logs
 * that logger at the line's level; otherwise straight to standard output, as SQLAlchemy's {@code echo=True}
 * installs its own stream handler. So {@code echo(true)} is never silent: not with no SLF4J provider on the
 * class path (SLF4J's no-operation fallback reports every level off), and not under a WARN root logger.
 */
final class EchoOutput {
    /** The logger the echo writes to, {@code org.retort.engine}. */
    static final String LOGGER_NAME = "org.retort.engine";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private EchoOutput() {
    }

    /** Writes a statement, parameter or transaction line at INFO. */
    static void info(Logger log, String line) {
        if (log.isInfoEnabled()) {
            log.info(line);
        } else {
            print("INFO", line);
        }
    }

    /** Writes a result-row line at DEBUG (the {@code echo("debug")} level). */
    static void debug(Logger log, String line) {
        if (log.isDebugEnabled()) {
            log.debug(line);
        } else {
            print("DEBUG", line);
        }
    }

    private static void print(String level, String line) {
        // the logger's own name: SLF4J's no-operation logger calls itself "NOP"
        PrintStream out = System.out;
        out.println(LocalDateTime.now().format(TIME) + " " + level + " " + LOGGER_NAME + " " + line);
    }
}
