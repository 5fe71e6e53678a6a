package org.coophub.platform.web;

import org.coophub.platform.problem.StaleVersionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

	@Test
	void theCurrentVersionMatchesAsStrongOrWeakTagOrWildcard() {
		assertThatCode(() -> Versions.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("*", 3)).doesNotThrowAnyException();
	}

	@Test
	void aStaleVersionFailsAndNamesTheCurrentOne() {
		assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3)).isInstanceOf(StaleVersionException.class)
			.hasMessageContaining("version 3")
			.matches((ex) -> !((StaleVersionException) ex).isMissing());
	}

	@Test
	void aMissingHeaderIsRequired() {
		assertThatThrownBy(() -> Versions.requireMatch(null, 3)).isInstanceOf(StaleVersionException.class)
			.matches((ex) -> ((StaleVersionException) ex).isMissing());
	}

	@Test
	void theEtagIsTheQuotedVersion() {
		assertThat(Versions.etag(7)).isEqualTo("\"7\"");
		assertThat(Versions.ok("body", 7).getHeaders().getETag()).isEqualTo("\"7\"");
	}

}
