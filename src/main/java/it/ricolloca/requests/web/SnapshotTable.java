package it.ricolloca.requests.web;

import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.internal.ImportHistory.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot as the seed's table: one row per competent CPI, one column per status, with totals. */
public record SnapshotTable(List<RequestStatus> statuses, List<Row> rows, List<Long> totals, long total) {

    /** One CPI's counts. */
    public record Row(String centre, List<Long> counts, long total) {
    }

    static SnapshotTable of(List<Cell> cells) {
        List<RequestStatus> statuses = Arrays.stream(RequestStatus.values())
                .filter(s -> cells.stream().anyMatch(c -> c.status().equals(s.name()))).toList();
        Map<String, long[]> byCentre = new LinkedHashMap<>();
        for (Cell c : cells) {
            long[] counts = byCentre.computeIfAbsent(c.centre(), k -> new long[statuses.size()]);
            counts[statuses.indexOf(RequestStatus.valueOf(c.status()))] += c.count();
        }
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[statuses.size()];
        byCentre.forEach((centre, counts) -> {
            long sum = 0;
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                list.add(counts[i]);
                totals[i] += counts[i];
                sum += counts[i];
            }
            rows.add(new Row(centre, list, sum));
        });
        return new SnapshotTable(statuses, rows, Arrays.stream(totals).boxed().toList(), Arrays.stream(totals).sum());
    }
}
