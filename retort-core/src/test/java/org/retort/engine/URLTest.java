package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.retort.exc.ArgumentException;

class URLTest {

    @Test
    void parsesServerUrlWithEncodedCredentialsAndQuery() {
        URL u = URL.parse("postgresql+pgjdbc://sc%40tt:p%40ss%2Fw0rd@db.example.com:5433/app?sslmode=disable&x=1");
        assertThat(u.backend()).isEqualTo("postgresql");
        assertThat(u.driver()).contains("pgjdbc");
        assertThat(u.username()).contains("sc@tt");
        assertThat(u.password()).contains("p@ss/w0rd");
        assertThat(u.host()).contains("db.example.com");
        assertThat(u.port()).contains(5433);
        assertThat(u.database()).contains("app");
        assertThat(u.query()).containsEntry("sslmode", "disable").containsEntry("x", "1");
    }

    @Test
    void toStringMasksThePassword() {
        URL u = URL.parse("mysql://root:secret@localhost/test");
        assertThat(u.toString()).isEqualTo("mysql://root:***@localhost/test").doesNotContain("secret");
        assertThat(u.renderWithPassword()).isEqualTo("mysql://root:secret@localhost/test");
        assertThat(URL.parse("jdbc:postgresql://h/db?user=a&password=secret").toString()).doesNotContain("secret");
    }

    @Test
    void parsesSqliteForms() {
        assertThat(URL.parse("sqlite:///rel.db").database()).contains("rel.db");
        assertThat(URL.parse("sqlite:////abs/app.db").database()).contains("/abs/app.db");
        assertThat(URL.parse("sqlite://").database()).isEmpty();
    }

    @Test
    void parsesH2AndJdbcForms() {
        URL mem = URL.parse("h2:mem:test");
        assertThat(mem.backend()).isEqualTo("h2");
        assertThat(mem.database()).contains("mem:test");
        assertThat(mem.toString()).isEqualTo("h2:mem:test");
        assertThat(URL.parse("h2:file:/tmp/x").database()).contains("file:/tmp/x");
        URL jdbc = URL.parse("jdbc:mariadb://localhost:3306/test");
        assertThat(jdbc.backend()).isEqualTo("mariadb");
        assertThat(jdbc.jdbcUrl()).contains("jdbc:mariadb://localhost:3306/test");
    }

    @Test
    void rejectsGarbageWithAnExample() {
        assertThatThrownBy(() -> URL.parse("not a url")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("sqlite:///app.db");
    }
}
