package io.weir.executor.connector.print;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the print connector writes its lines. Implementations are thread-safe (subtasks share one). */
interface PrintTarget {

    /** False when nothing would be written (the log level is off), so rows need not be formatted. */
    boolean isEnabled();

    void println(String line);

    /** The server's log: logger {@code io.weir.executor.connector.print.PrintSinkOperator} at INFO. */
    static PrintTarget log() {
        Logger logger = LoggerFactory.getLogger(PrintSinkOperator.class);
        return new PrintTarget() {
            @Override
            public boolean isEnabled() {
                return logger.isInfoEnabled();
            }

            @Override
            public void println(String line) {
                logger.info("{}", line);
            }
        };
    }

    /** The process's standard error stream, as Flink's {@code 'standard-error' = 'true'}. */
    static PrintTarget standardError() {
        return new PrintTarget() {
            @Override
            public boolean isEnabled() {
                return true;
            }

            @Override
            public void println(String line) {
                // Read System.err on every call: a redirection made after planning still applies.
                System.err.println(line);
            }
        };
    }
}
