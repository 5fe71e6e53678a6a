package org.coophub.platform.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * One page of a list as every service answers it: {@code {"content": [...], "page":
 * {"size", "number", "totalElements", "totalPages"}}}, with {@code "totalCapped": true}
 * in {@code page} when the total stopped counting at a bound (see {@link ListPages}).
 *
 * @param content the items of the page
 * @param page where the page stands in the list
 * @param <T> the type of the items
 */
public record ListPage<T>(List<T> content, Metadata page) {

	/**
	 * @param page a page of Spring Data's with its exact total (a list not searched by
	 * free text, e.g. a repository's {@code findAll(Pageable)})
	 * @param <T> the type of the items
	 * @return the same page
	 */
	public static <T> ListPage<T> of(Page<T> page) {
		return counted(page.getContent(), page.getPageable(), page.getTotalElements(), false);
	}

	/**
	 * A page and its total.
	 * @param content the items read for the page
	 * @param pageable the page asked for
	 * @param total the matches counted, exactly or up to a bound
	 * @param capped whether the count stopped at the bound: more may match
	 * @return the page, whose total is never below the end of the items it holds
	 */
	static <T> ListPage<T> counted(List<T> content, Pageable pageable, long total, boolean capped) {
		long size = pageable.isPaged() ? pageable.getPageSize() : content.size();
		long number = pageable.isPaged() ? pageable.getPageNumber() : 0;
		long offset = pageable.isPaged() ? pageable.getOffset() : 0;
		long known = content.isEmpty() ? total : Math.max(total, offset + content.size());
		long pages = (size == 0) ? 1 : (known + size - 1) / size;
		return new ListPage<>(content, new Metadata(size, number, known, pages, capped ? Boolean.TRUE : null));
	}

	/**
	 * @param converter what each item becomes
	 * @param <R> the type of the items converted
	 * @return the same page of the converted items
	 */
	public <R> ListPage<R> map(Function<? super T, ? extends R> converter) {
		return new ListPage<>(this.content.stream().<R>map(converter).toList(), this.page);
	}

	/**
	 * Where a page stands in its list: Spring Data's page metadata, and whether its total
	 * stopped at a bound.
	 *
	 * @param size the largest number of items a page holds
	 * @param number the page's number, from 0
	 * @param totalElements the items of the list, or the bound (or the end of this page,
	 * when it lies past the bound) when {@code totalCapped}
	 * @param totalPages the pages of {@code totalElements}
	 * @param totalCapped true when the total stopped counting at the bound, absent
	 * otherwise
	 */
	@Schema(name = "PageMetadata")
	public record Metadata(@Schema(example = "20") long size, @Schema(example = "0") long number,
			@Schema(description = "The items of the list; when totalCapped, the bound at which the count stopped "
					+ "(or the end of this page, when it lies past the bound): at least that many match",
					example = "1000") long totalElements,
			@Schema(description = "The pages of totalElements", example = "50") long totalPages,
			@Schema(description = "Present, and true, only when the total of a free-text search stopped counting at "
					+ "the bound (1,000 by default): more items may match, and pages past the bound are still "
					+ "served", example = "true") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalCapped) {

	}

}
