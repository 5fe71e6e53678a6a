package org.coophub.agreement.agreement;

import java.util.Map;

import org.coophub.platform.paging.ListPage;
import org.coophub.platform.paging.ListPages;
import org.coophub.platform.paging.ListPaging;
import org.coophub.platform.text.SearchTokens;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists agreements by status, party, area and free text, a page at a time. Every filter
 * is a lookup by an index of {@link Agreement} (the free text by its
 * {@link SearchTokens}), and a page is sorted by an indexed field: {@code code} unless
 * the client asks for {@code signedOn}. With free text the total counts at most
 * {@link ListPages#bound()} matches.
 */
@Component
class AgreementSearch {

	/**
	 * How a list may be paged and sorted (the API's names and the stored fields), checked
	 * by the controller before anything is read.
	 */
	static final ListPaging PAGING = new ListPaging(Map.of("code", "code", "signedOn", "signedOn"), Sort.by("code"));

	private final ListPages pages;

	AgreementSearch(ListPages pages) {
		this.pages = pages;
	}

	/**
	 * @param filter what to narrow the list to
	 * @param page a page {@link #PAGING} has checked
	 * @return the page
	 */
	ListPage<Agreement> find(AgreementFilter filter, Pageable page) {
		return this.pages.read(Query.query(criteria(filter)), page, Agreement.class,
				filter.q() != null && !filter.q().isBlank());
	}

	/**
	 * The filter as a MongoDB query: equality on indexed fields and the search tokens.
	 */
	static Criteria criteria(AgreementFilter filter) {
		Criteria criteria = new Criteria();
		if (filter.status() != null) {
			criteria.and("status").is(filter.status());
		}
		if (filter.party() != null && !filter.party().isBlank()) {
			criteria.and("parties.organizationId").is(filter.party());
		}
		if (filter.area() != null) {
			criteria.and("areas").is(filter.area());
		}
		return SearchTokens.narrow(criteria, filter.q());
	}

}
