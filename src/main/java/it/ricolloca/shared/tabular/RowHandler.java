package it.ricolloca.shared.tabular;

import java.util.List;

/** Receives a table's header, then each non-blank data row with its line number in the file. */
public interface RowHandler {

    void header(List<String> names);

    void row(int line, List<String> cells);
}
