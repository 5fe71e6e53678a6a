package org.coophub.activity.activity;

import java.util.UUID;

import org.bson.Document;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real MongoDB (a container, where a Docker engine runs) the list's queries are
 * index lookups: the winning plan of each scans an index, never the collection.
 */
@EnabledIf("dockerAvailable")
@SpringBootTest
@WithInfrastructure
class ActivitySearchExplainIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Test
	void listsAndSearchesAreAnsweredFromIndexes() {
		String agreement = UUID.randomUUID().toString();
		assertIndexed(new ActivityQuery(agreement, null, null, null, null, null, null));
		assertIndexed(new ActivityQuery(null, null, null, null, null, null, "hoat dong"));
		assertIndexed(new ActivityQuery(agreement, null, null, null, null, null, "lam d"));
		assertIndexed(new ActivityQuery(null, null, null, null, null, null, null));
	}

	private void assertIndexed(ActivityQuery query) {
		Pageable page = ActivityService.PAGING.check(PageRequest.of(0, 20));
		Query find = Query.query(query.criteria()).with(page);
		Document explain = this.mongo.getCollection("activities")
			.find(find.getQueryObject())
			.sort(find.getSortObject())
			.limit(20)
			.explain();
		String plan = explain.get("queryPlanner", Document.class).toJson();
		assertThat(plan).as(find.toString()).contains("IXSCAN").doesNotContain("COLLSCAN");
	}

}
