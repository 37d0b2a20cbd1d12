package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.orm.GraphModel.Author;
import org.retort.orm.GraphModel.Author_;
import org.retort.orm.GraphModel.Comment;
import org.retort.orm.GraphModel.Comment_;
import org.retort.orm.GraphModel.Node;
import org.retort.orm.GraphModel.Node_;
import org.retort.orm.GraphModel.Post;
import org.retort.orm.GraphModel.Post_;
import org.retort.orm.GraphModel.Setting;
import org.retort.orm.GraphModel.Tag;
import org.retort.orm.GraphModel.Tag_;
import org.retort.orm.GraphModel.Widget;
import org.retort.orm.GraphModel.WidgetEntry;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;
import org.retort.orm.loading.Load;
import org.retort.sql.Cte;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Relationships: mapping, cascades, the flush of object graphs, and loading, on every backend. */
class RelationshipTest {

    record Fixture(Engine engine, SessionFactory factory, StatementLog log) {
        Session open() {
            return factory.open();
        }

        /** Commits the {@link #blog()} graph. */
        void seedBlog() {
            try (Session session = open()) {
                session.add(blog());
                session.commit();
            }
        }

        long count(String table) {
            try (Connection c = engine.connect()) {
                return ((Number) c.execute(text("SELECT count(*) FROM " + table)).scalar()).longValue();
            }
        }
    }

    static Fixture setUp(TestDatabase db) {
        Engine engine = db.engine();
        Registry registry = GraphModel.registry();
        registry.metadata().createAll(engine);
        return new Fixture(engine, SessionFactory.builder(engine).registry(registry).build(), StatementLog.on(engine));
    }

    private static Author blog() {
        Author a = new Author("ada");
        Post p1 = new Post("engines");
        Post p2 = new Post("analytics");
        p1.comments.add(new Comment("first!"));
        p1.comments.add(new Comment("nice"));
        p2.comments.add(new Comment("hmm"));
        Tag math = new Tag("math");
        Tag history = new Tag("history");
        p1.tags.add(math);
        p1.tags.add(history);
        p2.tags.add(math);
        a.posts.add(p1);
        a.posts.add(p2);
        return a;
    }

    @BackendTest
    void aGraphOfThreeLevelsIsCommittedInOneStepWithKeysCopiedIntoChildren(TestDatabase db) {
        Fixture f = setUp(db);
        Author a = blog();
        try (Session session = f.open()) {
            session.add(a); // save-update cascades reach posts, comments and tags
            f.log().clear();
            session.commit();
        }
        assertThat(f.count("author")).isEqualTo(1);
        assertThat(f.count("post")).isEqualTo(2);
        assertThat(f.count("comment")).isEqualTo(3);
        assertThat(f.count("tag")).isEqualTo(2);
        assertThat(f.count("post_tag")).isEqualTo(3);
        List<String> inserts = f.log().starting("INSERT");
        assertThat(inserts.get(0)).contains("author");
        assertThat(inserts.stream().filter(s -> s.contains("INSERT INTO post ")).count())
                .as("the two posts go in one statement").isEqualTo(1);
        assertThat(inserts.get(inserts.size() - 1)).contains("post_tag");
        Post p1 = a.posts.get(0);
        assertThat(p1.authorId).isEqualTo(a.id);
        assertThat(p1.comments.get(0).postId).isEqualTo(p1.id);
        assertThat(p1.comments.get(0).post).as("mirror reference set at flush").isSameAs(p1);
        assertThat(p1.author).isSameAs(a);
    }

