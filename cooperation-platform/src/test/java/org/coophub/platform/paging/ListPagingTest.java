package org.coophub.platform.paging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPagingTest {

	private final ListPaging activities = new ListPaging(Map.of("startsAt", "details.startsAt"),
			Sort.by("details.startsAt"));

	@Test
	void withoutASortTheDefaultOrderEndsWithTheId() {
		Pageable page = this.activities.check(PageRequest.of(3, 20));
		assertThat(page.getPageNumber()).isEqualTo(3);
		assertThat(page.getPageSize()).isEqualTo(20);
		assertThat(page.getSort()).isEqualTo(Sort.by("details.startsAt", "_id"));
	}

	@Test
	void anAllowedSortIsMappedToItsStoredFieldKeepingTheDirectionForTheIdToo() {
		Pageable page = this.activities.check(PageRequest.of(0, 200, Sort.by(Sort.Direction.DESC, "startsAt")));
		assertThat(page.getSort())
			.isEqualTo(Sort.by(Sort.Order.desc("details.startsAt"), Sort.Order.desc(ListPaging.ID)));
	}

	@Test
	void aSortByAnyOtherFieldIsABadRequestNamingSort() {
		assertThatThrownBy(() -> this.activities.check(PageRequest.of(0, 20, Sort.by("details.description"))))
			.isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getBody().getProperties()).extractingByKey("errors")
					.asString()
					.contains("field=sort")
					.contains("startsAt");
			});
	}

	@Test
	void aPageAboveTheLargestSizeIsABadRequestNamingSize() {
		assertThat(this.activities.check(PageRequest.of(0, ListPaging.MAX_SIZE)).getPageSize())
			.isEqualTo(ListPaging.MAX_SIZE);
		assertThatThrownBy(() -> this.activities.check(PageRequest.of(0, ListPaging.MAX_SIZE + 1)))
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getBody().getProperties()).extractingByKey("errors")
						.asString()
						.contains("field=size"));
	}

}
