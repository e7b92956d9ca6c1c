package it.ricolloca.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * A page of a searchable list, with what the pager needs to link the neighbouring pages. A capped view counted
 * its matches only up to {@code totalElements}: there are more, the pager offers the pages up to it.
 */
public record PageView<T>(List<T> items, int number, int size, long totalElements, String query, String basePath,
        boolean capped) {

    public static final int DEFAULT_SIZE = 20;

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper, String query, String basePath) {
        return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), query == null ? "" : query, basePath, false);
    }

    /** This page, its total read as a count stopped past {@code cap} (more than {@code cap}: capped at it). */
    public PageView<T> cappedAt(long cap) {
        return totalElements > cap ? new PageView<>(items, number, size, cap, query, basePath, true) : this;
    }

    /** Whether nothing was searched (the whole list): a capped count then asks for a search, not a narrower one. */
    public boolean unsearched() {
        return query == null || query.isBlank();
    }

    public int totalPages() {
        return size == 0 ? 1 : (int) Math.max(1, (totalElements + size - 1) / size);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages();
    }

    public String urlFor(int page) {
        String sep = basePath.contains("?") ? "&" : "?";
        String url = basePath + sep + "page=" + page;
        if (!query.isBlank()) {
            url += "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        }
        return url;
    }

    /**
     * The pages the pager links (0-based): the first, the last and the two around the current one, with
     * {@code -1} where pages are left out (shown as an ellipsis).
     */
    public List<Integer> pageLinks() {
        int last = totalPages() - 1;
        java.util.List<Integer> links = new java.util.ArrayList<>();
        int previous = -1;
        for (int p = 0; p <= last; p++) {
            if (p == 0 || p == last || Math.abs(p - number) <= 1) {
                if (previous >= 0 && p - previous > 1) {
                    links.add(-1);
                }
                links.add(p);
                previous = p;
            }
        }
        return links;
    }

    /** Clamps a requested page number into a sane range before it reaches a query. */
    public static int safePage(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, 100_000);
    }
}
