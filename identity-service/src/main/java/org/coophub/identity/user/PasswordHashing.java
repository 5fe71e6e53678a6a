package org.coophub.identity.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/**
	 * Hashes with bcrypt today and records the algorithm in the hash ({@code {bcrypt}}),
	 * so a later change of algorithm still reads the old hashes. Client secrets use it
	 * too.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
