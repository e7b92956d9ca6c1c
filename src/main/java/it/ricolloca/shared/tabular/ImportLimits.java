package it.ricolloca.shared.tabular;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one imported file may make a node do (settings {@code ricolloca.imports.limits.*}): the size
 * of the file as sent, the bytes its workbook expands to in all, the size of each part of a workbook
 * (the sheets and the shared strings; every other part: styles, relationships, content types), its rows,
 * the cells of a row and the characters of a cell; and how many of its rejected rows a report lists
 * (all are counted and kept). Beyond any of them the file is refused with an Italian message and
 * nothing is imported. The memory an import holds is bounded besides by the node's {@code WorkBudget}.
 */
@ConfigurationProperties("ricolloca.imports.limits")
public record ImportLimits(DataSize maxFileSize, DataSize maxExpandedSize, DataSize maxSheetSize,
        DataSize maxSharedStringsSize, DataSize maxOtherPartSize, int maxRows, int maxCellsPerRow, int maxCellChars,
        int maxRejectionsListed, int concurrentPerNode) {

    public ImportLimits {
        maxFileSize = orDefault(maxFileSize, DataSize.ofMegabytes(100));
        maxExpandedSize = orDefault(maxExpandedSize, DataSize.ofGigabytes(1));
        maxSheetSize = orDefault(maxSheetSize, DataSize.ofMegabytes(768));
        maxSharedStringsSize = orDefault(maxSharedStringsSize, DataSize.ofMegabytes(256));
        maxOtherPartSize = orDefault(maxOtherPartSize, DataSize.ofMegabytes(4));
        maxRows = maxRows > 0 ? maxRows : 2_000_000;
        maxCellsPerRow = maxCellsPerRow > 0 ? maxCellsPerRow : 256;
        maxCellChars = maxCellChars > 0 ? maxCellChars : 32_767;
        maxRejectionsListed = maxRejectionsListed > 0 ? maxRejectionsListed : 1000;
        concurrentPerNode = concurrentPerNode > 0 ? concurrentPerNode : 2;
    }

    /** The rejected rows a report lists: the first {@code maxRejectionsListed} (all are counted and kept). */
    public <T> List<T> listed(List<T> rejections) {
        return List.copyOf(rejections.subList(0, Math.min(rejections.size(), maxRejectionsListed)));
    }

    /** The defaults, for code that runs without the application's settings. */
    public static ImportLimits defaults() {
        return new ImportLimits(null, null, null, null, null, 0, 0, 0, 0, 0);
    }

    private static DataSize orDefault(DataSize value, DataSize fallback) {
        return value == null || value.toBytes() <= 0 ? fallback : value;
    }
}
