package org.coophub.agreement.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists agreements by status, party, area and free text. A list scans the collection on
 * the embedded MongoDB whatever its filter (it has no secondary indexes); agreements are
 * few, and lists are not a hot path.
 */
@Component
class AgreementSearch {

	private final MongoTemplate mongo;

	AgreementSearch(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Page<Agreement> find(AgreementFilter filter, Pageable pageable) {
		List<Criteria> criteria = new ArrayList<>();
		if (filter.status() != null) {
			criteria.add(Criteria.where("status").is(filter.status()));
		}
		if (filter.party() != null && !filter.party().isBlank()) {
			criteria.add(Criteria.where("parties.organizationId").is(filter.party()));
		}
		if (filter.area() != null) {
			criteria.add(Criteria.where("areas").is(filter.area()));
		}
		if (filter.q() != null) {
			for (String word : SearchText.words(filter.q())) {
				criteria.add(Criteria.where("searchText").regex(Pattern.quote(word)));
			}
		}
		Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
		long total = this.mongo.count(query, Agreement.class);
		List<Agreement> content = this.mongo.find(query.with(pageable), Agreement.class);
		return new PageImpl<>(content, pageable, total);
	}

}
