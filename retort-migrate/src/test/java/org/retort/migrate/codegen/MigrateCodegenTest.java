package org.retort.migrate.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.migrate.autogenerate.Autogenerate;
import org.retort.migrate.autogenerate.AutogenerateOptions;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.SampleData;
import org.retort.testing.TestDatabase;

/**
 * Code generation over the Chinook sample database, copied onto each backend: the generated table classes and
 * entities compile together with code that uses them, query the data, and declare a MetaData in which
 * autogenerate finds no difference from the database.
 */
class MigrateCodegenTest {
    @TempDir
    Path dir;

    private void loadChinook(Engine target) throws Exception {
        Path copy = dir.resolve("chinook-source.db");
        Files.copy(SampleData.chinookSqlite(), copy, StandardCopyOption.REPLACE_EXISTING);
        try (Engine source = Engine.create("sqlite:///" + copy)) {
            MetaData md = new MetaData();
            md.reflect(source);
            md.createAll(target);
            try (Connection in = source.connect(); Connection out = target.connect()) {
                for (Table t : md.sortedTables()) {
                    List<Map<String, Object>> rows = in.execute(Sql.select(t)).mappings().all();
                    for (int i = 0; i < rows.size(); i += 1000) {
                        out.execute(Sql.insert(t), rows.subList(i, Math.min(rows.size(), i + 1000)));
                    }
                }
                out.commit();
            }
        }
    }

    private static final String USAGE = """
            package gen.chinook;

            import java.util.List;
            import org.retort.engine.Connection;
            import org.retort.engine.Engine;
            import org.retort.orm.Orm;
            import org.retort.orm.Registry;
            import org.retort.orm.Session;
            import org.retort.sql.Sql;

            public class Usage {
                public static List<Object> albumsOfArtistOne(Engine engine) {
                    try (Connection conn = engine.connect()) {
                        return conn.execute(Sql.select(Chinook.ALBUM.title)
                                .where(Chinook.ALBUM.artistId.eq(1))
                                .orderBy(Chinook.ALBUM.title)).scalars().all();
                    }
                }

                public static int tracksLoadedAsEntities(Engine engine) {
                    registry();
                    try (Session session = Session.of(engine)) {
                        List<gen.chinook.entity.Track> tracks = session.scalars(
                                Orm.select(gen.chinook.entity.Track.class)).all();
                        return tracks.size();
                    }
                }

                static Registry registry() {
                    return Registry.of(gen.chinook.entity.Artist.class, gen.chinook.entity.Album.class,
                            gen.chinook.entity.Genre.class, gen.chinook.entity.MediaType.class,
                            gen.chinook.entity.Track.class, gen.chinook.entity.Customer.class,
                            gen.chinook.entity.Employee.class, gen.chinook.entity.Invoice.class,
                            gen.chinook.entity.InvoiceLine.class, gen.chinook.entity.Playlist.class,
                            gen.chinook.entity.PlaylistTrack.class);
                }

                public static String relationshipsOfArtistOne(Engine engine) {
                    registry();
                    try (Session session = Session.of(engine)) {
                        gen.chinook.entity.Artist artist = session.get(gen.chinook.entity.Artist.class, 1);
                        gen.chinook.entity.Album album = artist.albumCollection.get(0);
                        gen.chinook.entity.Employee boss = session.get(gen.chinook.entity.Employee.class, 2);
                        return artist.albumCollection.size() + " " + (album.artist == artist) + " "
                                + boss.employeeCollection.size() + " " + boss.employeeRef.lastName;
                    }
                }

                public static String firstAlbumTitle(Engine engine) {
                    try (Session session = Session.of(engine)) {
                        gen.chinook.entity.Album a = session.get(gen.chinook.entity.Album.class, 1);
                        return a.title;
                    }
                }
            }
            """;

    private ClassLoader compile(Path sourceRoot) throws Exception {
        Path usage = sourceRoot.resolve("gen/chinook/Usage.java");
        Files.writeString(usage, USAGE);
        List<Path> sources;
        try (var walk = Files.walk(sourceRoot)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-Xlint:all", "-Werror"), null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            diagnostics.getDiagnostics().forEach(d -> errors.add(d.toString()));
            assertThat(ok).as(String.join("\n", errors)).isTrue();
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @BackendTest(only = {"sqlite-file", "postgresql", "mariadb", "h2"})
    void chinookClassesCompileQueryAndRoundTrip(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        loadChinook(engine);
        MetaData reflected = CodeGenerator.reflect(engine, null, "retort_version");
        Path src = dir.resolve("src");
        List<Path> files = CodeGenerator.write(reflected, new CodegenOptions("gen.chinook", "Chinook", true), src);
        assertThat(files).hasSize(12);
        assertThat(Files.readString(src.resolve("gen/chinook/Chinook.java")))
                .contains("public final Column<Integer> artistId = table.c(\"ArtistId\", Integer.class);");

        ClassLoader loader = compile(src);
        Class<?> usage = loader.loadClass("gen.chinook.Usage");
        @SuppressWarnings("unchecked")
        List<Object> titles = (List<Object>) usage.getMethod("albumsOfArtistOne", Engine.class).invoke(null, engine);
        assertThat(titles).containsExactly("For Those About To Rock We Salute You", "Let There Be Rock");
        assertThat(usage.getMethod("tracksLoadedAsEntities", Engine.class).invoke(null, engine)).isEqualTo(3503);
        assertThat(usage.getMethod("relationshipsOfArtistOne", Engine.class).invoke(null, engine))
                .as("generated relationships: one-to-many, its mirror, and a self-referential pair")
                .isEqualTo("2 true 3 Adams");
        assertThat(usage.getMethod("firstAlbumTitle", Engine.class).invoke(null, engine))
                .isEqualTo("For Those About To Rock We Salute You");

        MetaData generated = (MetaData) loader.loadClass("gen.chinook.Chinook").getField("METADATA").get(null);
        assertThat(generated.tables()).hasSize(11);
        try (Connection conn = engine.connect()) {
            assertThat(Autogenerate.compare(conn, generated, AutogenerateOptions.defaults(), "retort_version"))
                    .isEmpty();
        }
    }
}
