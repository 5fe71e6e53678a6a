package org.coophub.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps, each rule one line in the service's own test.
 */
public final class ArchitectureRules {

	static final String[] SERVICES = { "agreement", "activity", "reporting", "notification" };

	private ArchitectureRules() {
	}

	/**
	 * Documents, services and rules import neither Kafka nor web types: only the
	 * messaging package, the web adapters (controllers, streams, request and response
	 * records) and the dashboard's sign-in package do.
	 * @return the rule
	 */
	public static ArchRule domainImportsNoKafkaOrWebTypes() {
		return noClasses().that()
			.resideOutsideOfPackages("..messaging..", "..signin..")
			.and()
			.haveSimpleNameNotEndingWith("Controller")
			.and()
			.haveSimpleNameNotEndingWith("Stream")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
					"org.springframework.cloud.stream..", "org.springframework.messaging..",
					"org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");
	}

	/**
	 * A service depends on cooperation-events and cooperation-platform, never on another
	 * service: they talk through Kafka only.
	 * @param service the service's package name under {@code org.coophub}
	 * @return the rule
	 */
	public static ArchRule dependsOnNoOtherService(String service) {
		String[] others = java.util.Arrays.stream(SERVICES)
			.filter((other) -> !other.equals(service))
			.map((other) -> "org.coophub." + other + "..")
			.toArray(String[]::new);
		return noClasses().should().dependOnClassesThat().resideInAnyPackage(others);
	}

	/**
	 * Controllers are adapters, not API: package-private, as in spring-petclinic.
	 * @return the rule
	 */
	public static ArchRule controllersArePackagePrivate() {
		return classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic();
	}

}
