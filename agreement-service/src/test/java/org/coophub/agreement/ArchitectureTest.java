package org.coophub.agreement;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.coophub.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.coophub.agreement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainImportsNoKafkaOrWebTypes = ArchitectureRules.domainImportsNoKafkaOrWebTypes();

	@ArchTest
	static final ArchRule dependsOnNoOtherService = ArchitectureRules.dependsOnNoOtherService("agreement");

	@ArchTest
	static final ArchRule controllersArePackagePrivate = ArchitectureRules.controllersArePackagePrivate();

	@ArchTest
	static final ArchRule usesThePlatformsRoleType = ArchitectureRules.usesThePlatformsRoleType();

}
