package org.coophub.platform.config;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Tomcat refuses an encoded slash in a path ({@code /agreements/..%2Fetc}) with an HTML
 * page of its own, before the application sees it. Passing it through makes it an id like
 * any other: unknown, so a 404 problem+json, never a path.
 */
@AutoConfiguration
@ConditionalOnClass(Connector.class)
public class EncodedSlashConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashIsPartOfAnId() {
		return (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
