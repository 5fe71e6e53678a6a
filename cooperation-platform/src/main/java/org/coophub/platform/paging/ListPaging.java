package org.coophub.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coophub.platform.web.FieldError;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * How one resource's list may be paged: at most {@value #MAX_SIZE} items a page, sorted
 * only by fields the store has an index for, so every page is read from an index whatever
 * the size of the collection. It also keeps a reader from sorting by a field they cannot
 * see and so learning its values by bisection.
 *
 * @param sortable the names a client may sort by, each with the stored field it stands
 * for
 * @param byDefault the order when the client asks for none, in stored fields
 */
public record ListPaging(Map<String, String> sortable, Sort byDefault) {

	/** The largest page a client may ask for. */
	public static final int MAX_SIZE = 200;

	/**
	 * The last sort key of every list: a total order, so pages neither repeat nor skip.
	 */
	static final String ID = "_id";

	/**
	 * @param requested the page, size and sort as the client sent them (Spring Data
	 * already fell back to its defaults for values it could not read)
	 * @return the page to read, sorted by stored fields, ending with {@code _id}
	 * @throws ErrorResponseException 400 naming {@code size} above {@value #MAX_SIZE}, or
	 * {@code sort} for a field not in {@link #sortable}
	 */
	public Pageable check(Pageable requested) {
		if (requested.getPageSize() > MAX_SIZE) {
			throw badRequest("size", "must be at most " + MAX_SIZE);
		}
		List<Sort.Order> orders = new ArrayList<>();
		for (Sort.Order order : requested.getSort()) {
			String stored = this.sortable.get(order.getProperty());
			if (stored == null) {
				throw badRequest("sort",
						"can only sort by " + this.sortable.keySet().stream().sorted().collect(Collectors.joining(", "))
								+ ", each optionally followed by ,asc or ,desc");
			}
			orders.add(new Sort.Order(order.getDirection(), stored));
		}
		Sort sort = orders.isEmpty() ? this.byDefault : Sort.by(orders);
		if (sort.getOrderFor(ID) == null) {
			// the same direction as the last key, so that an index {key: 1, _id: 1}
			// read backwards serves a descending order as well
			Sort.Direction last = sort.stream().reduce((a, b) -> b).map(Sort.Order::getDirection).orElse(null);
			sort = sort.and(Sort.by((last != null) ? last : Sort.Direction.ASC, ID));
		}
		return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), sort);
	}

	private static ErrorResponseException badRequest(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid fields: " + field + " (" + message + ")");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(new FieldError(field, message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
