package org.retort.examples.blog;

/** A post the blog refuses; the web layer answers 422 with the message. */
public class RejectedPostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RejectedPostException(String message) {
        super(message);
    }
}
