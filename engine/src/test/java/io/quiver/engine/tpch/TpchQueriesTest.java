package io.quiver.engine.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class TpchQueriesTest {
  @Test
  void everyQueryParsesWithCalcite() throws Exception {
    for (TpchQuery query : TpchQueries.all()) {
      assertThat(SqlParser.create(query.sql()).parseQuery())
          .as(query.name()).isNotNull();
    }
  }

  @Test
  void queriesKeepTheSpecificationsLimits() {
    assertThat(TpchQueries.all()).filteredOn(TpchQuery::limited).extracting(TpchQuery::number)
        .containsExactly(2, 3, 10, 18, 21);
    assertThat(TpchQueries.query(2).sql()).endsWith("limit 100");
    assertThat(TpchQueries.query(1).sql()).startsWith("select").doesNotContain("--");
  }

  @Test
  void parsesQueryLists() {
    assertThat(TpchQueries.parseList("1,3,5-7,q9")).extracting(TpchQuery::number)
        .containsExactly(1, 3, 5, 6, 7, 9);
    assertThat(TpchQueries.parseList("all")).hasSize(22);
    assertThat(TpchQueries.parseList("")).hasSize(22);
    assertThatThrownBy(() -> TpchQueries.parseList("1,x"))
        .hasMessageContaining("not a query number or range: 'x'");
    assertThatThrownBy(() -> TpchQueries.query(23)).hasMessageContaining("1 to 22");
  }

  @Test
  void orderKeysPointAtResultColumns() {
    assertThat(TpchQueries.query(18).orderKeyColumns()).isEqualTo(List.of(4, 3));
    assertThat(TpchQueries.query(6).orderKeyColumns()).isEmpty();
  }
}
