package org.coophub.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateMatchTest {

	private static final Document FILTER = new Document("searchTokens", new Document("$all", List.of("hoat", "dong")));

	@Test
	void aCountWithinABoundIsOfferedAsOrderless() {
		assertThat(
				offered(stage("$limit", 1001), stage("$group", new Document("_id", 1).append("n", sum()))).countsOnly())
			.isTrue();
		assertThat(offered(stage("$skip", 5), stage("$count", "n")).countsOnly()).isTrue();
		assertThat(offered(stage("$group", new Document("_id", null).append("n", sum()))).countsOnly()).isTrue();
	}

	@Test
	void aPipelineWhoseAnswerFollowsItsInputsOrderIsNot() {
		assertThat(offered().countsOnly()).isFalse();
		assertThat(offered(stage("$limit", 20)).countsOnly()).isFalse();
		assertThat(offered(stage("$group", new Document("_id", "$agreementId").append("n", sum()))).countsOnly())
			.isFalse();
		assertThat(offered(stage("$lookup", new Document("from", "organizations")), stage("$count", "n")).countsOnly())
			.isFalse();
	}

	@Test
	void aCountIsToldHowManyMatchesItCanUse() {
		// countDocuments with a limit of 1,001: the search's bounded total
		assertThat(offered(stage("$limit", 1001), stage("$group", new Document("_id", 1).append("n", sum()))).needed())
			.isEqualTo(1001);
		assertThat(offered(stage("$skip", 5), stage("$limit", 10), stage("$count", "n")).needed()).isEqualTo(15);
		assertThat(offered(stage("$limit", 10), stage("$skip", 5), stage("$count", "n")).needed()).isEqualTo(10);
		assertThat(offered(stage("$skip", 5), stage("$count", "n")).needed()).isEqualTo(Long.MAX_VALUE);
		assertThat(offered(stage("$limit", 20)).needed()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aGroupThatSumsAFieldIsNotACount() {
		// which documents a $limit lets through changes a sum of amounts
		assertThat(offered(stage("$limit", 10),
				stage("$group", new Document("_id", null).append("total", new Document("$sum", "$amount"))))
			.countsOnly()).isFalse();
	}

	@Test
	void theFilterIsOfferedOnceAndOnlyToTheCollectionAggregated() {
		Document command = aggregate(stage("$count", "n"));
		AggregateMatch.during("activities", "aggregate", command, () -> {
			assertThat(AggregateMatch.take("activities.other")).isNull();
			assertThat(AggregateMatch.take("activities.activities").filter()).isEqualTo(FILTER);
			assertThat(AggregateMatch.take("activities.activities")).isNull();
			return new Document();
		});
	}

	private static AggregateMatch.Offered offered(Document... stages) {
		AggregateMatch.Offered[] taken = new AggregateMatch.Offered[1];
		AggregateMatch.during("activities", "aggregate", aggregate(stages), () -> {
			taken[0] = AggregateMatch.take("activities.activities");
			return new Document();
		});
		return taken[0];
	}

	private static Document aggregate(Document... stages) {
		List<Document> pipeline = new java.util.ArrayList<>(List.of(stage("$match", FILTER)));
		pipeline.addAll(List.of(stages));
		return new Document("aggregate", "activities").append("pipeline", pipeline);
	}

	private static Document stage(String name, Object value) {
		return new Document(name, value);
	}

	private static Document sum() {
		return new Document("$sum", 1);
	}

}
