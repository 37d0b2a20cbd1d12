package org.retort.spring.boot;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.retort.engine.Engine;
import org.retort.engine.EngineBuilder;
import org.retort.orm.Registry;
import org.retort.orm.SessionFactory;
import org.retort.orm.annotation.Entity;
import org.retort.spring.RetortExceptionTranslator;
import org.retort.spring.SpringDataSourcePool;
import org.retort.spring.TransactionalSession;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures Retort in a Spring Boot application that has one {@code DataSource}:
 *
 * <ul>
 *   <li>an {@link Engine} whose pool is the data source ({@link SpringDataSourcePool}), so the pool and driver
 *       settings of {@code spring.datasource.*} stay in force and Retort joins Spring-managed transactions; the
 *       dialect comes from the JDBC URL the connection reports;</li>
 *   <li>a {@link Registry} of the {@code @Entity} classes in {@code retort.entity-packages} (by default the
 *       application's own packages), a {@link SessionFactory} and a {@link TransactionalSession};</li>
 *   <li>a {@link RetortExceptionTranslator}, which Spring applies to {@code @Repository} beans.</li>
 * </ul>
 *
 * <p>Each bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass({Engine.class, SessionFactory.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(RetortProperties.class)
public class RetortAutoConfiguration {

    /** Created by Spring. */
    public RetortAutoConfiguration() {
    }

    /**
     * The engine over the application's data source.
     *
     * @param dataSource the data source
     * @param properties the {@code retort.*} properties
     * @param customizers the application's changes to the builder, in their order
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public Engine retortEngine(DataSource dataSource, RetortProperties properties,
                               ObjectProvider<EngineBuilderCustomizer> customizers) {
        EngineBuilder builder = Engine.builder(jdbcUrl(dataSource))
                .pool(new SpringDataSourcePool(dataSource))
                .echo(properties.getEcho())
                .compiledCacheSize(properties.getCompiledCacheSize())
                .statementCacheSize(properties.getStatementCacheSize())
                .hideParameters(properties.isHideParameters());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The registry of the application's entity classes; absent when there are none.
     *
     * @param beanFactory where the application's packages are recorded
     * @param properties the {@code retort.*} properties
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean
    public Registry retortRegistry(BeanFactory beanFactory, RetortProperties properties) {
        return Registry.of(entityClasses(beanFactory, properties).toArray(Class<?>[]::new));
    }

    /**
     * The factory of ORM sessions.
     *
     * @param engine the engine
     * @param registry the registry, when there is one
     * @param properties the {@code retort.*} properties
     * @return the session factory
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionFactory retortSessionFactory(Engine engine, ObjectProvider<Registry> registry,
                                               RetortProperties properties) {
        SessionFactory.Builder builder = SessionFactory.builder(engine)
                .expireOnCommit(properties.getSession().isExpireOnCommit())
                .autoflush(properties.getSession().isAutoflush());
        registry.ifAvailable(builder::registry);
        return builder.build();
    }

    /**
     * The session of the current Spring transaction.
     *
     * @param sessionFactory the session factory
     * @return the accessor
     */
    @Bean
    @ConditionalOnMissingBean
    public TransactionalSession retortTransactionalSession(SessionFactory sessionFactory) {
        return new TransactionalSession(sessionFactory);
    }

    /**
     * Translates Retort's exceptions for {@code @Repository} beans.
     *
     * @param dataSource the data source, whose database names the error codes
     * @return the translator
     */
    @Bean
    @ConditionalOnMissingBean
    public RetortExceptionTranslator retortExceptionTranslator(DataSource dataSource) {
        return new RetortExceptionTranslator(dataSource);
    }

    /** The JDBC URL the data source's connections report, which names the database and so the dialect. */
    static String jdbcUrl(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            if (url == null) {
                throw new IllegalStateException("The DataSource's connections report no JDBC URL, so Retort cannot "
                        + "tell which database it is: define an Engine bean yourself with "
                        + "Engine.builder(url).pool(new SpringDataSourcePool(dataSource))");
            }
            return url;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Retort could not read the DataSource's JDBC URL to choose a dialect: "
                    + e.getMessage(), e);
        }
    }

    private static List<Class<?>> entityClasses(BeanFactory beanFactory, RetortProperties properties) {
        Set<String> packages = new LinkedHashSet<>(properties.getEntityPackages());
        if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
            packages.addAll(AutoConfigurationPackages.get(beanFactory));
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), loader));
            }
        }
        return classes;
    }
}
