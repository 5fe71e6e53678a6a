package org.coophub.platform.paging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@link ListPages} every service reads its lists with; the bound of a search's total
 * is {@value ListPages#DEFAULT_BOUND} unless {@value ListPages#BOUND_PROPERTY} says
 * otherwise (tests set it small).
 */
@AutoConfiguration
public class PagingConfiguration {

	@Bean
	ListPages listPages(MongoOperations mongo,
			@Value("${" + ListPages.BOUND_PROPERTY + ":" + ListPages.DEFAULT_BOUND + "}") int bound) {
		return new ListPages(mongo, bound);
	}

}
