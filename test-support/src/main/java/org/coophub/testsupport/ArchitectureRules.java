package org.coophub.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps, each rule one line in the service's own test.
 */
public final class ArchitectureRules {

	static final String[] SERVICES = { "agreement", "activity", "reporting", "notification", "identity" };

	/** The one role type of every service, as tokens carry it. */
	static final String ROLE = "org.coophub.platform.security.Role";

	private ArchitectureRules() {
	}

	/**
	 * Documents, services and rules import neither Kafka nor web types: only the
	 * messaging package, the web adapters (controllers, streams, request and response
	 * records) and the sign-in packages (the workspace's, identity-service's form, login
	 * page and client-secret throttling) do.
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
	 * One role type: a service declares no {@code Role} of its own, so the roles
	 * identity-service stores and puts in tokens are the ones the services check.
	 * @return the rule
	 */
	public static ArchRule usesThePlatformsRoleType() {
		return noClasses().should()
			.haveSimpleName("Role")
			.because("the roles are " + ROLE + ", shared by identity-service and the services");
	}

	/**
	 * Controllers are adapters, not API: package-private, as in spring-petclinic.
	 * @return the rule
	 */
	public static ArchRule controllersArePackagePrivate() {
		return classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic();
	}

}
