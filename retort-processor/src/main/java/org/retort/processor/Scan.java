package org.retort.processor;

/**
 * The outcome of scanning one {@code @Entity} class: a model to write, a failure (already reported as errors),
 * or a retry in the next round because a type it uses does not exist yet (another processor may generate it).
 *
 * @param model the model, or null
 * @param retry true when the class should be scanned again next round
 * @param missing for a retry, what could not be resolved (for the message if no later round resolves it)
 */
record Scan(EntityModel model, boolean retry, String missing) {
    static Scan of(EntityModel model) {
        return new Scan(model, false, null);
    }

    static Scan failed() {
        return new Scan(null, false, null);
    }

    static Scan retryLater(String missing) {
        return new Scan(null, true, missing);
    }
}
