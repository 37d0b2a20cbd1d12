/**
 * Spring Boot auto-configuration for Retort: an {@link org.retort.engine.Engine} over the application's
 * {@code DataSource}, the ORM's {@link org.retort.orm.SessionFactory} and
 * {@link org.retort.spring.TransactionalSession}, exception translation, a health indicator and Micrometer meters,
 * configured by the {@code retort.*} properties ({@link org.retort.spring.boot.RetortProperties}).
 */
package org.retort.spring.boot;
