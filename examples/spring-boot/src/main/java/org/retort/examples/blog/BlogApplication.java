package org.retort.examples.blog;

import org.retort.engine.Engine;
import org.retort.orm.Registry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A blog's REST service on Retort's Spring Boot starter: users with posts, the ORM in {@code @Transactional}
 * services, the actuator's health and metrics. Run {@link #main} (SQLite file {@code blog.db} by default, see
 * {@code application.properties}); {@code BlogApplicationTest} starts it on a random port against SQLite and
 * PostgreSQL and talks to it over HTTP.
 */
@SpringBootApplication
public class BlogApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(BlogApplication.class, args);
    }

    /**
     * Creates the tables at start-up when they are missing (a real service would use migrations).
     *
     * @param registry the auto-configured registry of User and Post
     * @param engine the auto-configured engine
     * @return the runner
     */
    @Bean
    ApplicationRunner createTables(Registry registry, Engine engine) {
        return args -> registry.metadata().createAll(engine);
    }
}
