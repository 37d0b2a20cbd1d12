package org.retort.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} properties of a Spring Boot application.
 *
 * <pre>
 * retort.echo=true                       # or debug, to see result rows too
 * retort.compiled-cache-size=500
 * retort.entity-packages=com.example.model
 * retort.session.expire-on-commit=false
 * retort.transaction-manager=retort      # Retort owns the transactions (default: datasource)
 * </pre>
 *
 * <p>Connection settings stay where Spring Boot keeps them ({@code spring.datasource.*}): Retort uses the
 * application's {@code DataSource} as it is.
 */
@ConfigurationProperties("retort")
public class RetortProperties {
    /** SQL echo: "true" (statements), "debug" (statements and result rows) or "false". */
    private String echo = "false";
    /** How many compiled statements the engine caches; 0 turns the cache off. */
    private int compiledCacheSize = 500;
    /** How many prepared statements a checked-out connection keeps for reuse. */
    private int statementCacheSize = 32;
    /** Keep parameter values out of the echo and of exception messages. */
    private boolean hideParameters;
    /** Packages scanned for @Entity classes; empty means the application's auto-configuration packages. */
    private List<String> entityPackages = new ArrayList<>();
    /**
     * Who owns Spring transactions: "datasource" (Spring Boot's DataSourceTransactionManager, which Retort joins)
     * or "retort" (a RetortTransactionManager).
     */
    private String transactionManager = "datasource";
    /** Settings of the sessions the SessionFactory opens. */
    private final Session session = new Session();

    /** Creates the properties with Retort's defaults. */
    public RetortProperties() {
    }

    /** {@return the echo setting: "true", "debug" or "false"} */
    public String getEcho() {
        return echo;
    }

    /**
     * Sets the SQL echo.
     *
     * @param echo "true", "debug" or "false"
     */
    public void setEcho(String echo) {
        this.echo = echo;
    }

    /** {@return how many compiled statements the engine caches} */
    public int getCompiledCacheSize() {
        return compiledCacheSize;
    }

    /**
     * Sets how many compiled statements the engine caches.
     *
     * @param compiledCacheSize the size; 0 turns the cache off
     */
    public void setCompiledCacheSize(int compiledCacheSize) {
        this.compiledCacheSize = compiledCacheSize;
    }

    /** {@return how many prepared statements a checked-out connection keeps} */
    public int getStatementCacheSize() {
        return statementCacheSize;
    }

    /**
     * Sets how many prepared statements a checked-out connection keeps.
     *
     * @param statementCacheSize the size; 0 prepares every execution anew
     */
    public void setStatementCacheSize(int statementCacheSize) {
        this.statementCacheSize = statementCacheSize;
    }

    /** {@return true when parameter values are kept out of the echo and exception messages} */
    public boolean isHideParameters() {
        return hideParameters;
    }

    /**
     * Keeps parameter values out of the echo and of exception messages.
     *
     * @param hideParameters true to hide them
     */
    public void setHideParameters(boolean hideParameters) {
        this.hideParameters = hideParameters;
    }

    /** {@return the packages scanned for entity classes; empty for the auto-configuration packages} */
    public List<String> getEntityPackages() {
        return entityPackages;
    }

    /**
     * Sets the packages scanned for entity classes.
     *
     * @param entityPackages package names
     */
    public void setEntityPackages(List<String> entityPackages) {
        this.entityPackages = entityPackages;
    }

    /** {@return who owns Spring transactions: "datasource" or "retort"} */
    public String getTransactionManager() {
        return transactionManager;
    }

    /**
     * Chooses who owns Spring transactions; read by {@link RetortTransactionManagerAutoConfiguration}.
     *
     * @param transactionManager "datasource" (the default) or "retort"
     */
    public void setTransactionManager(String transactionManager) {
        this.transactionManager = transactionManager;
    }

    /** {@return the session settings} */
    public Session getSession() {
        return session;
    }

    /** The {@code retort.session.*} properties. */
    public static class Session {
        /** Expire every object's attributes when a transaction commits, so they are reloaded on next access. */
        private boolean expireOnCommit = true;
        /** Flush pending changes before each query. */
        private boolean autoflush = true;

        /** Creates the settings with Retort's defaults. */
        public Session() {
        }

        /** {@return true when a commit expires the session's objects} */
        public boolean isExpireOnCommit() {
            return expireOnCommit;
        }

        /**
         * Sets whether a commit expires the session's objects.
         *
         * @param expireOnCommit true to expire them
         */
        public void setExpireOnCommit(boolean expireOnCommit) {
            this.expireOnCommit = expireOnCommit;
        }

        /** {@return true when pending changes are flushed before each query} */
        public boolean isAutoflush() {
            return autoflush;
        }

        /**
         * Sets whether pending changes are flushed before each query.
         *
         * @param autoflush true to flush them
         */
        public void setAutoflush(boolean autoflush) {
            this.autoflush = autoflush;
        }
    }
}
