package org.coophub.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against a real Kafka broker, a MongoDB and an SMTP capture, started
 * once per JVM (see {@link TestInfrastructure}):
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;WithInfrastructure
 * class ActivityRecordingTests { ... }
 * </pre>
 *
 * It sets {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} (without a
 * database), {@code spring.mail.host}, {@code spring.mail.port} and the JWK set and
 * issuer of {@link TestIdentity}, whose tokens the service then accepts. The values are
 * the same for every test class, so Spring's test context cache keeps working.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface WithInfrastructure {

}
