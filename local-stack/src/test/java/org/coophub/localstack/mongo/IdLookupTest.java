package org.coophub.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdLookupTest {

	@Test
	void findsAnIdPinnedAtTheTopLevel() {
		Document claim = new Document("_id", "n-1").append("status", "PLANNED");

		assertThat(IdLookup.pinnedId(claim)).isEqualTo("n-1");
	}

	@Test
	void findsAnIdPinnedInAnAnd() {
		Document upsert = new Document("$and",
				List.of(new Document("_id", "n-1"), new Document("version", new Document("$lt", 3L))));

		assertThat(IdLookup.pinnedId(upsert)).isEqualTo("n-1");
	}

	@Test
	void leavesOperatorsArraysAndMissingIdsToTheServer() {
		assertThat(IdLookup.pinnedId(new Document("_id", new Document("$in", List.of("a", "b"))))).isNull();
		assertThat(IdLookup.pinnedId(new Document("_id", new Document("$gt", "a")).append("x", 1))).isNull();
		assertThat(IdLookup.pinnedId(new Document("status", "PLANNED"))).isNull();
		assertThat(IdLookup.pinnedId(new Document("$or", List.of(new Document("_id", "a"))))).isNull();
		assertThat(IdLookup.pinnedId(new Document("_id", null))).isNull();
	}

	@Test
	void answersAFilterOfOnlyAnIdListFromTheIndexAlone() {
		assertThat(IdLookup.isOnlyIdIn(new Document("_id", new Document("$in", List.of("a", "b"))))).isTrue();
		assertThat(IdLookup.isOnlyIdIn(new Document("_id", new Document("$in", List.of("a"))).append("x", 1)))
			.isFalse();
		assertThat(IdLookup.isOnlyIdIn(new Document("_id", new Document("$nin", List.of("a"))))).isFalse();
		assertThat(IdLookup.isOnlyIdIn(new Document("_id", new Document("$in", List.of(new Document("$gt", 1))))))
			.isFalse();
	}

	@Test
	void findsAListOfIdsNamedWithMoreToMatch() {
		List<String> batch = List.of("n-1", "n-2");
		Document claim = new Document("_id", new Document("$in", batch)).append("$and",
				List.of(new Document("status", "PLANNED")));
		Document readBack = new Document("$and",
				List.of(new Document("_id", new Document("$in", batch)), new Document("claim", "token")));

		assertThat(IdLookup.pinnedIdList(claim)).isEqualTo(new Document("$in", batch));
		assertThat(IdLookup.pinnedIdList(readBack)).isEqualTo(new Document("$in", batch));
		assertThat(IdLookup.pinnedIdList(new Document("_id", new Document("$nin", batch)).append("x", 1))).isNull();
		assertThat(IdLookup.pinnedIdList(new Document("status", "PLANNED"))).isNull();
	}

}
