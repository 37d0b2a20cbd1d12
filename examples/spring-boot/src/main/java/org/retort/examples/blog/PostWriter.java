package org.retort.examples.blog;

import org.retort.spring.TransactionalSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes one post under a savepoint of the caller's transaction (a bean of its own, so the proxy applies NESTED). */
@Service
public class PostWriter {
    private final TransactionalSession sessions;

    PostWriter(TransactionalSession sessions) {
        this.sessions = sessions;
    }

    /**
     * Inserts the post, then checks it: a rejected post is rolled back to the savepoint, the caller's work stays.
     *
     * @param userId the author
     * @param title the title
     * @return the post written
     */
    @Transactional(propagation = Propagation.NESTED)
    public Post write(long userId, String title) {
        Post post = new Post(userId, title);
        sessions.get().add(post);
        sessions.get().flush();                               // the INSERT runs inside the savepoint
        if (title.toLowerCase(java.util.Locale.ROOT).contains("spam")) {
            throw new RejectedPostException("post '" + title + "' looks like spam");
        }
        return post;
    }
}
