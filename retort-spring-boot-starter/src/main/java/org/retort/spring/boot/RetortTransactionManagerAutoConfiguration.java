package org.retort.spring.boot;

import javax.sql.DataSource;
import org.retort.engine.Engine;
import org.retort.spring.RetortExceptionTranslator;
import org.retort.spring.RetortTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * Registers a {@link RetortTransactionManager} as the application's {@code transactionManager} when
 * {@code retort.transaction-manager=retort}, in place of Spring Boot's {@code DataSourceTransactionManager} (which
 * it comes before, so Boot's backs off). Without the property nothing changes: Boot's transaction manager owns the
 * transactions and Retort joins them. An application's own {@link TransactionManager} bean wins either way.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({Engine.class, PlatformTransactionManager.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "retort", name = "transaction-manager", havingValue = "retort")
public class RetortTransactionManagerAutoConfiguration {

    /** Created by Spring. */
    public RetortTransactionManagerAutoConfiguration() {
    }

    /**
     * The transaction manager in which Retort owns the transactions.
     *
     * @param engine the engine (the starter's, over the data source, unless the application defines its own)
     * @param translator translates failures to begin, commit or roll back, when the application has one
     * @return the transaction manager
     */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    public RetortTransactionManager transactionManager(Engine engine,
                                                       ObjectProvider<RetortExceptionTranslator> translator) {
        return new RetortTransactionManager(engine, translator.getIfAvailable());
    }
}
