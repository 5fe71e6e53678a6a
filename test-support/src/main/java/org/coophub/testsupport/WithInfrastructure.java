package org.coophub.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a {@code @SpringBootTest} a real Kafka broker, a MongoDB and an SMTP server,
 * started once per JVM: Testcontainers where a Docker engine runs, in-JVM servers
 * otherwise. Every test context gets the same properties, so Spring's context cache is
 * reused.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface WithInfrastructure {

}
