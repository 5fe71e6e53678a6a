package org.coophub.localstack.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.coophub.localstack.process.StackService;

/**
 * Finds the project folder holding the service modules: the current directory when run
 * from the project (as the README says), else the folder two levels above this jar
 * ({@code <root>/local-stack/target/local-stack.jar}).
 */
final class ProjectRoot {

	private ProjectRoot() {
	}

	static Path locate() {
		Path current = Path.of("").toAbsolutePath();
		if (holdsServices(current)) {
			return current;
		}
		// with java -jar, the class path is exactly that jar
		Path jar = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
		Path candidate = (jar.getNameCount() >= 3) ? jar.getParent().getParent().getParent() : null;
		return (candidate != null && holdsServices(candidate)) ? candidate : current;
	}

	private static boolean holdsServices(Path folder) {
		return Files.isDirectory(folder.resolve(StackService.AGREEMENT.moduleName()));
	}

}
