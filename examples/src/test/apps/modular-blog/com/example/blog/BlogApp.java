package com.example.blog;

import static org.retort.orm.Orm.select;

import java.util.List;
import org.retort.engine.Engine;
import org.retort.orm.Registry;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;
import org.retort.orm.loading.Load;

/** Maps, creates the tables, commits a graph, loads it back with selectinload and prints it. */
public final class BlogApp {
    private BlogApp() {
    }

    /**
     * Runs the application.
     *
     * @param args the SQLite database file
     */
    public static void main(String[] args) {
        System.out.println("Running in " + BlogApp.class.getModule());
        try (Engine engine = Engine.create("sqlite:///" + args[0])) {
            Registry registry = Registry.of(Author.class, Post.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.builder(engine).registry(registry).build();
            try (Session session = sessions.open()) {
                session.addAll(List.of(
                        new Author("ada").write(new Post("Notes on the Analytical Engine")).write(new Post("Bernoulli")),
                        new Author("grace").write(new Post("Compilers"))));
                session.commit();
            }
            try (Session session = sessions.open()) {
                for (Author a : session.scalars(select(Author.class).options(Load.selectinload(Author_.posts))
                        .orderBy(Author_.name)).all()) {
                    for (Post p : a.posts()) {
                        System.out.println(a.name() + " #" + a.id() + ": " + p.title() + " (author_id "
                                + p.authorId() + ", back-reference " + (p.author() == a) + ")");
                    }
                }
                Post compilers = session.scalars(select(Post.class).where(Post_.author.has(Author_.name.eq("grace"))))
                        .one();
                System.out.println("Grace wrote: " + compilers.title());
            }
            try (Session session = sessions.open()) {
                Author ada = session.scalars(select(Author.class).where(Author_.name.eq("ada"))).one();
                System.out.println("Lazily loaded: " + ada.posts().size() + " posts of " + ada.name());
                ada.rename("Ada Lovelace");
                ada.posts().removeIf(p -> p.title().equals("Bernoulli"));    // an orphan: deleted at commit
                session.commit();
            }
            try (Session session = sessions.open()) {
                for (Post p : session.scalars(select(Post.class).orderBy(Post_.title)).all()) {
                    System.out.println("After update: " + p.title() + " by " + p.author().name());
                }
            }
        }
    }
}