    @BackendTest
    void loadStrategiesRunExactlyTheStatementsTheyPromise(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            for (int i = 0; i < 100; i++) {
                Author a = new Author("author" + i);
                a.posts.add(new Post("p" + i + "a"));
                a.posts.add(new Post("p" + i + "b"));
                session.add(a);
            }
            session.commit();
        }
        // lazily: one query for the authors, one per author's posts
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class)).all();
            int posts = 0;
            for (Author a : authors) {
                posts += a.posts.size();
            }
            assertThat(posts).isEqualTo(200);
            assertThat(f.log().count()).isEqualTo(101);
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class)
                    .options(Load.selectinload(Author_.posts))).all();
            int posts = 0;
            for (Author a : authors) {
                posts += a.posts.size();
                assertThat(a.posts.get(0).author).isSameAs(a);
            }
            assertThat(posts).isEqualTo(200);
            assertThat(f.log().count()).as(f.log().all().toString()).isEqualTo(2);
            assertThat(f.log().all().get(1)).contains(" IN (");
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class)
                    .options(Load.joinedload(Author_.posts))).all();
            assertThat(authors).hasSize(100).doesNotHaveDuplicates();
            int posts = 0;
            for (Author a : authors) {
                posts += a.posts.size();
                assertThat(a.posts.get(0).title).isLessThan(a.posts.get(1).title); // orderBy = "title"
            }
            assertThat(posts).isEqualTo(200);
            assertThat(f.log().count()).isEqualTo(1);
            assertThat(f.log().all().get(0)).contains("LEFT OUTER JOIN post");
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class)
                    .options(Load.selectinload(Author_.posts).joinedload(Post_.comments))).all();
            int comments = 0;
            for (Author a : authors) {
                for (Post p : a.posts) {
                    comments += p.comments.size();
                }
            }
            assertThat(comments).isZero();
            assertThat(f.log().count()).as("a joinedload below a selectinload loads eagerly too: 3 statements")
                    .isEqualTo(3);
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class)
                    .options(Load.subqueryload(Author_.posts))).all();
            assertThat(authors.stream().mapToInt(a -> a.posts.size()).sum()).isEqualTo(200);
            assertThat(f.log().count()).isEqualTo(2);
        }
    }

    @BackendTest
    void selectinloadOfManyParentsRunsOneStatementPerBatchOf500Keys(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            for (int i = 0; i < 1_201; i++) {
                Author a = new Author(String.format("a%04d", i));
                a.posts.add(new Post("p" + i));
                if (i % 2 == 0) {
                    a.posts.add(new Post("q" + i));
                }
                session.add(a);
            }
            session.commit();
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> authors = session.scalars(Orm.select(Author.class).orderBy(Author_.name)
                    .options(Load.selectinload(Author_.posts))).all();
            assertThat(f.log().count()).as("the authors, then 3 batches of at most 500 keys").isEqualTo(4);
            assertThat(authors).hasSize(1_201);
            for (int i = 0; i < authors.size(); i++) {
                Author a = authors.get(i);
                assertThat(a.posts).extracting(p -> p.title).as(a.name)
                        .containsExactlyElementsOf(i % 2 == 0 ? List.of("p" + i, "q" + i) : List.of("p" + i));
                assertThat(a.posts.get(0).author).isSameAs(a);
            }
        }
    }

    @BackendTest
    void joinedloadOfTwoCollectionsKeepsEachMemberOnceThroughTheirProduct(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            Post p = new Post("big");
            for (int i = 0; i < 30; i++) {
                p.comments.add(new Comment(String.format("c%02d", i)));
                p.tags.add(new Tag(String.format("t%02d", i)));
            }
            session.add(p);
            session.commit();
        }
        try (Session session = f.open()) {
            f.log().clear();
            Post p = session.scalars(Orm.select(Post.class)
                    .options(Load.joinedload(Post_.comments), Load.joinedload(Post_.tags))).one();
            assertThat(f.log().count()).as("both collections in one statement, 900 rows").isEqualTo(1);
            assertThat(p.comments).extracting(c -> c.body).hasSize(30).doesNotHaveDuplicates()
                    .startsWith("c00", "c01").endsWith("c29"); // orderBy = "id": the order they were added in
            assertThat(p.tags).extracting(t -> t.name).hasSize(30).doesNotHaveDuplicates();
        }
    }

    @BackendTest
    void joinedloadReturnsEachParentOnceWhenItsRowsAreNotTogether(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            for (int i = 0; i < 3; i++) {
                Author a = new Author("a" + i);
                a.posts.add(new Post("y"));
                a.posts.add(new Post("x"));
                session.add(a);
            }
            session.commit();
        }
        try (Session session = f.open()) {
            f.log().clear();
            // the collection's orderBy = "title" orders the joined rows x, x, x, y, y, y: each author comes back
            List<Author> authors = session.scalars(Orm.select(Author.class)
                    .options(Load.joinedload(Author_.posts))).all();
            assertThat(f.log().all().get(0)).contains("ORDER BY");
            assertThat(authors).extracting(a -> a.name).containsExactlyInAnyOrder("a0", "a1", "a2");
            for (Author a : authors) {
                assertThat(a.posts).extracting(p -> p.title).as(a.name).containsExactly("x", "y");
            }
        }
    }

    @BackendTest
    void joinedloadWithLimitCountsParentsNotJoinedRows(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            for (int i = 0; i < 5; i++) {
                Author a = new Author("a" + i);
                for (int k = 0; k < 3; k++) {
                    a.posts.add(new Post("t" + i + k));
                }
                session.add(a);
            }
            session.commit();
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Author> two = session.scalars(Orm.select(Author.class).orderBy(Author_.name.desc()).limit(2)
                    .options(Load.joinedload(Author_.posts))).all();
            assertThat(two).extracting(a -> a.name).containsExactly("a4", "a3");
            assertThat(two.get(0).posts).hasSize(3);
            assertThat(f.log().count()).isEqualTo(1);
        }
    }

    @BackendTest
    void raiseloadStrictModeAndDetachedAccessFailClearly(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class).options(Load.raiseload(Author_.posts))).one();
            assertThatThrownBy(() -> a.posts.size()).isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("'posts' of Author").hasMessageContaining("selectinload");
            assertThat(session.inspect(a).unloaded()).contains("posts");
        }
        SessionFactory strict = SessionFactory.builder(f.engine()).registry(f.factory().registry())
                .strictLoading(true).build();
        try (Session session = strict.open()) {
            Author a = session.scalars(Orm.select(Author.class)).one();
            assertThatThrownBy(() -> a.posts.isEmpty()).isInstanceOf(LazyLoadException.class);
            Author b = session.scalars(Orm.select(Author.class).populateExisting()
                    .options(Load.selectinload(Author_.posts))).one();
            assertThat(b.posts).hasSize(2);
        }
        Author detached;
        try (Session session = f.open()) {
            detached = session.scalars(Orm.select(Author.class)).one();
        }
        assertThatThrownBy(() -> detached.posts.size()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("'posts'");
    }

    @BackendTest
    void manyToOneIsAnsweredFromTheIdentityMapWithoutSql(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class)).one();
            f.log().clear();
            List<Post> posts = session.scalars(Orm.select(Post.class)).all();
            assertThat(posts).allSatisfy(p -> assertThat(p.author).isSameAs(a));
            assertThat(f.log().count()).as("only the posts' SELECT").isEqualTo(1);
        }
        try (Session session = f.open()) {
            f.log().clear();
            List<Post> posts = session.scalars(Orm.select(Post.class)).all();
            assertThat(posts.get(0).author).isSameAs(posts.get(1).author);
            assertThat(f.log().count()).as("the authors in one batched SELECT").isEqualTo(2);
        }
    }

    @BackendTest
    void childrenLoadedThroughTheirParentReferToItAndReloadedChildrenResolveAgain(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        for (boolean joined : List.of(false, true)) {
            try (Session session = f.open()) {
                f.log().clear();
                Author a = session.scalars(Orm.select(Author.class).options(joined
                        ? Load.joinedload(Author_.posts) : Load.selectinload(Author_.posts))).one();
                assertThat(a.posts).hasSize(2).allSatisfy(p -> assertThat(p.author).isSameAs(a));
                assertThat(session.inspect(a.posts.get(0)).isModified()).isFalse();
                assertThat(f.log().count()).as("joined: %s", joined).isEqualTo(joined ? 1 : 2);
            }
        }
        try (Session session = f.open()) {
            Author ada = session.scalars(Orm.select(Author.class).options(Load.selectinload(Author_.posts))).one();
            Author other = new Author("grace");
            session.add(other);
            session.commit(); // expires everything
            Post moved = ada.posts.get(0);
            session.connection().execute(text("UPDATE post SET author_id = :a WHERE id = :p"),
                    java.util.Map.of("a", other.id, "p", moved.id));
            // the post is reloaded by a query of posts: its reference follows the new foreign key
            List<Post> posts = session.scalars(Orm.select(Post.class).where(Post_.id.eq(moved.id))).all();
            assertThat(posts).containsExactly(moved);
            assertThat(moved.author).isSameAs(other);
        }
    }

    @BackendTest
    void manyToManyAddAndRemoveWriteTheAssociationTable(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Post engines = session.scalars(Orm.select(Post.class).where(Post_.title.eq("engines"))).one();
            Tag math = session.scalars(Orm.select(Tag.class).where(Tag_.name.eq("math"))).one();
            assertThat(engines.tags).extracting(t -> t.name).containsExactlyInAnyOrder("math", "history");
            f.log().clear();
            engines.tags.remove(math);
            assertThat(math.posts).as("loading after the change autoflushes it first").extracting(p -> p.title)
                    .containsExactly("analytics");
            Tag poetry = new Tag("poetry");
            engines.tags.add(poetry);
            assertThat(poetry.posts).as("mirror kept in sync in memory").containsExactly(engines);
            session.commit();
            assertThat(f.log().starting("DELETE")).hasSize(1).allMatch(s -> s.contains("post_tag"));
        }
        assertThat(f.count("post_tag")).isEqualTo(3);
        assertThat(f.count("tag")).isEqualTo(3);
        try (Session session = f.open()) {
            Post engines = session.scalars(Orm.select(Post.class).where(Post_.title.eq("engines"))
                    .options(Load.selectinload(Post_.tags))).one();
            assertThat(engines.tags).extracting(t -> t.name).containsExactlyInAnyOrder("history", "poetry");
            Tag history = engines.tags.stream().filter(t -> t.name.equals("history")).findFirst().orElseThrow();
            session.delete(history);
            session.commit();
        }
        assertThat(f.count("post_tag")).as("the deleted tag's association rows go with it").isEqualTo(2);
    }

    @BackendTest
    void deleteOrphanAndDeleteCascadeRemoveRows(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Post engines = session.scalars(Orm.select(Post.class).where(Post_.title.eq("engines"))).one();
            Comment first = engines.comments.get(0);
            engines.comments.remove(first);
            assertThat(first.post).as("back reference cleared in memory").isNull();
            session.commit();
            assertThat(session.inspect(first).isDetached()).isTrue();
        }
        assertThat(f.count("comment")).isEqualTo(2);
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class)).one();
            session.delete(a); // cascade all: posts, then their comments
            session.commit();
        }
        assertThat(f.count("author")).isZero();
        assertThat(f.count("post")).isZero();
        assertThat(f.count("comment")).isZero();
        assertThat(f.count("post_tag")).isZero();
        assertThat(f.count("tag")).as("tags are not owned by posts").isEqualTo(2);
    }

    @BackendTest
    void childrenMovedBetweenParentsAndNulledWithoutDeleteCascade(TestDatabase db) {
        Fixture f = setUp(db);
        Node root = new Node("root").add(new Node("a"), new Node("b"));
        Node other = new Node("other");
        try (Session session = f.open()) {
            session.add(root);
            session.add(other);
            session.commit();
        }
        try (Session session = f.open()) {
            Node r = session.scalars(Orm.select(Node.class).where(Node_.name.eq("root"))).one();
            Node o = session.scalars(Orm.select(Node.class).where(Node_.name.eq("other"))).one();
            Node a = r.children.get(0);
            o.children.add(a); // moves it: a.parent follows, and root's loaded collection loses it
            assertThat(a.parent).isSameAs(o);
            assertThat(r.children).extracting(n -> n.name).containsExactly("b");
            session.commit();
            assertThat(a.parentId).isEqualTo(o.id);
        }
        try (Session session = f.open()) {
            Node o = session.scalars(Orm.select(Node.class).where(Node_.name.eq("other"))).one();
            Node a = o.children.get(0);
            o.children.clear();
            session.commit();
            assertThat(a.parentId).as("removed without delete-orphan: foreign key set to NULL").isNull();
        }
        assertThat(f.count("node")).isEqualTo(4);
    }

    @BackendTest
    void anAdjacencyTreeOfDepthFiveFlushesParentsFirstAndLoadsByCteAndByLevels(TestDatabase db) {
        Fixture f = setUp(db);
        Node root = new Node("n0");
        Node cur = root;
        for (int depth = 1; depth <= 5; depth++) {
            Node left = new Node("n" + depth + "l");
            Node right = new Node("n" + depth + "r");
            cur.add(left, right);
            cur = left;
        }
        try (Session session = f.open()) {
            session.add(root);
            session.commit();
        }
        assertThat(f.count("node")).isEqualTo(11);
        try (Session session = f.open()) {
            // all descendants of the root by a recursive CTE, as objects
            Cte tree = Sql.select(Node_.id).where(Node_.name.eq("n0")).cte("tree", true);
            Cte full = tree.unionAll(Sql.select(Node_.id).where(Node_.parentId.eq(tree.c("id"))));
            List<Node> all = session.scalars(Orm.select(Node.class).where(Node_.id.in(Sql.select(full.c("id"))))
                    .orderBy(Node_.name)).all();
            assertThat(all).hasSize(11);
            f.log().clear();
            Node deepest = all.stream().filter(n -> n.name.equals("n5l")).findFirst().orElseThrow();
            int depth = 0;
            for (Node n = deepest; n.parent != null; n = n.parent) {
                depth++;
            }
            assertThat(depth).isEqualTo(5);
            assertThat(f.log().count()).as("parents answered from the identity map").isZero();
        }
        try (Session session = f.open()) {
            f.log().clear();
            Node r = session.scalars(Orm.select(Node.class).where(Node_.parentId.isNull()).options(
                    Load.selectinload(Node_.children).selectinload(Node_.children).selectinload(Node_.children)
                            .selectinload(Node_.children).selectinload(Node_.children))).one();
            assertThat(f.log().count()).as("one SELECT per level").isEqualTo(6);
            Node n = r;
            for (int d = 1; d <= 5; d++) {
                assertThat(n.children).hasSize(2);
                n = n.children.get(0);
            }
            assertThat(n.name).isEqualTo("n5l");
            assertThat(f.log().count()).isEqualTo(6);
        }
    }

    @BackendTest
    void rowsThatReferToEachOtherAreWrittenWithPostUpdate(TestDatabase db) {
        Fixture f = setUp(db);
        Widget w = new Widget();
        w.name = "w";
        WidgetEntry e1 = new WidgetEntry("e1");
        WidgetEntry e2 = new WidgetEntry("e2");
        w.entries.add(e1);
        w.entries.add(e2);
        w.favorite = e2;
        try (Session session = f.open()) {
            session.add(w);
            f.log().clear();
            session.commit();
            List<String> sql = f.log().all();
            assertThat(sql.get(sql.size() - 1)).startsWith("UPDATE widget SET favorite_entry_id");
        }
        assertThat(w.favoriteEntryId).isEqualTo(e2.id);
        assertThat(e1.widgetId).isEqualTo(w.id);
        try (Session session = f.open()) {
            Widget loaded = session.get(Widget.class, w.id);
            assertThat(loaded.favorite.name).isEqualTo("e2");
            assertThat(loaded.favorite.widget).isSameAs(loaded);
        }
    }

    @BackendTest
    void relationshipComparatorsAndJoinsAlongRelationships(TestDatabase db) {
        Fixture f = setUp(db);
        try (Session session = f.open()) {
            session.add(blog());
            Author bob = new Author("bob");
            bob.posts.add(new Post("cooking"));
            session.add(bob);
            session.commit();
        }
        try (Session session = f.open()) {
            List<String> withMath = session.scalars(Orm.select(Author.class)
                    .where(Author_.posts.any(Post_.tags.any(Tag_.name.eq("math"))))).all()
                    .stream().map(a -> a.name).toList();
            assertThat(withMath).containsExactly("ada");
            List<Post> byBob = session.scalars(Orm.select(Post.class)
                    .where(Post_.author.has(Author_.name.eq("bob")))).all();
            assertThat(byBob).extracting(p -> p.title).containsExactly("cooking");
            Author ada = session.scalars(Orm.select(Author.class).where(Author_.name.eq("ada"))).one();
            assertThat(session.scalars(Orm.select(Post.class).where(Post_.author.eq(ada)).orderBy(Post_.title))
                    .all()).extracting(p -> p.title).containsExactly("analytics", "engines");
            Post cooking = byBob.get(0);
            assertThat(session.scalars(Orm.select(Author.class).where(Author_.posts.contains(cooking))).one().name)
                    .isEqualTo("bob");
            List<Object> titles = session.execute(Orm.select(Author_.name, Post_.title).join(Author_.posts)
                    .join(Post_.tags).where(Tag_.name.eq("history"))).all().stream().map(r -> r.get(1)).toList();
            assertThat(titles).containsExactly("engines");
        }
    }

    @BackendTest
    void mapCollectionsAreKeyedByAnAttribute(TestDatabase db) {
        Fixture f = setUp(db);
        Author a = new Author("ada");
        a.settings.put("theme", new Setting("theme", "dark"));
        a.settings.put("lang", new Setting("lang", "en"));
        try (Session session = f.open()) {
            session.add(a);
            session.commit();
        }
        try (Session session = f.open()) {
            Author loaded = session.scalars(Orm.select(Author.class).options(Load.selectinload(Author_.settings)))
                    .one();
            assertThat(loaded.settings.get("theme").value).isEqualTo("dark");
            loaded.settings.remove("lang");
            session.commit();
        }
        assertThat(f.count("setting")).isEqualTo(1);
    }

    @BackendTest
    void rollbackPutsReferencesBackAndCollectionsReloadOnAccess(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class)).one();
            Post p = a.posts.get(0);
            a.posts.add(new Post("draft"));
            Author other = new Author("other");
            p.author = other;
            session.flush();
            session.rollback();
            assertThat(p.author).isSameAs(a);
            assertThat(a.posts).hasSize(2);
        }
        assertThat(f.count("post")).isEqualTo(2);
        assertThat(f.count("author")).isEqualTo(1);
    }

    @BackendTest
    void aFailedFlushOfAGraphLeavesTheDatabaseAndObjectsUnchanged(TestDatabase db) {
        Fixture f = setUp(db);
        Author a = new Author("ada");
        Post p = new Post("ok");
        Post bad = new Post(null); // title is NOT NULL
        a.posts.add(p);
        a.posts.add(bad);
        try (Session session = f.open()) {
            session.add(a);
            assertThatThrownBy(session::commit).isInstanceOf(org.retort.exc.IntegrityError.class);
            session.rollback();
            assertThat(a.id).isNull();
            assertThat(p.authorId).isNull();
            assertThat(session.inspect(p).isTransient()).isTrue();
        }
        assertThat(f.count("author")).isZero();
        assertThat(f.count("post")).isZero();
    }

    @BackendTest
    void containsEagerFillsCollectionsFromTheQuerysOwnJoin(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            f.log().clear();
            List<Post> posts = session.scalars(Orm.select(Post.class).join(Post_.comments)
                    .where(Comment_.body.eq("nice")).options(Load.containsEager(Post_.comments))).all();
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).comments).extracting(c -> c.body).as("only the joined rows").containsExactly("nice");
            assertThat(f.log().count()).as("the posts with their comments, then their authors in one batch")
                    .isEqualTo(2);
            assertThat(f.log().all().get(0)).contains("JOIN comment");
        }
    }

    @BackendTest
    void loaderCriteriaFilterTheQueryAndEveryRelationshipLoad(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        for (LoaderOptionCase c : List.of(new LoaderOptionCase(Load.selectinload(Author_.posts)),
                new LoaderOptionCase(Load.joinedload(Author_.posts)), new LoaderOptionCase(null))) {
            try (Session session = f.open()) {
                OrmSelect<Author> q = Orm.select(Author.class);
                q = c.option() == null ? q.options(Load.withLoaderCriteria(Post.class, Post_.title.ne("engines")))
                        : q.options(c.option(), Load.withLoaderCriteria(Post.class, Post_.title.ne("engines")));
                Author a = session.scalars(q).one();
                assertThat(a.posts).as(String.valueOf(c.option())).extracting(p -> p.title)
                        .containsExactly("analytics");
            }
        }
        try (Session session = f.open()) {
            assertThat(session.scalars(Orm.select(Post.class)
                    .options(Load.withLoaderCriteria(Post.class, Post_.title.eq("engines")))).all()).hasSize(1);
        }
    }

    record LoaderOptionCase(org.retort.orm.loading.LoaderOption option) {
    }

    @BackendTest
    void attributesExpireAndRefreshOneByOne(TestDatabase db) {
        Fixture f = setUp(db);
        f.seedBlog();
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class).options(Load.selectinload(Author_.posts))).one();
            assertThat(a.posts).hasSize(2);
            session.execute(text("UPDATE author SET name = 'lovelace'")); // changes the ORM does not see
            session.execute(text("INSERT INTO post (title, author_id) VALUES ('notes', :a)"), java.util.Map.of("a", a.id));
            a.name = "changed locally";
            f.log().clear();
            session.refresh(a, "name");
            assertThat(a.name).isEqualTo("lovelace");
            assertThat(f.log().all()).hasSize(1).allMatch(sql -> sql.startsWith("SELECT author.name FROM"));
            assertThat(a.posts).as("not refreshed").hasSize(2);
            session.expire(a, "posts");
            assertThat(session.inspect(a).unloaded()).containsExactly("posts", "settings");
            assertThat(a.posts).hasSize(3);
            session.commit();
        }
    }

    @Entity(table = "article")
    static class Article {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40)
        String title;
        @MappedColumn(deferred = true)
        String body;
        @MappedColumn(length = 40)
        String summary;
    }

    static final class Article_ {
        static final org.retort.orm.metamodel.ColumnAttribute<Article, String> title =
                org.retort.orm.metamodel.ColumnAttribute.of(Article.class, "title", String.class);
        static final org.retort.orm.metamodel.ColumnAttribute<Article, String> body =
                org.retort.orm.metamodel.ColumnAttribute.of(Article.class, "body", String.class);
        static final org.retort.orm.metamodel.ColumnAttribute<Article, String> summary =
                org.retort.orm.metamodel.ColumnAttribute.of(Article.class, "summary", String.class);
    }

    @BackendTest
    void deferredColumnsStayOutOfQueriesUntilAskedFor(TestDatabase db) {
        Engine engine = db.engine();
        Registry registry = Registry.of(Article.class);
        registry.metadata().createAll(engine);
        SessionFactory factory = SessionFactory.builder(engine).registry(registry).build();
        StatementLog log = StatementLog.on(engine);
        try (Session session = factory.open()) {
            Article a = new Article();
            a.title = "t";
            a.body = "a very long body";
            a.summary = "s";
            session.add(a);
            session.commit();
        }
        try (Session session = factory.open()) {
            log.clear();
            Article a = session.scalars(Orm.select(Article.class)).one();
            assertThat(log.all().get(0)).doesNotContain("body");
            assertThat(a.body).isNull();
            assertThat(session.inspect(a).unloaded()).containsExactly("body");
            a.title = "changed";
            session.flush();
            assertThat(log.starting("UPDATE")).hasSize(1).allMatch(sql -> !sql.contains("body"));
            session.refresh(a, "body");
            assertThat(a.body).isEqualTo("a very long body");
            assertThat(session.inspect(a).unloaded()).isEmpty();
            session.commit();
        }
        try (Session session = factory.open()) {
            log.clear();
            Article a = session.scalars(Orm.select(Article.class).options(Load.undefer(Article_.body))).one();
            assertThat(a.body).isEqualTo("a very long body");
            Article b = session.scalars(Orm.select(Article.class).populateExisting()
                    .options(Load.loadOnly(Article_.title))).one();
            assertThat(b).isSameAs(a);
            assertThat(log.all().get(1)).doesNotContain("summary").doesNotContain("body");
            a.body = "rewritten while deferred";
            session.commit();
        }
        try (Session session = factory.open()) {
            Article a = session.scalars(Orm.select(Article.class).options(Load.undefer(Article_.body),
                    Load.defer(Article_.summary))).one();
            assertThat(a.body).isEqualTo("rewritten while deferred");
            assertThat(a.summary).isNull();
            List<OrmRow> rows = session.execute(Orm.select(Article_.title, Article.class)
                    .options(Load.loadOnly(Article_.summary))).all();
            assertThat(rows.get(0).get(0)).isEqualTo("changed");
        }
    }

    @Entity(table = "journal")
    static class Journal {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40)
        String name;
        @Relationship(passiveDeletes = true)
        WriteOnlyCollection<Entry> entries = new WriteOnlyCollection<>();
    }

    @Entity(table = "journal_entry")
    static class Entry {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40)
        String text;
        @MappedColumn(foreignKey = "journal.id")
        Long journalId;

        Entry() {
        }

        Entry(String text) {
            this.text = text;
        }
    }

    static final class Entry_ {
        static final org.retort.orm.metamodel.ColumnAttribute<Entry, String> text =
                org.retort.orm.metamodel.ColumnAttribute.of(Entry.class, "text", String.class);
    }

    @BackendTest
    void writeOnlyCollectionsWriteChangesAndReadThroughTheirQuery(TestDatabase db) {
        Engine engine = db.engine();
        Registry registry = Registry.of(Journal.class, Entry.class);
        registry.metadata().createAll(engine);
        SessionFactory factory = SessionFactory.builder(engine).registry(registry).build();
        StatementLog log = StatementLog.on(engine);
        Entry second = new Entry("second");
        try (Session session = factory.open()) {
            Journal j = new Journal();
            j.name = "log";
            j.entries.add(new Entry("first"));
            j.entries.add(second);
            session.add(j);
            session.commit();
            assertThat(second.journalId).isEqualTo(j.id);
            assertThat(j.entries.pendingAdditions()).isEmpty();
        }
        try (Session session = factory.open()) {
            log.clear();
            Journal j = session.scalars(Orm.select(Journal.class)).one();
            assertThat(log.count()).as("the collection is never loaded").isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                j.entries.add(new Entry("more" + i));
            }
            assertThat(session.inspect(j).history("entries").added()).hasSize(5);
            Entry first = session.scalars(j.entries.select().where(Entry_.text.eq("first"))).one(); // autoflushes
            j.entries.remove(first);
            assertThat(session.inspect(j).history("entries").deleted()).containsExactly(first);
            session.commit();
            assertThat(first.journalId).isNull();
            assertThat(session.scalars(j.entries.select().orderBy(Entry_.text)).all()).extracting(e -> e.text)
                    .containsExactly("more0", "more1", "more2", "more3", "more4", "second");
            assertThatThrownBy(() -> session.scalars(Orm.select(Journal.class).options(Load.selectinload(
                    org.retort.orm.metamodel.RelationshipAttribute.of(Journal.class, "entries", Entry.class)))).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("write-only");
        }
    }

    /** Plain classes, no annotations: mapped in code. */
    static class Shelf {
        Long id;
        String label;
        List<Book> books = new ArrayList<>();
    }

    static class Book {
        Long id;
        String title;
        Long shelfId;
        Shelf shelf;
    }

    @BackendTest
    void relationshipsMapImperativelyOnPlainClasses(TestDatabase db) {
        Engine engine = db.engine();
        org.retort.schema.MetaData md = new org.retort.schema.MetaData();
        org.retort.schema.Table shelves = md.table("shelf",
                org.retort.schema.Schema.column("id", org.retort.types.Types.INTEGER, org.retort.schema.Schema.primaryKey()),
                org.retort.schema.Schema.column("label", org.retort.types.Types.VARCHAR(40)));
        org.retort.schema.Table books = md.table("book",
                org.retort.schema.Schema.column("id", org.retort.types.Types.INTEGER, org.retort.schema.Schema.primaryKey()),
                org.retort.schema.Schema.column("title", org.retort.types.Types.VARCHAR(40)),
                org.retort.schema.Schema.column("shelf_id", org.retort.types.Types.INTEGER,
                        org.retort.schema.Schema.foreignKey("shelf.id")));
        Registry registry = Registry.builder().metadata(md).build();
        registry.mapImperatively(Shelf.class, shelves, java.util.Map.of("id", "id", "label", "label"),
                java.util.Map.of("books", RelationshipSpec.relationship().backPopulates("shelf")
                        .cascade("all, delete-orphan").orderBy("title")));
        registry.mapImperatively(Book.class, books, java.util.Map.of("id", "id", "title", "title", "shelfId", "shelf_id"),
                java.util.Map.of("shelf", RelationshipSpec.relationship().backPopulates("books")));
        md.createAll(engine);
        SessionFactory factory = SessionFactory.builder(engine).registry(registry).build();
        Shelf s = new Shelf();
        s.label = "sci-fi";
        Book b1 = new Book();
        b1.title = "Dune";
        Book b2 = new Book();
        b2.title = "Anathem";
        s.books.add(b1);
        s.books.add(b2);
        try (Session session = factory.open()) {
            session.add(s);
            session.commit();
            assertThat(b1.shelfId).isEqualTo(s.id);
            assertThat(b1.shelf).isSameAs(s);
        }
        try (Session session = factory.open()) {
            Shelf loaded = session.get(Shelf.class, s.id);
            assertThat(loaded.books).extracting(b -> b.title).containsExactly("Anathem", "Dune");
            assertThat(loaded.books.get(0).shelf).isSameAs(loaded);
        }
    }

    @Entity(table = "user_account_v2")
    static class Renamed {
        @MappedColumn(primaryKey = true)
        Long id;
    }

    @org.junit.jupiter.api.Test
    void aClassMappedTwoDifferentWaysFailsClearlyTheSameWayWorks() {
        Registry.of(Renamed.class);
        Registry.of(Renamed.class); // the same mapping again (another MetaData): fine
        Registry other = Registry.builder().build();
        org.retort.schema.Table t = other.metadata().table("somewhere_else",
                org.retort.schema.Schema.column("id", org.retort.types.Types.BIGINT, org.retort.schema.Schema.primaryKey()));
        assertThatThrownBy(() -> other.mapImperatively(Renamed.class, t, java.util.Map.of("id", "id")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("user_account_v2")
                .hasMessageContaining("somewhere_else");
    }

    @BackendTest
    void mergeAndExpungeCascadeAlongRelationships(TestDatabase db) {
        Fixture f = setUp(db);
        Author detached;
        try (Session session = f.open()) {
            session.add(blog());
            session.commit();
            detached = session.scalars(Orm.select(Author.class).options(Load.selectinload(Author_.posts))).one();
        }
        detached.name = "ada lovelace";
        detached.posts.get(0).title = "analytics, revised";
        Post added = new Post("new post");
        detached.posts.add(added);
        try (Session session = f.open()) {
            Author merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(session.contains(detached)).isFalse();
            assertThat(merged.posts).hasSize(3);
            assertThat(merged.posts).allSatisfy(p -> assertThat(session.contains(p)).isTrue());
            assertThat(merged.posts).doesNotContain(added); // a copy of it was added, as SQLAlchemy's merge does
            session.commit();
        }
        try (Session session = f.open()) {
            Author a = session.scalars(Orm.select(Author.class)).one();
            assertThat(a.name).isEqualTo("ada lovelace");
            assertThat(a.posts).extracting(p -> p.title).containsExactly("analytics, revised", "engines", "new post");
            Post first = a.posts.get(0);
            session.expunge(a); // cascade all includes expunge: the loaded posts leave too
            assertThat(session.contains(first)).isFalse();
            assertThat(session.inspect(first).isDetached()).isTrue();
        }
    }

    @Entity(table = "loose")
    static class Loose {
        @MappedColumn(primaryKey = true)
        Long id;
        List<Post> posts = new ArrayList<>();
    }

    @Entity(table = "ambiguous")
    static class Ambiguous {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(foreignKey = "author.id")
        Long writerId;
        @MappedColumn(foreignKey = "author.id")
        Long editorId;
        @Relationship
        Author writer;
    }

    @org.junit.jupiter.api.Test
    void mappingMistakesFailAtRegistryBuildNamingTheField() {
        assertThatThrownBy(() -> Registry.of(Loose.class, Post.class, Author.class, Comment.class, Tag.class,
                Setting.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Loose.posts").hasMessageContaining("@Relationship");
        assertThatThrownBy(() -> Registry.of(Ambiguous.class, Author.class, Post.class, Comment.class, Tag.class,
                Setting.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Ambiguous.writer").hasMessageContaining("foreignKeys");
    }
}
