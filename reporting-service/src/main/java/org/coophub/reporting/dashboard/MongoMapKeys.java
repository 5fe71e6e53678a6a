package org.coophub.reporting.dashboard;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * The projections keep activities and notifications in maps keyed by their ids, and a
 * notification id may hold an e-mail address; MongoDB field names cannot contain dots, so
 * dots in map keys are stored as a full-width full stop and read back as dots.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapKeys {

	static final String DOT_REPLACEMENT = "\uFF0E";

	@Bean
	static BeanPostProcessor mapKeysMayContainDots() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MappingMongoConverter converter) {
					converter.setMapKeyDotReplacement(DOT_REPLACEMENT);
				}
				return bean;
			}

		};
	}

}
