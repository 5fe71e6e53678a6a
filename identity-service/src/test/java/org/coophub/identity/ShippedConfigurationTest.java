package org.coophub.identity;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the jar ships: no secret, no demo password, demo users off. The tests' own values
 * are in config/application.yml of the test classpath, never in the jar.
 */
class ShippedConfigurationTest {

	@Test
	void theJarsConfigurationHoldsNoSecretAndTurnsDemoUsersOff() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties shipped = yaml.getObject();

		assertThat(shipped).containsEntry("coophub.identity.demo-users", false)
			.containsEntry("coophub.identity.api-audience", "coophub-api")
			.doesNotContainKeys("coophub.identity.scripts-secret", "coophub.identity.workspace-secret",
					"coophub.identity.demo-password", "coophub.identity.key-encryption-key");
		assertThat(shipped.values()).noneMatch((value) -> value.toString().contains("Passw0rd"));
	}

}
