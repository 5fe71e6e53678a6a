package org.coophub.platform.zone;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Makes {@code coophub.program.zone} the one {@link ProgramZone} bean. A name the JDK
 * does not know stops the service at start instead of failing the first request that
 * needs it.
 */
@AutoConfiguration
public class ProgramZoneConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProgramZone programZone(@Value("${coophub.program.zone}") String zone) {
		return new ProgramZone(ZoneId.of(zone.strip()));
	}

}
