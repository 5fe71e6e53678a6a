package org.coophub.agreement.agreement;

import java.util.UUID;

import org.bson.Document;
import org.coophub.events.agreement.AgreementStatus;
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
 * On a real MongoDB (a container, where a Docker engine runs) the lists' queries are
 * index lookups: the winning plan of each scans an index, never the collection.
 */
@EnabledIf("dockerAvailable")
@SpringBootTest
@WithInfrastructure
class AgreementSearchExplainIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Test
	void listsAndSearchesAreAnsweredFromIndexes() {
		String party = UUID.randomUUID().toString();
		assertIndexed(new AgreementFilter(null, null, null, null));
		assertIndexed(new AgreementFilter(AgreementStatus.ACTIVE, null, null, null));
		assertIndexed(new AgreementFilter(null, party, null, null));
		assertIndexed(new AgreementFilter(null, null, null, "lam dong"));
		assertIndexed(new AgreementFilter(AgreementStatus.ACTIVE, party, null, "lam d"));
	}

	private void assertIndexed(AgreementFilter filter) {
		Pageable page = AgreementSearch.PAGING.check(PageRequest.of(0, 20));
		Query find = Query.query(AgreementSearch.criteria(filter)).with(page);
		Document explain = this.mongo.getCollection("agreements")
			.find(find.getQueryObject())
			.sort(find.getSortObject())
			.limit(20)
			.explain();
		String plan = explain.get("queryPlanner", Document.class).toJson();
		assertThat(plan).as(find.toString()).contains("IXSCAN").doesNotContain("COLLSCAN");
	}

}
