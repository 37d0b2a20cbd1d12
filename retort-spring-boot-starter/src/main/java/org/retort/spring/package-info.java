/**
 * Retort inside Spring: a {@link org.retort.pool.Pool} over a Spring-managed {@code DataSource} whose connections
 * join Spring transactions ({@link org.retort.spring.SpringDataSourcePool}), the ORM session of the current
 * transaction ({@link org.retort.spring.TransactionalSession}), a transaction manager in which Retort owns the
 * transactions ({@link org.retort.spring.RetortTransactionManager}), and the translation of Retort exceptions into
 * Spring's {@code DataAccessException} tree ({@link org.retort.spring.RetortExceptionTranslator}). These classes
 * work without Spring Boot; {@code org.retort.spring.boot} wires them up in a Boot application.
 */
package org.retort.spring;
