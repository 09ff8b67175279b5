package gov.appeals.kit.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Every list an API returns is a page: a default and a maximum size, a total, and a stable order chosen by the
 * caller of {@link #of}. Query parameters {@code page} (from 0) and {@code size}.
 */
public final class Paging {

    private Paging() {
    }

    /** @param page the page number, from 0; {@code size} items on each */
    public record Request(int page, int size) {

        public long skip() {
            return (long) page * size;
        }
    }

    /** One page of {@code total} items. */
    public record Page<T>(List<T> items, int page, int size, long total) {

        public Page {
            items = List.copyOf(items);
        }
    }

    /** Reads the parameters, each optional; a value out of range is a 400 naming it. */
    public static Request of(Integer page, Integer size, int defaultSize, int maxSize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page != null && page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size != null && (size < 1 || size > maxSize)) {
            problems.add(new FieldProblem("size", "must be from 1 to " + maxSize));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Request(page == null ? 0 : page, size == null ? defaultSize : size);
    }
}
