package org.coophub.platform.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The input limits every service applies before a request reaches security or a
 * controller ({@link RequestLimits}; docs/security.md, "Input limits and hardening").
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebHardeningConfiguration {

	@Bean
	FilterRegistrationBean<RequestLimits> requestLimits(JsonMapper json,
			@Value("${coophub.web.max-body:1MB}") DataSize maxBody,
			@Value("${coophub.web.max-upload:10MB}") DataSize maxUpload) {
		FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
				new RequestLimits(json, maxBody, maxUpload));
		// after character encoding, before Spring Security: junk is refused before
		// anything reads it
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
