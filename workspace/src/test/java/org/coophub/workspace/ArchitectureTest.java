package org.coophub.workspace;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.coophub.testsupport.ArchitectureRules;

/**
 * The rules of every service that fit a front door. Not the domain rule: the workspace
 * has no domain, it is web adapters throughout.
 */
@AnalyzeClasses(packages = "org.coophub.workspace", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule dependsOnNoService = ArchitectureRules.dependsOnNoOtherService("workspace");

	@ArchTest
	static final ArchRule controllersArePackagePrivate = ArchitectureRules.controllersArePackagePrivate();

	@ArchTest
	static final ArchRule usesThePlatformsRoleType = ArchitectureRules.usesThePlatformsRoleType();

}
