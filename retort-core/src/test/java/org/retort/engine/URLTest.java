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
    void everyCredentialFormAJdbcUrlCanCarryIsMasked() {
        String[] urls = {
            "postgresql://u@h/db?PWD=s3cr3tA",
            "postgresql://u:s3cr3tA@h/db?sslpassword=s3cr3tB&sslmode=require",
            "jdbc:oracle:thin:scott/s3cr3tA@h:1521/xe",
            "jdbc:oracle:thin:scott/s3cr3tA@//h:1521/svc",
            "jdbc:sqlserver://h:1433;databaseName=db;user=u;PWD=s3cr3tA;encrypt=true",
            "jdbc:sqlserver://h;user=u;password={s3cr3tA;x};trustStorePassword=s3cr3tB",
            "jdbc:postgresql://h/db?user=u&password=s3cr3tA&sslpassword=s3cr3tB",
            "jdbc:mysql://u:s3cr3tA@h:3306/db?trustCertificateKeyStorePassword=s3cr3tB",
            "jdbc:mariadb://address=(host=h)(port=3306)(user=u)(password=s3cr3tA)/db",
            "jdbc:h2:tcp://h/db;USER=sa;PASSWORD=s3cr3tA",
            "jdbc:db2://h:50000/db:user=u;password=s3cr3tA;",
            "jdbc:snowflake://h/?user=u&passwd=s3cr3tA&token=s3cr3tB&private_key_file_pwd=s3cr3tC",
            "jdbc:postgresql://u:s3cr/3tA@h/db",
            "mysql://root:s3cr3tA@localhost/test?client_secret=s3cr3tB&apiKey=s3cr3tC",
        };
        for (String raw : urls) {
            URL u = URL.parse(raw);
            assertThat(u.toString()).as(raw).doesNotContain("s3cr3t").doesNotContain("3tA");
            assertThat(u.renderWithPassword()).as(raw).contains("s3cr");
        }
        assertThat(URL.parse("jdbc:oracle:thin:scott/s3cr3tA@h:1521/xe").toString())
                .isEqualTo("jdbc:oracle:thin:scott/***@h:1521/xe");
        assertThat(URL.parse("jdbc:sqlserver://h;user=u;PWD=s3cr3tA;encrypt=true").toString())
                .isEqualTo("jdbc:sqlserver://h;user=u;PWD=***;encrypt=true");
        assertThat(URL.parse("postgresql://u@h/db?PWD=s3cr3tA&sslmode=disable").toString())
                .isEqualTo("postgresql://u@h/db?PWD=***&sslmode=disable");
    }

    @Test
    void anUnencodedAtInThePasswordSaysToPercentEncodeIt() {
        assertThatThrownBy(() -> URL.parse("postgresql://scott:p@ssw0rd@localhost/test"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("%40")
                .hasMessageContaining("more than one '@'").hasMessageNotContaining("ssw0rd");
        assertThatThrownBy(() -> URL.parse("postgresql://scott:pa/ssw0rd@localhost/test"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("%2F").hasMessageNotContaining("ssw0rd");
        assertThat(URL.parse("postgresql://scott:p%40ssw0rd@localhost/test").password()).contains("p@ssw0rd");
    }

    @Test
    void engineToStringAndConnectErrorsHideThePassword() {
        Engine e = Engine.create("jdbc:postgresql://127.0.0.1:notaport/db?user=u&PWD=s3cr3tA");
        try {
            assertThat(e.toString()).doesNotContain("s3cr3tA").contains("PWD=***");
            assertThatThrownBy(e::connect).satisfies(t -> {
                java.io.StringWriter trace = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain("s3cr3tA").contains("Unable to parse URL").contains("PWD=***");
            });
        } finally {
            e.dispose();
        }
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

    @Test
    void parsesBracketedIpv6HostsAndRendersThemBack() {
        URL u = URL.parse("postgresql://scott:tiger@[::1]:5433/app");
        assertThat(u.host()).contains("::1");
        assertThat(u.port()).contains(5433);
        assertThat(u.toString()).isEqualTo("postgresql://scott:***@[::1]:5433/app");
        assertThat(URL.parse("mariadb://root@[fe80::1%25eth0]/db").host()).contains("fe80::1%25eth0");
    }

    @Test
    void masksPasswordsGivenAsQueryOptions() {
        URL u = URL.parse("postgresql://scott@localhost/test?password=s3cret&sslmode=require");
        assertThat(u.query()).containsEntry("password", "s3cret");
        assertThat(u.toString()).isEqualTo("postgresql://scott@localhost/test?password=***&sslmode=require");
        assertThat(u.renderWithPassword()).contains("password=s3cret");
        assertThat(URL.parse("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret").toString()).doesNotContain("s3cret");
        assertThat(URL.parse("jdbc:mariadb://root:s3cret@localhost/db").toString()).doesNotContain("s3cret");
    }

    @Test
    void namesMysqlMariadbAndDriverVariants() {
        URL maria = URL.parse("mariadb://root@127.0.0.1:3306/test");
        assertThat(maria.backend()).isEqualTo("mariadb");
        assertThat(maria.port()).contains(3306);
        URL mysql = URL.parse("mysql+mariadbconnector://root@db/test?useSSL=false");
        assertThat(mysql.backend()).isEqualTo("mysql");
        assertThat(mysql.driver()).contains("mariadbconnector");
        assertThat(mysql.query()).containsEntry("useSSL", "false");
        URL pg = URL.parse("postgresql+pgjdbc://u@h/db");
        assertThat(pg.driver()).contains("pgjdbc");
        assertThat(pg.toString()).isEqualTo("postgresql+pgjdbc://u@h/db");
        assertThat(URL.parse("PostgreSQL://h/db").backend()).isEqualTo("postgresql");
    }

    @Test
    void jdbcUrlsPassThroughUnchanged() {
        URL u = URL.parse("jdbc:postgresql://db.example.com:5432/app?ssl=true");
        assertThat(u.backend()).isEqualTo("postgresql");
        assertThat(u.jdbcUrl()).contains("jdbc:postgresql://db.example.com:5432/app?ssl=true");
        assertThat(u.host()).isEmpty();
        assertThat(URL.parse("jdbc:sqlserver://h;databaseName=x").backend()).isEqualTo("mssql");
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            assertThat(engine.dialect().name()).isEqualTo("sqlite");
            assertThat(engine.dialect().jdbcUrl(engine.url())).isEqualTo("jdbc:sqlite::memory:");
            try (Connection conn = engine.connect()) {
                assertThat(conn.scalar(org.retort.sql.Sql.text("SELECT 1"))).isEqualTo(1);
            }
        }
    }

    @Test
    void sqliteMemoryFormsAllMeanMemory() {
        for (String s : new String[] {"sqlite://", "sqlite:///:memory:", "jdbc:sqlite::memory:"}) {
            URL u = URL.parse(s);
            assertThat(org.retort.dialect.Dialects.forUrl(u).isMemoryDatabase(u)).as(s).isTrue();
        }
        assertThat(URL.parse("sqlite:///:memory:").database()).contains(":memory:");
        URL file = URL.parse("sqlite:///data/app.db");
        assertThat(org.retort.dialect.Dialects.forUrl(file).isMemoryDatabase(file)).isFalse();
    }

    @Test
    void withMethodsReturnModifiedCopies() {
        URL base = URL.parse("postgresql://scott:tiger@localhost:5432/test?a=1");
        URL other = base.withDatabase("prod").withCredentials("admin", "pw").withHost("db", 6543)
                .withQuery("b", "2").withoutQuery("a");
        assertThat(other.toString()).isEqualTo("postgresql://admin:***@db:6543/prod?b=2");
        assertThat(other.password()).contains("pw");
        assertThat(base.toString()).isEqualTo("postgresql://scott:***@localhost:5432/test?a=1");
        assertThat(base.withDatabase("test")).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(base.withCredentials("scott", "other")).isNotEqualTo(base);
        URL built = URL.of("mariadb").withHost("127.0.0.1", 3306).withCredentials("root", null).withDatabase("x");
        assertThat(built.toString()).isEqualTo("mariadb://root@127.0.0.1:3306/x");
    }

    @Test
    void queryOptionsAndConnectArgsBecomeDriverProperties() {
        URL u = URL.parse("postgresql://scott:tiger@localhost/test?sslmode=disable&ApplicationName=retort");
        var props = org.retort.dialect.Dialects.forUrl(u).connectProperties(u);
        assertThat(props).containsEntry("user", "scott").containsEntry("password", "tiger")
                .containsEntry("sslmode", "disable").containsEntry("ApplicationName", "retort");
        try (Engine fkOffByUrl = Engine.create("sqlite://?foreign_keys=false");
             Engine fkOffByArgs = Engine.builder("sqlite://").connectArgs(java.util.Map.of("foreign_keys", "false")).build();
             Engine fkOn = Engine.create("sqlite://")) {
            assertThat(pragmaForeignKeys(fkOffByUrl)).isZero();
            assertThat(pragmaForeignKeys(fkOffByArgs)).isZero();
            assertThat(pragmaForeignKeys(fkOn)).isEqualTo(1);
        }
    }

    private static int pragmaForeignKeys(Engine engine) {
        try (Connection conn = engine.connect()) {
            return ((Number) conn.scalar(org.retort.sql.Sql.text("PRAGMA foreign_keys"))).intValue();
        }
    }
}
