package org.retort.bench.harness;

/**
 * A variant produced a wrong answer (a row count, a key count or a checksum that does not match): the run fails,
 * so a fast wrong result can never be reported as a measurement.
 */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found, naming workload and variant
     */
    public VerificationException(String message) {
        super(message);
    }
}
