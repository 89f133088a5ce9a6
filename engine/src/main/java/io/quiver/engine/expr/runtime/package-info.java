/**
 * Static helpers that compiled expressions call once per row: the hot path of expression
 * evaluation.
 *
 * <h2>Value conventions</h2>
 *
 * <ul>
 *   <li>BOOLEAN is a {@code boolean}; TINYINT to BIGINT, DATE (days since 1970-01-01), TIMESTAMP
 *       (microseconds since 1970-01-01, no time zone), TIME (microseconds of the day), DECIMAL
 *       with precision up to 18 (the unscaled value) and INTERVAL (day-time in milliseconds,
 *       year-month in months) are {@code long}s; REAL and DOUBLE are {@code double}s.
 *   <li>DECIMAL with precision above 18 is a mutable {@link io.quiver.engine.expr.runtime.Int128}
 *       holder, one per expression node, reused for every row.
 *   <li>VARCHAR is {@code (long address, int byteLength)} of UTF-8 bytes off-heap. Results that
 *       are part of an input come back as a view packed in a long (see
 *       {@link io.quiver.engine.expr.runtime.Utf8Strings#viewOffset}); new text is written into
 *       a {@link io.quiver.engine.expr.runtime.ScratchBytes} owned by the expression.
 * </ul>
 *
 * <h2>Rules</h2>
 *
 * <p>No boxing and no allocation per call, except where a method says so (formatting doubles,
 * wide decimal division, slow paths for rare inputs, error messages). Errors are
 * {@link io.quiver.udf.error.QuiverException}s: EXECUTION for arithmetic that fails at run time
 * (PostgreSQL's wording: "integer out of range", "division by zero", "decimal overflow: value
 * does not fit DECIMAL(p,s)"), DATA for text that does not cast ("cannot cast 'abc' to
 * INTEGER").
 *
 * <h2>Semantics: DuckDB first, differences written down</h2>
 *
 * <p>Behaviour follows DuckDB (checked against DuckDB 1.4 by {@code DuckDbAgreementTest}) and
 * PostgreSQL where DuckDB is silent. Deliberate differences from DuckDB:
 *
 * <ul>
 *   <li>Division by zero (integer, decimal and double) is an error, as PostgreSQL; DuckDB returns
 *       NULL or infinity.
 *   <li>{@code SUBSTRING} with a start before 1 shortens the result as PostgreSQL
 *       ({@code SUBSTRING('abc' FROM -1 FOR 3) = 'a'}); DuckDB counts a negative start from the
 *       end. A negative length is an error (PostgreSQL).
 *   <li>A LIKE pattern that ends with its escape character is a DATA error (PostgreSQL); DuckDB
 *       matches nothing.
 *   <li>Text casts: BOOLEAN also accepts on/off and surrounding spaces, TIMESTAMP accepts
 *       surrounding spaces (PostgreSQL); DATE rejects trailing text that is not a time, where
 *       DuckDB ignores anything after the date.
 *   <li>DECIMAL text always has a leading zero ({@code 0.50} at DECIMAL(2,2)); DuckDB prints
 *       {@code .50} when the scale equals the precision.
 *   <li>UPPER/LOWER use Unicode simple case mapping per code point ('ß' stays 'ß'; DuckDB gives
 *       'ẞ').
 *   <li>DATE 'infinity' is not supported.
 * </ul>
 *
 * <p>Where DuckDB and PostgreSQL differ and Quiver follows DuckDB: integer text accepts
 * fractions, exponents, underscores and 0x/0b ({@code CAST('2.5' AS INTEGER) = 3}); DOUBLE to
 * integer rounds half to even; double text is DuckDB's shortest form ({@code 1e+20});
 * {@code POWER} returns infinity/NaN instead of raising; EXTRACT(SECOND) is whole seconds and
 * years use astronomical numbering (1 BC is year 0); an offset in TIMESTAMP text is ignored
 * (PostgreSQL does the same); there is no default LIKE escape.
 */
package io.quiver.engine.expr.runtime;
