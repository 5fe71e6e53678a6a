package org.coophub.identity.client;

import org.coophub.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

	/**
	 * In memory: the clients are few, fixed and come from configuration, so every
	 * instance builds the same ones at start.
	 */
	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder passwords) {
		return new InMemoryRegisteredClientRepository(Clients.workspace(properties, passwords),
				Clients.scripts(properties, passwords));
	}

}
