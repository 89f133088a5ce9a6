package io.quiver.bench.tpch;

import io.quiver.bench.tpch.BenchmarkOptions.Format;

/**
 * Where the engines take the TPC-H tables from.
 *
 * @param arrow the Arrow cache (always complete)
 * @param files the Parquet and CSV copies, or null when no query needs them
 * @param format whether the TPC-H queries read in-memory tables or the Parquet files
 */
public record TpchDataSource(TpchDataCache arrow, TpchFileCache files, Format format) {
  /** The file copies, or an exception naming what asked for them. */
  public TpchFileCache requireFiles(String what) {
    if (files == null) {
      throw new IllegalStateException(what + " needs the Parquet/CSV copies, which were not made");
    }
    return files;
  }
}
