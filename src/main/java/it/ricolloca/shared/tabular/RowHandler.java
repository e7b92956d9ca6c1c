package it.ricolloca.shared.tabular;

import java.util.List;

/** Receives a table's header, then each non-blank data row with its line number in the file. */
public interface RowHandler {

    void header(List<String> names);

    void row(int line, List<String> cells);

    /**
     * Whether the handler keeps what it reads until the end of the import (true by default): the reader then
     * reserves memory for each row before handing it over. A handler that writes rows away as they come
     * (and holds only a bounded buffer) says false.
     */
    default boolean keepsRows() {
        return true;
    }
}
