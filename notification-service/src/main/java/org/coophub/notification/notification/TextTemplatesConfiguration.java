package org.coophub.notification.notification;

import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plain-text alternatives of the mails: templates named {@code *.txt} in TEXT mode,
 * beside Spring Boot's HTML resolver.
 */
@Configuration(proxyBeanMethods = false)
class TextTemplatesConfiguration {

	@Bean
	ITemplateResolver textTemplateResolver() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(java.util.Set.of("*.txt"));
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
