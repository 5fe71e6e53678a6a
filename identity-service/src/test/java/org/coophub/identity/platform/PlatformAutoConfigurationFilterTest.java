package org.coophub.identity.platform;

import java.util.Arrays;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity-service takes only types from cooperation-platform, none of its beans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class PlatformAutoConfigurationFilterTest {

	@Autowired
	ApplicationContext context;

	@Test
	void noBeanComesFromThePlatform() {
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map((name) -> this.context.getType(name))
			.filter((type) -> type != null
					&& type.getName().startsWith(PlatformAutoConfigurationFilter.PLATFORM_PACKAGE)))
			.isEmpty();
		assertThat(this.context.containsBean("outboxRelay")).isFalse();
	}

	@Test
	void thePlatformsAutoConfigurationsAreLeftOutAndOthersKept() {
		boolean[] kept = new PlatformAutoConfigurationFilter()
			.match(new String[] { "org.coophub.platform.config.PlatformAutoConfiguration", null,
					"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration" }, null);

		assertThat(kept).containsExactly(false, true, true);
	}

}
