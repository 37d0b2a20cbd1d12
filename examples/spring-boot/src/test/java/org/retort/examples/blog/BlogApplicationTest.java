package org.retort.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the blog service on a random port against an isolated database (SQLite file, PostgreSQL) and uses it over
 * real HTTP: CRUD, a {@code @Transactional} method rolled back by its exception, savepoints per post, and the
 * actuator showing Retort's pool gauges and health.
 */
class BlogApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @BackendTest(only = {"sqlite-file", "postgresql"})
    void crudTransactionsAndMetricsOverHttp(TestDatabase db) throws Exception {
        try (ConfigurableApplicationContext app = start(db)) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

            // create, read, update
            HttpResponse<String> created = send("POST", base + "/users", "{\"name\":\"ada\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            long id = Long.parseLong(field(created.body(), "id"));
            assertThat(created.headers().firstValue("Location")).hasValue("/users/" + id);
            assertThat(send("GET", base + "/users/" + id, null).body()).contains("\"name\":\"ada\"", "\"posts\":[]");
            assertThat(send("PUT", base + "/users/" + id, "{\"name\":\"Ada L.\"}").body()).contains("\"name\":\"Ada L.\"");
            assertThat(send("GET", base + "/users/" + id, null).body()).contains("\"name\":\"Ada L.\"");
            assertThat(send("GET", base + "/users/" + (id + 1000), null).statusCode()).isEqualTo(404);

            // all or nothing: the blank third title fails the @Transactional method after two INSERTs
            HttpResponse<String> failed = send("POST", base + "/users/" + id + "/posts",
                    "{\"titles\":[\"one\",\"two\",\" \"]}");
            assertThat(failed.statusCode()).isEqualTo(422);
            assertThat(failed.body()).contains("nothing was saved");
            assertThat(titles(send("GET", base + "/users/" + id, null).body())).isEmpty();

            HttpResponse<String> posted = send("POST", base + "/users/" + id + "/posts",
                    "{\"titles\":[\"one\",\"two\"]}");
            assertThat(posted.statusCode()).isEqualTo(201);
            assertThat(titles(send("GET", base + "/users/" + id, null).body())).containsExactly("one", "two");

            // one savepoint per post: the spam post is rolled back alone
            HttpResponse<String> batch = send("POST", base + "/users/" + id + "/posts/best-effort",
                    "{\"titles\":[\"three\",\"buy spam now\",\"four\"]}");
            assertThat(batch.statusCode()).isEqualTo(200);
            assertThat(batch.body()).contains("\"rejected\":[\"buy spam now\"]");
            assertThat(titles(send("GET", base + "/users/" + id, null).body()))
                    .containsExactly("one", "two", "three", "four");

            // the actuator: Retort's pool gauges, statement timer and health
            String active = send("GET", base + "/actuator/metrics/retort.pool.active", null).body();
            assertThat(active).contains("\"name\":\"retort.pool.active\"").contains("\"statistic\":\"VALUE\"")
                    .contains("\"value\":0.0");
            assertThat(send("GET", base + "/actuator/metrics/retort.pool.idle", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", base + "/actuator/metrics/retort.pool.pending", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", base + "/actuator/metrics/retort.pool.timeouts", null).statusCode()).isEqualTo(200);
            String statements = send("GET", base + "/actuator/metrics/retort.statements", null).body();
            assertThat(statements).contains("\"statistic\":\"COUNT\"");
            assertThat(send("GET", base + "/actuator/metrics/retort.flush", null).body()).contains("\"COUNT\"");
            String health = send("GET", base + "/actuator/health", null).body();
            assertThat(health).containsPattern("\"retort\":\\{\"details\":\\{\"dialect\":\"" + db.dialect().name()
                    + "\"[^}]*\\},\"status\":\"UP\"");

            // delete
            assertThat(send("DELETE", base + "/users/" + id, null).statusCode()).isEqualTo(204);
            assertThat(send("GET", base + "/users/" + id, null).statusCode()).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--spring.datasource.url=" + db.dialect().jdbcUrl(db.url())));
        for (Map.Entry<Object, Object> e : db.dialect().connectProperties(db.url()).entrySet()) {
            String key = e.getKey().toString();
            switch (key) {
                case "user" -> args.add("--spring.datasource.username=" + e.getValue());
                case "password" -> args.add("--spring.datasource.password=" + e.getValue());
                default -> args.add("--spring.datasource.hikari.data-source-properties." + key + "=" + e.getValue());
            }
        }
        return SpringApplication.run(BlogApplication.class, args.toArray(String[]::new));
    }

    private HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    /** The post titles in a user's JSON, in order. */
    private static List<String> titles(String userJson) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"title\":\"([^\"]*)\"").matcher(userJson);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
