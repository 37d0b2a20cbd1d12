package org.retort.examples.blog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.retort.examples.blog.Views.BatchView;
import org.retort.examples.blog.Views.PostView;
import org.retort.examples.blog.Views.UserView;
import org.retort.orm.Orm;
import org.retort.orm.Session;
import org.retort.spring.TransactionalSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and posts, each method one Spring transaction on one Retort session. */
@Service
public class BlogService {
    private final TransactionalSession sessions;
    private final PostWriter writer;

    BlogService(TransactionalSession sessions, PostWriter writer) {
        this.sessions = sessions;
        this.writer = writer;
    }

    /**
     * Creates a user.
     *
     * @param name the name
     * @return the user
     */
    @Transactional
    public UserView createUser(String name) {
        User user = new User(name);
        sessions.get().add(user);
        sessions.get().flush();                               // the INSERT gives the key
        return view(sessions.get(), user);
    }

    /**
     * Finds a user with their posts.
     *
     * @param id the key
     * @return the user, if there is one
     */
    @Transactional
    public Optional<UserView> user(long id) {
        Session session = sessions.get();
        return Optional.ofNullable(session.get(User.class, id)).map(u -> view(session, u));
    }

    /**
     * Renames a user: a plain assignment, written when Spring commits.
     *
     * @param id the key
     * @param name the new name
     * @return the user, if there is one
     */
    @Transactional
    public Optional<UserView> rename(long id, String name) {
        Session session = sessions.get();
        User user = session.get(User.class, id);
        if (user == null) {
            return Optional.empty();
        }
        user.name = name;
        return Optional.of(view(session, user));
    }

    /**
     * Deletes a user and their posts.
     *
     * @param id the key
     * @return true when there was such a user
     */
    @Transactional
    public boolean deleteUser(long id) {
        Session session = sessions.get();
        User user = session.get(User.class, id);
        if (user == null) {
            return false;
        }
        for (Post post : posts(session, id)) {
            session.delete(post);
        }
        session.flush();                                      // posts first: they reference the user
        session.delete(user);
        return true;
    }

    /**
     * Adds posts all or nothing: a rejected title after some inserts rolls the whole transaction back.
     *
     * @param userId the author
     * @param titles the titles
     * @return the posts
     */
    @Transactional
    public List<PostView> addPosts(long userId, List<String> titles) {
        Session session = sessions.get();
        requireUser(session, userId);
        List<Post> added = new ArrayList<>();
        for (String title : titles) {
            Post post = new Post(userId, title);
            session.add(post);
            session.flush();
            if (title.isBlank()) {
                throw new RejectedPostException("post " + (added.size() + 1) + " has no title; nothing was saved");
            }
            added.add(post);
        }
        return added.stream().map(p -> new PostView(p.id, p.title)).toList();
    }

    /**
     * Adds posts one savepoint each: rejected ones are rolled back alone, the others kept.
     *
     * @param userId the author
     * @param titles the titles
     * @return what was written and what was rejected
     */
    @Transactional
    public BatchView addPostsBestEffort(long userId, List<String> titles) {
        requireUser(sessions.get(), userId);
        sessions.get().flush();                               // nothing pending when the savepoints begin
        List<PostView> written = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String title : titles) {
            try {
                Post post = writer.write(userId, title);
                written.add(new PostView(post.id, post.title));
            } catch (RejectedPostException e) {
                rejected.add(title);
            }
        }
        return new BatchView(written, rejected);
    }

    private static void requireUser(Session session, long userId) {
        if (session.get(User.class, userId) == null) {
            throw new RejectedPostException("there is no user " + userId);
        }
    }

    private static List<Post> posts(Session session, long userId) {
        return session.scalars(Orm.select(Post.class).where(Post_.userId.eq(userId)).orderBy(Post_.id)).all();
    }

    private static UserView view(Session session, User user) {
        List<PostView> posts = posts(session, user.id).stream().map(p -> new PostView(p.id, p.title)).toList();
        return new UserView(user.id, user.name, posts);
    }
}
