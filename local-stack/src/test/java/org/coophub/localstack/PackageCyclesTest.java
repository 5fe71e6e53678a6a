package org.coophub.localstack;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * local-stack's packages depend on each other in one direction only. The root package
 * (the public entry: {@code LocalStack}, {@code LocalStackOptions},
 * {@code ClientCredentialsToken}) is a slice of its own: ArchUnit's
 * {@code matching("org.coophub.localstack.(*)..")} would leave it out, and with it every
 * cycle through it.
 */
@AnalyzeClasses(packages = "org.coophub.localstack", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

	private static final String ROOT = "org.coophub.localstack";

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			if (name.equals(ROOT)) {
				return SliceIdentifier.of("root");
			}
			if (!name.startsWith(ROOT + ".")) {
				return SliceIdentifier.ignore();
			}
			return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
		}

		@Override
		public String getDescription() {
			return "the packages of local-stack, the root package included";
		}

	}).should().beFreeOfCycles();

}
