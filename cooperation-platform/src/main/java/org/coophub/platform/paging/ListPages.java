package org.coophub.platform.paging;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads a page of a list and its total. The total of a list narrowed by free text counts
 * at most {@link #bound()} matches (and one more, to know that more match): a common word
 * matches nearly everything stored, and counting every match costs what the whole store
 * costs, on real MongoDB too (an index scan on the word and a fetch of every match).
 * MongoDB's own count limit stops it ({@code countDocuments} with a {@code $limit}
 * stage), and the page says so ({@code totalCapped}). A list without free text is
 * narrowed by an indexed key (one agreement's activities) and keeps its exact total. A
 * page that is not full tells its total without any count, as Spring Data's
 * {@code PageableExecutionUtils} does.
 */
public final class ListPages {

	/** The property that sets {@link #bound()}. */
	public static final String BOUND_PROPERTY = "coophub.paging.search-total-bound";

	/** What users of search engines know: "1,000+ results". */
	public static final int DEFAULT_BOUND = 1000;

	private final MongoOperations mongo;

	private final int bound;

	/**
	 * @param mongo the store
	 * @param bound the most matches a search's total counts, at least 1
	 */
	public ListPages(MongoOperations mongo, int bound) {
		if (bound < 1) {
			throw new IllegalArgumentException(BOUND_PROPERTY + " must be at least 1, was " + bound);
		}
		this.mongo = mongo;
		this.bound = bound;
	}

	/**
	 * @return the most matches a search's total counts
	 */
	public int bound() {
		return this.bound;
	}

	/**
	 * @param filter what the list holds, without sort, skip or limit
	 * @param page the page to read, already checked by the resource's {@link ListPaging}
	 * @param type the stored type
	 * @param search whether the filter narrows by free text: its total is then bounded
	 * @param <T> the stored type
	 * @return the page with its total
	 */
	public <T> ListPage<T> read(Query filter, Pageable page, Class<T> type, boolean search) {
		List<T> content = this.mongo.find(Query.of(filter).with(page), type);
		if (page.isUnpaged() || (page.getOffset() == 0 && content.size() < page.getPageSize())) {
			return ListPage.counted(content, page, content.size(), false);
		}
		if (!content.isEmpty() && content.size() < page.getPageSize()) {
			return ListPage.counted(content, page, page.getOffset() + content.size(), false);
		}
		if (!search) {
			return ListPage.counted(content, page, this.mongo.count(filter, type), false);
		}
		long counted = this.mongo.count(Query.of(filter).limit(this.bound + 1), type);
		return (counted > this.bound) ? ListPage.counted(content, page, this.bound, true)
				: ListPage.counted(content, page, counted, false);
	}

}
