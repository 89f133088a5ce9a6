package io.quiver.engine.source.parquet;

import java.nio.file.Path;

/**
 * One unit of scan work: a row group of a file. Units are independent, so a parallel scan can
 * hand them to different workers later.
 *
 * @param file the Parquet file
 * @param rowGroup index of the row group in the footer
 * @param rows rows in the row group
 */
record RowGroupUnit(Path file, int rowGroup, long rows) {}
