package it.ricolloca.shared.tabular;

/** Why one row of an imported file is rejected, already in Italian; the import goes on with the next row. */
public final class RowProblem extends RuntimeException {

    public RowProblem(String message) {
        super(message, null, false, false);
    }
}
